import Link from "next/link";

import { buttonClass } from "@/components/ui/button";
import { privacyMessages as t } from "@/messages/fr/privacy";

/**
 * The "Données" cell of the Élèves table (ADMIN): the learner's export, a JSON download from
 * `/orga/eleves/[id]/export` (a plain link, never prefetched: each export is audit-logged), and
 * the erasure's confirmation page. Both belong to the privacy feature (docs/decisions/012).
 */
export function LearnerDataLinks({
  learnerId,
  name,
  canExport,
  canErase,
}: {
  learnerId: number;
  name: string;
  canExport: boolean;
  canErase: boolean;
}) {
  return (
    <span className="flex flex-wrap gap-2">
      {canExport && (
        <a href={`/orga/eleves/${learnerId}/export`} download className={buttonClass("secondary", "small")}>
          {t.export.link}
          <span className="sr-only">{t.export.ofLearner(name)}</span>
        </a>
      )}
      {canErase && (
        <Link href={`/orga/eleves/${learnerId}/effacement`} prefetch={false} className={buttonClass("danger", "small")}>
          {t.erase.link}
          <span className="sr-only">{t.erase.ofLearner(name)}</span>
        </Link>
      )}
    </span>
  );
}
