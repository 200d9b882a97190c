import "server-only";

import { prisma, type DbClient } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { AuthorizedSchoolId } from "@/lib/session";
import { isAttachedToSchool } from "./domain/gar-claims";
import type { ReconciliationCandidate } from "./domain/reconciliation";
import { learnerOfBlockedIdentity } from "./domain/student-lockout";
import type { BlockedStudent, CampaignEntry, StudentHome, StudentParticipationCard } from "./types";

/**
 * Reads of the student side. Students are not members of a school: their reads are scoped by
 * their own user id, and campaign lookups by the code they typed.
 */

export type CampaignForEntry = {
  id: number;
  code: string;
  name: string;
  title: string | null;
  archivedAt: Date | null;
  school: { id: number; name: string; uai: string; managesStudents: boolean; archivedAt: Date | null };
};

/** A row even for an unknown code (then `id` is null), so that the pending identity is always checked. */
type CampaignForEntryRow = {
  id: number | null;
  code: string;
  name: string;
  title: string | null;
  archived_at: Date | null;
  school_id: number;
  school_name: string;
  uai: string;
  manages_students: boolean;
  school_archived_at: Date | null;
  pending_usable: boolean;
  /** With a user: their learner in the campaign's school, an enabled one first. */
  learner_id: number | null;
  learner_is_disabled: boolean | null;
};

/**
 * The campaign and its school in one statement (Prisma's nested select would send two), and,
 * when a pending identity is given, whether its row still allows a reconciliation (as
 * `isPendingIdentityUsable`), in the same statement — known even when the code is not.
 */
async function readCampaignByCode(
  code: string,
  db: DbClient,
  pending?: { id: string; now: Date },
  userId?: number,
): Promise<{
  campaign: CampaignForEntry | null;
  isPendingIdentityUsable: boolean;
  learner: { id: number; isDisabled: boolean } | null;
}> {
  const [row] = await db.$queryRaw<CampaignForEntryRow[]>`
    SELECT c.id, c.code, c.name, c.title, c.archived_at,
           s.id AS school_id, s.name AS school_name, s.uai, s.manages_students, s.archived_at AS school_archived_at,
           EXISTS (
             SELECT 1 FROM gar_pending_identities g
              WHERE g.id = ${pending?.id ?? null} AND g.consumed_at IS NULL
                AND g.expires_at > ${(pending?.now ?? new Date()).toISOString()}::timestamp(3)
           ) AS pending_usable,
           l.id AS learner_id, l.is_disabled AS learner_is_disabled
      FROM (SELECT 1) AS one
      LEFT JOIN (campaigns c JOIN schools s ON s.id = c.school_id) ON c.code = ${code}
      LEFT JOIN LATERAL (
        SELECT id, is_disabled FROM learners
         WHERE school_id = c.school_id AND user_id = ${userId ?? null}::int
         ORDER BY is_disabled, id
         LIMIT 1
      ) AS l ON true`;
  if (!row || row.id === null)
    return { campaign: null, isPendingIdentityUsable: row?.pending_usable ?? false, learner: null };
  return {
    isPendingIdentityUsable: row.pending_usable,
    learner: row.learner_id === null ? null : { id: row.learner_id, isDisabled: row.learner_is_disabled === true },
    campaign: {
      id: row.id,
      code: row.code,
      name: row.name,
      title: row.title,
      archivedAt: row.archived_at,
      school: {
        id: row.school_id,
        name: row.school_name,
        uai: row.uai,
        managesStudents: row.manages_students,
        archivedAt: row.school_archived_at,
      },
    },
  };
}

export async function findCampaignByCode(code: string, db: DbClient = prisma): Promise<CampaignForEntry | null> {
  return (await readCampaignByCode(code, db)).campaign;
}

/** The campaign behind a typed code, if a student may join it: exists, not archived, school manages students. */
export async function resolveJoinableCampaign(code: string, db: DbClient = prisma): Promise<CampaignEntry> {
  return toJoinableCampaign(await findCampaignByCode(code, db));
}

function toJoinableCampaign(campaign: CampaignForEntry | null): CampaignEntry {
  if (!campaign || campaign.school.archivedAt !== null) throw new DomainError("CAMPAIGN_CODE_UNKNOWN");
  if (campaign.archivedAt !== null) throw new DomainError("CAMPAIGN_CLOSED");
  if (!campaign.school.managesStudents) throw new DomainError("CAMPAIGN_NOT_JOINABLE");
  return {
    id: campaign.id,
    code: campaign.code,
    name: campaign.name,
    title: campaign.title,
    schoolId: campaign.school.id,
    schoolName: campaign.school.name,
    schoolUai: campaign.school.uai,
  };
}

/**
 * The campaign behind a code typed (or linked) by a signed-in student, joinable (as
 * `resolveJoinableCampaign`), and the student's learner in its school, in one statement: an
 * enabled one (a pupil who came back has a new row and the old one disabled), else refused.
 */
export async function resolveJoinableCampaignForStudent(
  code: string,
  userId: number,
  db: DbClient = prisma,
): Promise<{ campaign: CampaignEntry; learner: { id: number } }> {
  const read = await readCampaignByCode(code, db, undefined, userId);
  const campaign = toJoinableCampaign(read.campaign);
  if (!read.learner) throw new DomainError("CAMPAIGN_OTHER_SCHOOL");
  if (read.learner.isDisabled) throw new DomainError("LEARNER_DISABLED");
  return { campaign, learner: { id: read.learner.id } };
}

