export type ParticipationStatusName = "STARTED" | "TO_SHARE" | "SHARED";

export type StatusCounts = Record<ParticipationStatusName, number> & { total: number };

export function countByStatus(statuses: Iterable<ParticipationStatusName>): StatusCounts {
  const counts: StatusCounts = { STARTED: 0, TO_SHARE: 0, SHARED: 0, total: 0 };
  for (const status of statuses) {
    counts[status] += 1;
    counts.total += 1;
  }
  return counts;
}

/** Share of the class that has joined, as "18 / 27" and a rounded percentage. */
export function joinedRatio(joined: number, total: number): { label: string; percent: number } {
  return { label: `${joined} / ${total}`, percent: total === 0 ? 0 : Math.round((joined / total) * 100) };
}
