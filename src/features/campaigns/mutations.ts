import "server-only";

import { isExistingDivision, listDivisions } from "@/features/classes/data";
import { buildCampaignSnapshot } from "@/features/parcours/data";
import { assertCan } from "@/lib/abilities";
import { recordAudit } from "@/lib/audit";
import { type Prisma, prisma, type DbClient, withTransaction } from "@/lib/db";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import type { AuthorizedSchoolId } from "@/lib/session";
import { campaignsMessages } from "@/messages/fr/campaigns";

import { generateCampaignCode } from "./domain/campaign-code";
import { defaultCampaignName } from "./domain/campaign-name";
import type {
  CreateCampaignInput,
  CreateCampaignsForClassesInput,
  DuplicateCampaignInput,
  ParticipationActionInput,
  UpdateCampaignInput,
} from "./schema";
import type { CampaignActor } from "./types";

const messages = campaignsMessages.errors;

/** Attempts before giving up on finding a free code; with 23⁶·8³ ≈ 7·10¹⁰ codes, more than one is already rare. */
const MAX_CODE_ATTEMPTS = 5;

export type CampaignOptionsBase = {
  schoolId: AuthorizedSchoolId;
  actor: CampaignActor;
  /** Injected by tests to force a code collision. */
  generateCode?: () => string;
};

const inTransaction = withTransaction;

function fieldError(field: string, message: string): DomainError {
  return new DomainError("INVALID_INPUT", { userMessage: message, details: { field } });
}

async function requireActiveTargetProfile(db: DbClient, targetProfileId: string) {
  const targetProfile = await db.targetProfile.findFirst({
    where: { id: targetProfileId, isArchived: false },
    select: { id: true, name: true },
  });
  if (!targetProfile) throw fieldError("targetProfileId", messages.targetProfileNotFound);
  return targetProfile;
}

async function requireOwnerIsMember(db: DbClient, schoolId: AuthorizedSchoolId, ownerId: number) {
  const member = await db.member.findUnique({
    where: { schoolId_userId: { schoolId, userId: ownerId } },
    select: { id: true },
  });
  if (!member) throw fieldError("ownerId", messages.ownerNotMember);
}

type NewCampaign = {
  name: string;
  division: string | null;
  ownerId: number;
  title: string | null;
  customLandingText: string | null;
};

/**
 * Inserts the campaigns with fresh codes, in one statement (all or nothing). Codes already taken
 * are redrawn before inserting; a code taken concurrently in between makes the insert fail on
 * the unique constraint, and the whole batch is retried with new codes.
 */
