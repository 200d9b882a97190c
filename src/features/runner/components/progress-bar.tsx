import { runnerText } from "@/messages/fr/runner";

import { toProgressPercent } from "@/features/parcours/domain/adaptive";
import type { Progress } from "@/features/parcours/types";

export function ProgressBar({ progress }: { progress: Progress }) {
  const current = progress.answeredCount + 1;
  const total = Math.max(current, progress.estimatedTotal);
  const percent = toProgressPercent(progress);
  return (
    <div className="space-y-2">
      <p id="progress-label" className="text-base font-semibold text-muted">
        {runnerText.question.progress(current, total)}
      </p>
      <div
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={progress.answeredCount}
        className="h-3 w-full overflow-hidden rounded-full bg-primary-light"
      >
        <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
