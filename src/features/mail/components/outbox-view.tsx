import { mailMessages as t } from "@/messages/fr/mail";
import { formatDateTimeWithSeconds } from "@/messages/fr/format";

import type { OutboxEntry } from "../types";

export function OutboxView({
  access,
  usesSmtp,
  entries,
}: {
  access: "ALL" | "RECIPIENT" | "LOCKED";
  usesSmtp: boolean;
  entries: (OutboxEntry & { links: string[] })[];
}) {
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-6 py-8">
      <h1 className="text-3xl font-bold">{t.outbox.title}</h1>
      <p className="text-muted">{t.outbox.intro}</p>
      {access === "LOCKED" && <p className="rounded-md border border-amber-400 bg-amber-50 p-4">{t.outbox.locked}</p>}
      {access === "RECIPIENT" && (
        <p className="rounded-md border border-slate-300 bg-white p-4">{t.outbox.recipientOnly}</p>
      )}
      {usesSmtp && <p className="rounded-md border border-slate-300 bg-white p-4">{t.outbox.smtpConfigured}</p>}
      {access === "LOCKED" ? null : entries.length === 0 ? (
        <p className="rounded-md border border-slate-300 bg-white p-4">{t.outbox.empty}</p>
      ) : (
        <ol className="space-y-4" aria-label={t.outbox.listLabel}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <article aria-labelledby={`mail-${entry.id}`} className="rounded-lg border border-slate-300 bg-white p-5">
                <h2 id={`mail-${entry.id}`} className="text-lg font-bold">
                  {entry.subject}
                </h2>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
                  <dt className="font-semibold">{t.outbox.to}</dt>
                  <dd data-testid="outbox-to" className="break-all">
                    {entry.to}
                  </dd>
                  <dt className="font-semibold">{t.outbox.date}</dt>
                  <dd>{formatDateTimeWithSeconds(new Date(entry.createdAt))}</dd>
                </dl>
                <pre className="mt-3 overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans text-base">
                  {entry.text}
                </pre>
                {entry.links.length > 0 && (
                  <ul className="mt-3 space-y-1">
                    {entry.links.map((link) => (
                      <li key={link}>
                        <a href={link} className="font-semibold break-all text-primary underline">
                          {t.outbox.openLink} : {link}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
