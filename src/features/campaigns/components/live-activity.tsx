"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";

import { DataTable } from "@/components/ui/data-table";
import { campaignsMessages } from "@/messages/fr/campaigns";
import { formatDate, formatTimeWithSeconds } from "@/messages/fr/format";

import type { ParticipationStatusName } from "../domain/activity";
import { type ActivityChange, listActivityChanges } from "../domain/activity-changes";

const t = campaignsMessages.activity;
const p = campaignsMessages.participant;

/** The Activité data as it travels as JSON (dates as ISO strings). */
export type ActivityData = {
  counts: Record<ParticipationStatusName, number> & { total: number };
  participants: {
    participationId: number;
    learnerId: number;
    firstName: string;
    lastName: string;
    division: string;
    status: ParticipationStatusName;
    progress: number;
    masteryRate: number | null;
    startedAt: string;
  }[];
  notJoined: { id: number; firstName: string; lastName: string }[] | null;
};

const POLL_MS = 5000;
/** Up to this many changes in one poll are named; more are counted by kind. */
const NAMED_CHANGES = 3;

function announce(changes: ActivityChange[]): string {
  if (changes.length <= NAMED_CHANGES) {
    return changes.map((change) => t.liveChanges[change.kind](`${change.firstName} ${change.lastName}`)).join(" ");
  }
  return (["JOINED", "FINISHED", "SHARED"] as const)
    .map((kind) => ({ kind, count: changes.filter((change) => change.kind === kind).length }))
    .filter(({ count }) => count > 0)
    .map(({ kind, count }) => t.liveChangesCounted[kind](count))
    .join(" ");
}

/**
 * Short polling of a JSON route rather than a held connection: works through every proxy and
 * with any number of app instances, and a class joining is a matter of minutes, not milliseconds.
 * Polling pauses while the tab is hidden.
 */
export function LiveActivity({
  campaignId,
  initial,
  query = "",
  showParticipants = true,
}: {
  campaignId: number;
  initial: ActivityData;
  /** The filters' URL parameters (`division=…&status=…`): the polling asks for the same. */
  query?: string;
  /** False for the status "Pas commencé": only the learners not started are listed. */
  showParticipants?: boolean;
}) {
  const [data, setData] = useState(initial);
  const latest = useRef(initial);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  // What the live region says: the last poll's changes only, so a quiet poll says nothing new.
  const [announcement, setAnnouncement] = useState("");
  const [hasFailed, setHasFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(`/orga/campagnes/${campaignId}/activite${query ? `?${query}` : ""}`, {
            cache: "no-store",
            headers: { Accept: "application/json" },
          });
          if (!response.ok) throw new Error(String(response.status));
          const next = (await response.json()) as ActivityData;
          if (cancelled) return;
          const changes = listActivityChanges(latest.current.participants, next.participants);
          latest.current = next;
          setData(next);
          if (changes.length > 0) setAnnouncement(announce(changes));
          setUpdatedAt(new Date());
          setHasFailed(false);
        } catch {
          if (!cancelled) setHasFailed(true);
        }
      }
      if (!cancelled) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [campaignId, query]);

  const { counts, participants, notJoined } = data;
  return (
    <div className="space-y-8">
      <section aria-labelledby="counts-title">
        <h2 id="counts-title" className="sr-only">
          {t.countsTitle}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {[
            { key: "total", label: t.total, value: counts.total },
            { key: "STARTED", label: t.statuses.STARTED, value: counts.STARTED },
            { key: "TO_SHARE", label: t.statuses.TO_SHARE, value: counts.TO_SHARE },
            { key: "SHARED", label: t.statuses.SHARED, value: counts.SHARED },
          ].map((item) => (
            <li
              key={item.key}
              className="rounded-lg border border-slate-200 bg-white p-4"
              data-testid={`count-${item.key}`}
            >
              <p className="text-4xl font-bold text-primary">{item.value}</p>
              <p className="font-semibold">{item.label}</p>
            </li>
          ))}
        </ul>
        {/* The time is shown, not announced: only changes go to the live region. */}
        <p className="mt-2 text-sm text-muted" data-testid="live-updated">
          {!hasFailed && updatedAt ? t.liveUpdated(formatTimeWithSeconds(updatedAt)) : null}
        </p>
        <p aria-live="polite" className="text-sm" data-testid="live-announcement">
          {hasFailed ? (
            <span className="font-semibold text-danger">{t.liveError}</span>
          ) : (
            <span className="sr-only">{announcement}</span>
          )}
        </p>
      </section>

      {notJoined !== null && (
        <section aria-labelledby="not-joined-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="not-joined-title" className="text-xl font-bold">
            {t.notJoinedTitle(notJoined.length)}
          </h2>
          {notJoined.length === 0 ? (
            <p className="mt-2 font-semibold text-success">{t.allJoined}</p>
          ) : (
            <>
              <p className="mt-1 text-muted">{t.notJoinedIntro}</p>
              <ul className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3" data-testid="not-joined-list">
                {notJoined.map((learner) => (
                  <li key={learner.id}>
                    <span className="font-semibold">{learner.lastName}</span> {learner.firstName}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {showParticipants && (
        <section aria-labelledby="participants-title">
          <h2 id="participants-title" className="text-xl font-bold">
            {t.participantsTitle}
          </h2>
          <DataTable
            caption={t.participantsCaption}
            rows={participants}
            rowKey={(participant) => participant.participationId}
            empty={t.noParticipant}
            className="mt-3"
            columns={[
              {
                key: "name",
                header: t.columns.name,
                cell: (participant) => (
                  <Link
                    href={`/orga/eleves/${participant.learnerId}`}
                    prefetch={false}
                    className="text-primary underline"
                  >
                    <span className="font-semibold">{participant.lastName}</span> {participant.firstName}
                  </Link>
                ),
              },
              { key: "division", header: t.columns.division, cell: (participant) => participant.division },
              { key: "status", header: t.columns.status, cell: (participant) => t.statuses[participant.status] },
              {
                key: "progress",
                header: t.columns.progress,
                cell: (participant) => (
                  <div className="flex items-center gap-2">
                    <div className="h-2 w-24 overflow-hidden rounded bg-slate-200" aria-hidden="true">
                      <div className="h-full bg-primary" style={{ width: `${participant.progress}%` }} />
                    </div>
                    <span>{t.progress(participant.progress)}</span>
                  </div>
                ),
              },
              {
                key: "mastery",
                header: t.columns.mastery,
                align: "right",
                cell: (participant) =>
                  participant.masteryRate === null ? (
                    <span className="text-muted">{campaignsMessages.results.empty}</span>
                  ) : (
                    t.progress(Math.round(participant.masteryRate * 100))
                  ),
              },
              {
                key: "startedAt",
                header: t.columns.startedAt,
                cell: (participant) => formatDate(new Date(participant.startedAt)),
              },
              {
                key: "result",
                header: t.columns.result,
                cell: (participant) => (
                  <Link
                    href={`/orga/campagnes/${campaignId}/participants/${participant.participationId}`}
                    prefetch={false}
                    className="font-semibold text-primary underline"
                  >
                    {p.seeResult}
                    <span className="sr-only">
                      {" "}
                      {p.seeResultOf(`${participant.firstName} ${participant.lastName}`)}
                    </span>
                  </Link>
                ),
              },
            ]}
          />
        </section>
      )}
    </div>
  );
}