async function insertCampaigns(
  db: DbClient,
  options: CampaignOptionsBase & {
    targetProfileId: string;
    campaigns: NewCampaign[];
    auditAction: string;
    /** A duplicate keeps its source's questions; otherwise the parcours' questions as they are now. */
    challengeSnapshot?: Prisma.InputJsonValue;
  },
): Promise<{ id: number; code: string; division: string | null }[]> {
  const generate = options.generateCode ?? (() => generateCampaignCode());
  const challengeSnapshot = options.challengeSnapshot ?? (await buildCampaignSnapshot(db, options.targetProfileId));
  for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS; attempt++) {
    const codes = new Set<string>();
    while (codes.size < options.campaigns.length) codes.add(generate());
    const taken = await db.campaign.findMany({ where: { code: { in: [...codes] } }, select: { code: true } });
    if (taken.length > 0) continue;
    const codeList = [...codes];
    try {
      return await inTransaction(db, async (tx) => {
        const created = await tx.campaign.createManyAndReturn({
          data: options.campaigns.map((campaign, index) => ({
            schoolId: options.schoolId,
            targetProfileId: options.targetProfileId,
            creatorId: options.actor.userId,
            challengeSnapshot,
            code: codeList[index]!,
            ...campaign,
          })),
          select: { id: true, code: true, division: true },
        });
        await tx.auditLog.createMany({
          data: created.map((campaign) => ({
            schoolId: options.schoolId,
            actorUserId: options.actor.userId,
            action: options.auditAction,
            targetType: "campaign",
            targetId: String(campaign.id),
          })),
        });
        return created;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new DomainError("CONFLICT", { userMessage: messages.codeExhausted });
}

/** Creates one campaign (any member). Returns its id and code. */
export async function createCampaign(
  options: CampaignOptionsBase & { input: CreateCampaignInput },
  db: DbClient = prisma,
): Promise<{ id: number; code: string }> {
  const { schoolId, actor, input } = options;
  assertCan(actor, "campaign:create");
  await requireActiveTargetProfile(db, input.targetProfileId);
  await requireOwnerIsMember(db, schoolId, input.ownerId);
  if (input.division !== null && !(await isExistingDivision(schoolId, input.division, db))) {
    throw fieldError("division", messages.divisionNotFound);
  }
  const [created] = await insertCampaigns(db, {
    ...options,
    targetProfileId: input.targetProfileId,
    auditAction: "campaign.created",
    campaigns: [
      {
        name: input.name,
        division: input.division,
        ownerId: input.ownerId,
        title: input.title,
        customLandingText: input.customLandingText,
      },
    ],
  });
  return { id: created!.id, code: created!.code };
}

/**
 * "Créer une campagne pour chaque classe": one campaign per chosen class, owned by the actor,
 * named "<parcours> — <classe>", all at once. Classes that already have an active campaign for
 * this parcours are skipped, so pressing the button twice does not duplicate anything.
 */
export async function createCampaignsForClasses(
  options: CampaignOptionsBase & { input: CreateCampaignsForClassesInput },
  db: DbClient = prisma,
): Promise<{ created: { id: number; code: string; division: string }[]; skipped: string[] }> {
  const { schoolId, actor, input } = options;
  assertCan(actor, "campaign:create");
  const targetProfile = await requireActiveTargetProfile(db, input.targetProfileId);
  const existing = new Set(await listDivisions(schoolId, db));
  const requested = [...new Set(input.divisions)];
  const unknown = requested.filter((division) => !existing.has(division));
  if (unknown.length > 0) throw fieldError("divisions", messages.divisionNotFound);

  const alreadyCovered = new Set(
    (
      await db.campaign.findMany({
        where: { schoolId, targetProfileId: targetProfile.id, archivedAt: null, division: { in: requested } },
        select: { division: true },
      })
    ).map((campaign) => campaign.division),
  );
  const toCreate = requested.filter((division) => !alreadyCovered.has(division));
  const skipped = requested.filter((division) => alreadyCovered.has(division));
  if (toCreate.length === 0) return { created: [], skipped };

  const created = await insertCampaigns(db, {
    ...options,
    targetProfileId: targetProfile.id,
    auditAction: "campaign.created",
    campaigns: toCreate.map((division) => ({
      name: defaultCampaignName(targetProfile.name, division),
      division,
      ownerId: actor.userId,
      title: null,
      customLandingText: null,
    })),
  });
  return { created: created.map((campaign) => ({ ...campaign, division: campaign.division! })), skipped };
}

async function requireManageableCampaign(
  db: DbClient,
  schoolId: AuthorizedSchoolId,
  actor: CampaignActor,
  campaignId: number,
) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, schoolId },
    select: { id: true, ownerId: true, archivedAt: true },
  });
  if (!campaign) throw new DomainError("NOT_FOUND");
  assertCan(actor, "campaign:manage", campaign);
  return campaign;
}

/** Name, owner, title and landing text (ADMIN or owner). The parcours and class are fixed at creation. */
export async function updateCampaign(
  options: { schoolId: AuthorizedSchoolId; actor: CampaignActor; input: UpdateCampaignInput },
  db: DbClient = prisma,
): Promise<void> {
  const { schoolId, actor, input } = options;
  const campaign = await requireManageableCampaign(db, schoolId, actor, input.campaignId);
  if (campaign.archivedAt) throw new DomainError("CONFLICT", { userMessage: messages.archivedNotEditable });
  await requireOwnerIsMember(db, schoolId, input.ownerId);
  await inTransaction(db, async (tx) => {
    await tx.campaign.update({
      where: { id: campaign.id },
      data: {
        name: input.name,
        ownerId: input.ownerId,
        title: input.title,
        customLandingText: input.customLandingText,
      },
    });
    await tx.auditLog.create({
      data: {
        schoolId,
        actorUserId: actor.userId,
        action: "campaign.updated",
        targetType: "campaign",
        targetId: String(campaign.id),
      },
    });
  });
}