/**
 * The campaign behind a code typed by a student unknown to Pix (pending GAR identity): joinable,
 * and of one of the schools the GAR attaches the identity to (docs/domain.md §5). Another school's
 * code is refused as such, without a word about that school's campaign.
 */
export async function resolveCampaignForIdentity(
  code: string,
  uais: readonly string[],
  db: DbClient = prisma,
): Promise<CampaignEntry> {
  const campaign = await resolveJoinableCampaign(code, db);
  if (!isAttachedToSchool(uais, campaign.schoolUai)) throw new DomainError("CAMPAIGN_OTHER_SCHOOL");
  return campaign;
}

/**
 * `resolveCampaignForIdentity` for a pending identity whose server-side row is checked in the
 * same statement (as `isPendingIdentityUsable`): a consumed (replayed) or expired one is refused
 * first, GAR_PENDING_IDENTITY_EXPIRED, whatever the code.
 */
export async function resolveCampaignForPendingIdentity(
  code: string,
  identity: { id: string; uais: readonly string[] },
  now: Date,
  db: DbClient = prisma,
): Promise<CampaignEntry> {
  const read = await readCampaignByCode(code, db, { id: identity.id, now });
  if (!read.isPendingIdentityUsable) throw new DomainError("GAR_PENDING_IDENTITY_EXPIRED");
  const campaign = toJoinableCampaign(read.campaign);
  if (!isAttachedToSchool(identity.uais, campaign.schoolUai)) throw new DomainError("CAMPAIGN_OTHER_SCHOOL");
  return campaign;
}

/** Whether the server-side row of a pending identity still allows a reconciliation (not consumed, not expired). */
export async function isPendingIdentityUsable(id: string, now: Date, db: DbClient = prisma): Promise<boolean> {
  const row = await db.garPendingIdentity.findUnique({ where: { id }, select: { expiresAt: true, consumedAt: true } });
  return row !== null && row.consumedAt === null && row.expiresAt.getTime() > now.getTime();
}

/** `birthdate` as YYYY-MM-DD: learner birth dates are calendar dates, compared as such. */
export async function listReconciliationCandidates(
  schoolId: number,
  birthdate: string,
  options: { disabled: boolean },
  db: DbClient = prisma,
): Promise<ReconciliationCandidate[]> {
  return db.learner.findMany({
    // An erased learner (docs/decisions/012) is no one: never a candidate, even a disabled one.
    where: { schoolId, birthdate: new Date(`${birthdate}T00:00:00Z`), isDisabled: options.disabled, erasedAt: null },
    select: { id: true, firstName: true, middleName: true, thirdName: true, lastName: true, preferredLastName: true },
    orderBy: { id: "asc" },
  });
}

export async function getStudentHome(userId: number, db: DbClient = prisma): Promise<StudentHome | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      firstName: true,
      lastName: true,
      participations: {
        // Work left to do on an archived campaign can no longer be done; sent results stay listed.
        where: { deletedAt: null, OR: [{ status: "SHARED" }, { campaign: { archivedAt: null } }] },
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          status: true,
          createdAt: true,
          sharedAt: true,
          _count: { select: { answers: true } },
          campaign: { select: { code: true, name: true, title: true, school: { select: { name: true } } } },
        },
      },
    },
  });
  if (!user) return null;
  const cards: StudentParticipationCard[] = user.participations.map((participation) => ({
    participationId: participation.id,
    campaignCode: participation.campaign.code,
    title: participation.campaign.title ?? participation.campaign.name,
    schoolName: participation.campaign.school.name,
    status: participation.status,
    startedAt: participation.createdAt,
    sharedAt: participation.sharedAt,
    answeredCount: participation._count.answers,
  }));
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    inProgress: cards.filter((card) => card.status === "STARTED"),
    finished: cards.filter((card) => card.status === "TO_SHARE"),
    shared: cards.filter((card) => card.status === "SHARED"),
  };
}

/* ─────────────── Orga: pupils blocked by wrong birth dates (scoped by school) ─────────────── */

/** Pupils of the school still blocked (neither unlocked nor past their block), optionally for one campaign. */
export async function listBlockedStudents(
  schoolId: AuthorizedSchoolId,
  options: { campaignId?: number } = {},
  now = new Date(),
): Promise<BlockedStudent[]> {
  const rows = await prisma.studentLockout.findMany({
    where: { schoolId, campaignId: options.campaignId, unlockedAt: null, blockedUntil: { gt: now } },
    select: {
      id: true,
      campaignId: true,
      firstName: true,
      lastName: true,
      blockedUntil: true,
      campaign: { select: { name: true } },
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
  });
  if (rows.length === 0) return [];
  const learners = await prisma.learner.findMany({
    where: { schoolId, isDisabled: false },
    select: { id: true, firstName: true, lastName: true, preferredLastName: true },
  });
  return rows.map((row) => ({
    lockoutId: row.id,
    campaignId: row.campaignId,
    campaignName: row.campaign.name,
    firstName: row.firstName,
    lastName: row.lastName,
    blockedUntil: row.blockedUntil,
    learnerId: learnerOfBlockedIdentity(row, learners),
  }));
}
