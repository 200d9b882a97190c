import Link from "next/link";

import { PrintButton } from "@/components/ui/print-button";
import { campaignsMessages } from "@/messages/fr/campaigns";

import { formatCampaignCode } from "../domain/campaign-code";
import type { CampaignSheet } from "../types";

const t = campaignsMessages.sheet;

/** Small line pictograms for the four steps; decorative, the text says it all. */
const pictograms = [
  // ENT: a school building.
  <svg
    key="ent"
    viewBox="0 0 48 48"
    className="h-12 w-12"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    strokeWidth="3"
    strokeLinejoin="round"
  >
    <path d="M6 20 24 8l18 12" />
    <path d="M10 20v20h28V20" />
    <path d="M20 40V29h8v11" />
  </svg>,
  // Médiacentre: a grid of resource tiles.
  <svg
    key="media"
    viewBox="0 0 48 48"
    className="h-12 w-12"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    strokeWidth="3"
  >
    <rect x="7" y="7" width="14" height="14" rx="2" />
    <rect x="27" y="7" width="14" height="14" rx="2" />
    <rect x="7" y="27" width="14" height="14" rx="2" />
    <rect x="27" y="27" width="14" height="14" rx="2" />
  </svg>,
  // Pix: the resource tile.
  <svg key="pix" viewBox="0 0 48 48" className="h-12 w-12" aria-hidden="true">
    <rect x="4" y="8" width="40" height="32" rx="6" fill="currentColor" />
    <text x="24" y="30" textAnchor="middle" fontSize="15" fontWeight="700" fill="#fff" fontFamily="sans-serif">
      Pix
    </text>
  </svg>,
  // Code + birth date: a keyboard key and a calendar.
  <svg
    key="code"
    viewBox="0 0 48 48"
    className="h-12 w-12"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    strokeWidth="3"
  >
    <rect x="6" y="10" width="36" height="30" rx="3" />
    <path d="M6 18h36M15 6v8M33 6v8" />
    <path d="M13 26h6M21 26h6M29 26h6M13 33h6M21 33h6" />
  </svg>,
];

function ClassSheet({
  sheet,
  division,
  learners,
}: {
  sheet: CampaignSheet;
  division: string;
  learners: { id: number; firstName: string; lastName: string }[];
}) {
  const code = formatCampaignCode(sheet.code);
  return (
    <section aria-label={t.title(division)} className="sheet-class">
      <article className="sheet-page mx-auto max-w-[190mm] bg-white p-8 print:p-0">
        <header className="flex items-start justify-between gap-4 border-b-2 border-ink pb-3">
          <div>
            <p className="text-lg font-bold">{sheet.schoolName}</p>
            <p className="text-muted">{sheet.campaignName}</p>
          </div>
          <p className="text-3xl font-extrabold">{division}</p>
        </header>

        <h2 className="mt-6 text-3xl font-bold">{t.heading}</h2>
        <p className="mt-2 text-lg">{t.intro}</p>

        <ol className="mt-6 grid grid-cols-4 gap-3">
          {t.steps.map((step, index) => (
            <li key={step.title} className="flex flex-col items-center rounded-lg border-2 border-ink p-3 text-center">
              <span className="text-primary">{pictograms[index]}</span>
              <span className="mt-2 text-sm font-bold">
                {index + 1}. {step.title}
              </span>
              <span className="mt-1 text-sm">{step.text}</span>
            </li>
          ))}
        </ol>

        <div className="mt-8 rounded-xl border-4 border-ink p-6 text-center">
          <p className="text-xl font-semibold">{t.codeLabel}</p>
          <p className="mt-2 font-mono text-7xl font-extrabold tracking-widest" data-testid="sheet-code">
            {code}
          </p>
        </div>

        <p className="mt-6 text-lg">{t.afterwards}</p>
        <p className="mt-2 text-lg font-semibold">{t.help}</p>
      </article>

      <article className="sheet-slips mx-auto mt-8 max-w-[190mm] bg-white p-8 print:mt-0 print:p-0">
        <h3 className="mb-3 text-lg font-bold">
          {t.slipsTitle} — {division}
        </h3>
        {learners.length === 0 ? (
          <p>{t.noLearners}</p>
        ) : (
          <ul className="grid grid-cols-3 pt-px pl-px">
            {learners.map((learner) => (
              <li
                key={learner.id}
                className="slip -mt-px -ml-px border border-dashed border-ink p-3"
                data-testid="sheet-slip"
              >
                <p className="truncate font-bold">
                  {learner.lastName} {learner.firstName}
                </p>
                <p className="text-xs">
                  {division} · {t.slipSteps}
                </p>
                <p className="mt-1 font-mono text-xl font-extrabold tracking-wider">{code}</p>
                <p className="text-xs">{t.slipBirthdate}</p>
              </li>
            ))}
          </ul>
        )}
      </article>
    </section>
  );
}

export function StudentSheet({ sheet, campaignId }: { sheet: CampaignSheet; campaignId: number }) {
  if (sheet.isArchived) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t.documentTitle}</h1>
        <p
          role="status"
          className="max-w-3xl rounded-lg border-2 border-danger bg-danger-light p-3 font-semibold text-danger"
        >
          {campaignsMessages.page.archivedNoSheet}
        </p>
        <Link href={`/orga/campagnes/${campaignId}`} className="font-semibold text-primary underline">
          {t.back}
        </Link>
      </div>
    );
  }
  return (
    <div className="student-sheet">
      {/* A4 pages: one page of instructions per class, then its slips; nothing of the Orga chrome. */}
      <style>{`
        @page { size: A4 portrait; margin: 12mm; }
        @media print {
          .sheet-page { break-after: page; }
          .sheet-class:not(:last-child) .sheet-slips { break-after: page; }
          .slip { break-inside: avoid; }
          .student-sheet { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
      `}</style>
      <div className="no-print mb-6 flex flex-wrap items-center gap-4">
        <h1 className="text-3xl font-bold">{t.documentTitle}</h1>
        <PrintButton label={t.print} />
        <Link href={`/orga/campagnes/${campaignId}`} className="font-semibold text-primary underline">
          {t.back}
        </Link>
        <p className="w-full text-muted">{t.printHint}</p>
      </div>
      <div className="space-y-8 print:space-y-0">
        {sheet.classes.length === 0 ? (
          <ClassSheet sheet={sheet} division={t.schoolWide} learners={[]} />
        ) : (
          sheet.classes.map((group) => (
            <ClassSheet key={group.division} sheet={sheet} division={group.division} learners={group.learners} />
          ))
        )}
      </div>
    </div>
  );
}