/** Archiving closes the campaign to new students; doing it twice changes nothing. */
export async function setCampaignArchived(
  options: { schoolId: AuthorizedSchoolId; actor: CampaignActor; campaignId: number; archived: boolean },
  db: DbClient = prisma,
): Promise<void> {
  const { schoolId, actor, campaignId, archived } = options;
  const campaign = await requireManageableCampaign(db, schoolId, actor, campaignId);
  if ((campaign.archivedAt !== null) === archived) return;
  await inTransaction(db, async (tx) => {
    await tx.campaign.update({ where: { id: campaign.id }, data: { archivedAt: archived ? new Date() : null } });
    await tx.auditLog.create({
      data: {
        schoolId,
        actorUserId: actor.userId,
        action: archived ? "campaign.archived" : "campaign.unarchived",
        targetType: "campaign",
        targetId: String(campaign.id),
      },
    });
  });
}

/**
 * *Dupliquer*: a new campaign from one of the school's, with the same parcours and the very same
 * questions (its frozen snapshot: the classes' results stay comparable), title and landing text, a
 * new code, the class chosen, owned by the actor. Any member may (it creates a campaign); the
 * parcours must still be offered.
 */
export async function duplicateCampaign(
  options: CampaignOptionsBase & { input: DuplicateCampaignInput },
  db: DbClient = prisma,
): Promise<{ id: number; code: string }> {
  const { schoolId, actor, input } = options;
  assertCan(actor, "campaign:create");
  const source = await db.campaign.findFirst({
    where: { id: input.campaignId, schoolId },
    select: { id: true, targetProfileId: true, title: true, customLandingText: true, challengeSnapshot: true },
  });
  if (!source) throw new DomainError("NOT_FOUND");
  const targetProfile = await db.targetProfile.findFirst({
    where: { id: source.targetProfileId, isArchived: false },
    select: { id: true },
  });
  if (!targetProfile) throw new DomainError("CONFLICT", { userMessage: messages.duplicateTargetProfileArchived });
  if (input.division !== null && !(await isExistingDivision(schoolId, input.division, db))) {
    throw fieldError("division", messages.divisionNotFound);
  }
  const [created] = await insertCampaigns(db, {
    ...options,
    targetProfileId: targetProfile.id,
    challengeSnapshot: source.challengeSnapshot as Prisma.InputJsonValue,
    auditAction: "campaign.duplicated",
    campaigns: [
      {
        name: input.name,
        division: input.division,
        ownerId: actor.userId,
        title: source.title,
        customLandingText: source.customLandingText,
      },
    ],
  });
  return { id: created!.id, code: created!.code };
}

/**
 * *Supprimer*: only a campaign nobody started (no participation at all, even a deleted one, so
 * that no answer is ever lost); ADMIN or owner. The campaign row is locked first: a student
 * starting at the same moment either commits before (and the deletion is refused) or waits on
 * the lock and then finds no campaign.
 */
