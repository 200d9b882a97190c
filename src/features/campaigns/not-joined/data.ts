import "server-only";

import { prisma, type DbClient } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { AuthorizedSchoolId } from "@/lib/session";

import { listNotJoinedLearners } from "../data";
import type { NotJoinedList } from "./types";

function isoDate(date: Date): string {
  // Prisma hands a DATE column back as midnight UTC.
  return date.toISOString().slice(0, 10);
}

/**
 * The class's learners who have not joined the campaign, to chase them (print or CSV): who they
 * are is decided by `listNotJoinedLearners`, the Activité tab's list, so both always agree; this
 * adds what a teacher needs on paper (birth date, to tell namesakes apart) and whether they ever
 * arrived through the GAR (if not, the ENT or the GAR assignment is the problem, not the code).
 */
export async function getNotJoinedList(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  db: DbClient = prisma,
): Promise<NotJoinedList> {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, schoolId },
    select: { id: true, name: true, code: true, division: true, archivedAt: true, school: { select: { name: true } } },
  });
  if (!campaign) throw new DomainError("NOT_FOUND");
  const notJoined = await listNotJoinedLearners(schoolId, campaignId, db);
  const details =
    notJoined === null || notJoined.length === 0
      ? []
      : await db.learner.findMany({
          where: { schoolId, id: { in: notJoined.map((learner) => learner.id) } },
          select: {
            id: true,
            birthdate: true,
            user: { select: { authenticationMethods: { where: { provider: "GAR" }, select: { id: true } } } },
          },
        });
  const byId = new Map(details.map((learner) => [learner.id, learner]));
  return {
    schoolName: campaign.school.name,
    campaign: {
      id: campaign.id,
      name: campaign.name,
      code: campaign.code,
      division: campaign.division,
      isArchived: campaign.archivedAt !== null,
    },
    learners:
      notJoined === null
        ? null
        : notJoined.flatMap((learner) => {
            const detail = byId.get(learner.id);
            if (!detail) return [];
            return [
              {
                id: learner.id,
                lastName: learner.lastName,
                firstName: learner.firstName,
                division: learner.division,
                birthdate: isoDate(detail.birthdate),
                hasSignedInWithGar: (detail.user?.authenticationMethods.length ?? 0) > 0,
              },
            ];
          }),
  };
}
