import Link from "next/link";

import { accountsText } from "@/messages/fr/student-accounts";
import { formatDate } from "@/messages/fr/format";

import type { StudentParticipationCard } from "../types";

/** The student app's home for a visitor not signed in: how to come in through the ENT. */
export function SignedOutHome() {
  const text = accountsText.signedOutHome;
  return (
    <>
      <h1 className="text-3xl font-bold">{text.title}</h1>
      <p className="text-lg">{text.intro}</p>
      <p className="text-lg">{text.howTo}</p>
      <Link
        // Following it starts a GAR sign-in (a row, a cookie, a redirect to the GAR): never prefetched.
        prefetch={false}
        href="/gar/connexion"
        className="inline-flex min-h-12 w-fit items-center rounded-lg bg-primary px-6 py-3 text-lg font-semibold text-white hover:bg-primary-dark"
      >
        {text.signIn}
      </Link>
      <p className="mt-8 text-muted">
        {text.staff}{" "}
        <Link href="/orga" className="font-semibold text-primary underline">
          {text.staffLink}
        </Link>
      </p>
    </>
  );
}

function CampaignCard({ card, action }: { card: StudentParticipationCard; action?: { label: string; href: string } }) {
  const text = accountsText.home;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-5">
      <div>
        <p className="text-lg font-semibold">{card.title}</p>
        <p className="text-muted">{card.schoolName}</p>
        <p className="text-sm text-muted">
          {card.sharedAt ? text.sentOn(formatDate(card.sharedAt)) : text.startedOn(formatDate(card.startedAt))}
        </p>
      </div>
      {action && (
        <Link
          href={action.href}
          aria-label={`${action.label} : ${card.title}`}
          className="inline-flex min-h-12 items-center rounded-lg bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark"
        >
          {action.label}
        </Link>
      )}
    </li>
  );
}

/** One group of the signed-in student's campaigns (in progress, finished, shared); nothing when empty. */
export function StudentCampaignSection({
  title,
  cards,
  action,
}: {
  title: string;
  cards: StudentParticipationCard[];
  action?: (card: StudentParticipationCard) => { label: string; href: string };
}) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby={`section-${title}`} className="flex flex-col gap-3">
      <h2 id={`section-${title}`} className="text-xl font-bold">
        {title} ({cards.length})
      </h2>
      <ul className="flex flex-col gap-3">
        {cards.map((card) => (
          <CampaignCard key={card.participationId} card={card} action={action?.(card)} />
        ))}
      </ul>
    </section>
  );
}