export async function deleteCampaign(
  options: { schoolId: AuthorizedSchoolId; actor: CampaignActor; campaignId: number },
  db: DbClient = prisma,
): Promise<void> {
  const { schoolId, actor, campaignId } = options;
  await requireManageableCampaign(db, schoolId, actor, campaignId);
  await inTransaction(db, async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM campaigns WHERE id = ${campaignId} AND school_id = ${schoolId} FOR UPDATE`;
    if (locked.length === 0) throw new DomainError("NOT_FOUND");
    if ((await tx.participation.count({ where: { campaignId } })) > 0) {
      throw new DomainError("CONFLICT", { userMessage: messages.notDeletable });
    }
    await tx.campaign.delete({ where: { id: campaignId } });
    await tx.auditLog.create({
      data: {
        schoolId,
        actorUserId: actor.userId,
        action: "campaign.deleted",
        targetType: "campaign",
        targetId: String(campaignId),
      },
    });
  });
}

const participationMessages = campaignsMessages.participationManagement.errors;

export const PARTICIPATION_DELETED_AUDIT_ACTION = "participation.deleted";
export const PARTICIPATION_RETRY_AUDIT_ACTION = "participation.retry-allowed";

type ParticipationActionOptions = {
  schoolId: AuthorizedSchoolId;
  actor: CampaignActor;
  input: ParticipationActionInput;
  now?: Date;
};

/** The active participation of the campaign, row-locked; NOT_FOUND when it is not (any more). */
async function lockActiveParticipation(tx: DbClient, campaignId: number, participationId: number) {
  const rows = await tx.$queryRaw<{ id: number; learner_id: number; status: string; deleted_at: Date | null }[]>`
    SELECT id, learner_id, status::text AS status, deleted_at FROM participations
     WHERE id = ${participationId} AND campaign_id = ${campaignId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new DomainError("NOT_FOUND");
  if (row.deleted_at !== null) throw new DomainError("CONFLICT", { userMessage: participationMessages.notActive });
  return { id: row.id, learnerId: row.learner_id, status: row.status };
}

/**
 * *Supprimer la participation* (ADMIN or the campaign's owner, docs/decisions/014): it stops being
 * the active one (soft-deleted, answers kept for the retention period but shown nowhere), so the
 * student may start the campaign again with the same code. Audit-logged with ids only.
 */
export async function deleteParticipation(options: ParticipationActionOptions, db: DbClient = prisma): Promise<void> {
  const { schoolId, actor, input, now = new Date() } = options;
  await requireManageableCampaign(db, schoolId, actor, input.campaignId);
  await inTransaction(db, async (tx) => {
    const participation = await lockActiveParticipation(tx, input.campaignId, input.participationId);
    await tx.participation.update({ where: { id: participation.id }, data: { deletedAt: now } });
    await recordAudit(
      {
        schoolId,
        actorUserId: actor.userId,
        action: PARTICIPATION_DELETED_AUDIT_ACTION,
        targetType: "participation",
        targetId: participation.id,
        data: { campaignId: input.campaignId, learnerId: participation.learnerId },
      },
      tx,
    );
  });
}

/**
 * *Permettre de repasser le parcours* (ADMIN or owner, docs/decisions/014): only after the student
 * shared the results, in a campaign still open. In one transaction, the shared attempt is replaced
 * (deleted_at + retried_at: kept in the history, still shown on the learner page) and a new
 * attempt starts for the learner's current account. Locked, so of two parallel clicks one acts and
 * the other is told it is done already.
 */
export async function allowRetry(
  options: ParticipationActionOptions,
  db: DbClient = prisma,
): Promise<{ participationId: number }> {
  const { schoolId, actor, input, now = new Date() } = options;
  const campaign = await requireManageableCampaign(db, schoolId, actor, input.campaignId);
  if (campaign.archivedAt !== null) throw new DomainError("CONFLICT", { userMessage: participationMessages.archived });
  return inTransaction(db, async (tx) => {
    const participation = await lockActiveParticipation(tx, input.campaignId, input.participationId);
    if (participation.status !== "SHARED") {
      throw new DomainError("CONFLICT", { userMessage: participationMessages.notShared });
    }
    const learner = await tx.learner.findFirst({
      where: { id: participation.learnerId, schoolId, isDisabled: false },
      select: { userId: true },
    });
    if (!learner?.userId) throw new DomainError("CONFLICT", { userMessage: participationMessages.noAccount });
    await tx.participation.update({ where: { id: participation.id }, data: { deletedAt: now, retriedAt: now } });
    const next = await tx.participation.create({
      data: { schoolId, campaignId: input.campaignId, learnerId: participation.learnerId, userId: learner.userId },
      select: { id: true },
    });
    await recordAudit(
      {
        schoolId,
        actorUserId: actor.userId,
        action: PARTICIPATION_RETRY_AUDIT_ACTION,
        targetType: "participation",
        targetId: next.id,
        data: {
          campaignId: input.campaignId,
          learnerId: participation.learnerId,
          previousParticipationId: participation.id,
        },
      },
      tx,
    );
    return { participationId: next.id };
  });
}
