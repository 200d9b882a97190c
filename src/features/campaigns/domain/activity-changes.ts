import type { ParticipationStatusName } from "./activity";

/** What a screen reader hears about one participant between two polls of the Activité tab. */
export type ActivityChange = {
  kind: "JOINED" | "FINISHED" | "SHARED";
  firstName: string;
  lastName: string;
};

type Participant = {
  participationId: number;
  firstName: string;
  lastName: string;
  status: ParticipationStatusName;
};

const kindOf: Record<ParticipationStatusName, ActivityChange["kind"]> = {
  STARTED: "JOINED",
  TO_SHARE: "FINISHED",
  SHARED: "SHARED",
};

/**
 * The changes from one poll to the next, for the live region (docs/ux.md: announce what changed,
 * never "updated at …" every 5 seconds): a participation that appears is announced by its status
 * (a filter on status may show it first as finished or shared), one that moves on by its new
 * status; one that disappears (deleted, filtered out) and one that stays as it was, never.
 */
export function listActivityChanges(previous: readonly Participant[], next: readonly Participant[]): ActivityChange[] {
  const before = new Map(previous.map((participant) => [participant.participationId, participant.status]));
  const changes: ActivityChange[] = [];
  for (const participant of next) {
    const was = before.get(participant.participationId);
    if (was === participant.status) continue;
    changes.push({
      kind: kindOf[participant.status],
      firstName: participant.firstName,
      lastName: participant.lastName,
    });
  }
  return changes;
}
