import "server-only";

import { recordAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { runHousekeeping } from "@/lib/housekeeping";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { AuthorizedSchoolId } from "@/lib/session";

import { retentionCutoff } from "../domain/retention";
import { ANONYMISED_NAME, RETENTION_RULES, type RetentionRuleName } from "../inventory";
import { eraseLearner } from "../mutations";
import { eraseOffboardedSchools } from "../offboarding/mutations";

/**
 * The retention rules of the inventory (`RETENTION_RULES`, issue 11), one function each, all
 * idempotent (a second run at the same clock changes nothing) so that a retried job is harmless.
 * The scheduled jobs (src/jobs.ts, docs/decisions/013) run them with the real clock; `npm run cli
 * -- housekeeping --now …` with a given one. Counts only, never names, in logs and audit entries.
 */

/**
 * The school a retention job works on. Jobs are operator processes (no session, no request): the
 * caller — src/jobs.ts or the CLI — hands `operatorSchoolId` in (features never import it).
 */
export type OperatorSchools = (schoolId: number) => AuthorizedSchoolId;

export const RETENTION_AUDIT_ACTIONS = { inactiveAccounts: "retention.accounts_anonymised" } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A timestamp(3) column holds UTC: compare with the instant given as ISO text, read in UTC. */
const utc = (index: number) => `($${index}::timestamptz AT TIME ZONE 'UTC')`;
const BATCH = 500;

/**
 * Learners disabled by a re-import (they left the school) more than 3 months ago, not yet
 * anonymised, with no campaign of theirs (one they took part in) still active in that school:
 * anonymised exactly as by an erasure (ADR 012), one learner per transaction.
 */
export async function anonymiseDepartedLearners(now: Date, schools: OperatorSchools): Promise<number> {
  const cutoff = retentionCutoff(now, RETENTION_RULES.departedLearners.period);
  let count = 0;
  for (;;) {
    const rows = await prisma.$queryRawUnsafe<{ id: number; school_id: number }[]>(
      `SELECT l.id, l.school_id FROM learners l
       WHERE l.is_disabled AND l.erased_at IS NULL AND l.disabled_at < ${utc(1)}
         AND NOT EXISTS (
           SELECT 1 FROM participations p JOIN campaigns c ON c.id = p.campaign_id
           WHERE p.learner_id = l.id AND c.school_id = l.school_id AND c.archived_at IS NULL)
       ORDER BY l.id LIMIT ${BATCH}`,
      cutoff.toISOString(),
    );
    for (const row of rows) {
      // Re-checked under the erasure's locks: an import that re-enabled them meanwhile wins.
      const stillDeparted = await prisma.learner.count({
        where: { id: row.id, isDisabled: true, erasedAt: null, disabledAt: { lt: cutoff } },
      });
      if (stillDeparted === 0) continue;
      const erased = await eraseLearner({
        schoolId: schools(row.school_id),
        learnerId: row.id,
        actor: "operator",
        reason: "retention.departed-learner",
      }).then(
        () => true,
        // Another run (a second instance, the CLI) erased them first.
        (error: unknown) => {
          if (isDomainError(error) && error.code === "NOT_FOUND") return false;
          throw error;
        },
      );
      if (erased) count += 1;
    }
    if (rows.length < BATCH) return count;
  }
}

/**
 * GAR-only student accounts (a GAR sign-in method, no password, no staff role) with no sign-in for
 * 12 months (or never signed in and created more than 12 months ago): names and e-mail
 * anonymised, GAR ids (IDO and the names the GAR sent) deleted with the sessions; the school's
 * learners are unlinked from the account, so a pupil who comes back reconciles anew.
 * Participations stay with the anonymous account (statistics).
 */
export async function anonymiseInactiveGarAccounts(now: Date): Promise<number> {
  const cutoff = retentionCutoff(now, RETENTION_RULES.inactiveGarAccounts.period);
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT u.id FROM users u
       WHERE COALESCE(u.last_logged_at, u.created_at) < ${utc(1)}
         AND EXISTS (SELECT 1 FROM authentication_methods m WHERE m.user_id = u.id AND m.provider = 'GAR')
         AND NOT EXISTS (SELECT 1 FROM authentication_methods m WHERE m.user_id = u.id AND m.provider <> 'GAR')
         AND NOT EXISTS (SELECT 1 FROM members mb WHERE mb.user_id = u.id)
       ORDER BY u.id FOR UPDATE OF u SKIP LOCKED`,
      cutoff.toISOString(),
    );
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return 0;
    await tx.authenticationMethod.deleteMany({ where: { userId: { in: ids } } });
    await tx.session.deleteMany({ where: { userId: { in: ids } } });
    await tx.passwordResetToken.deleteMany({ where: { userId: { in: ids } } });
    await tx.learner.updateMany({ where: { userId: { in: ids } }, data: { userId: null } });
    await tx.user.updateMany({
      where: { id: { in: ids } },
      data: { firstName: ANONYMISED_NAME, lastName: ANONYMISED_NAME, email: null, lastLoggedAt: null },
    });
    await recordAudit(
      {
        schoolId: null,
        actorUserId: null,
        action: RETENTION_AUDIT_ACTIONS.inactiveAccounts,
        data: { by: "RETENTION", count: ids.length, userIds: ids.slice(0, 1000) },
      },
      tx,
    );
    return ids.length;
  });
}

/**
 * Audit entries older than 12 months. The append-only trigger (migration 20261203110000) allows
 * exactly this DELETE and refuses younger rows: the bound is also capped at the database's own
 * clock, so a clock given in the future (`--now`) purges nothing the trigger would refuse.
 */
export async function purgeAuditEntries(now: Date): Promise<number> {
  const cutoff = retentionCutoff(now, RETENTION_RULES.auditEntries.period);
  return prisma.$executeRawUnsafe(
    `DELETE FROM audit_logs WHERE created_at < LEAST(${utc(1)}, (now() AT TIME ZONE 'UTC') - interval '12 months')`,
    cutoff.toISOString(),
  );
}

/**
 * Technical records at the end of their period: what `runHousekeeping` deletes (sessions, throttle
 * events, GAR OpenID/SAML requests and assertions, pending identities, lockouts, staged imports),
 * plus used or expired reset tokens, and invitations accepted or cancelled, or expired for 30 days
 * (until then an ADMIN can resend them).
 */
export async function purgeTechnicalRecords(now: Date): Promise<Record<string, number>> {
  const housekeeping = await runHousekeeping(now);
  const { count: passwordResetTokens } = await prisma.passwordResetToken.deleteMany({
    where: { OR: [{ expiresAt: { lt: now } }, { usedAt: { not: null } }] },
  });
  const { count: invitations } = await prisma.invitation.deleteMany({
    where: {
      OR: [
        { acceptedAt: { not: null } },
        { cancelledAt: { not: null } },
        { expiresAt: { lt: new Date(now.getTime() - 30 * DAY_MS) } },
      ],
    },
  });
  return { ...housekeeping, passwordResetTokens, invitations };
}

/**
 * The errors of rejected imports (they quote INE and names) emptied 30 days after the import; the
 * import's row, status and counts stay. Errors of a successful import (skipped lines) likewise.
 */
export async function clearRejectedImportErrors(now: Date): Promise<number> {
  const cutoff = retentionCutoff(now, RETENTION_RULES.rejectedImportErrors.period);
  return prisma.$executeRawUnsafe(
    `UPDATE siecle_imports SET errors = '[]'::jsonb
     WHERE created_at < ${utc(1)} AND errors IS NOT NULL AND errors <> '[]'::jsonb`,
    cutoff.toISOString(),
  );
}

export type RetentionCounts = {
  departedLearners: number;
  inactiveGarAccounts: number;
  auditEntries: number;
  technicalRecords: Record<string, number>;
  rejectedImportErrors: number;
  offboardedSchools: number;
};

/** One rule, as its job runs it. */
export async function runRetentionRule(
  rule: RetentionRuleName,
  now: Date,
  schools: OperatorSchools,
): Promise<number | Record<string, number>> {
  switch (rule) {
    case "departedLearners":
      return anonymiseDepartedLearners(now, schools);
    case "inactiveGarAccounts":
      return anonymiseInactiveGarAccounts(now);
    case "auditEntries":
      return purgeAuditEntries(now);
    case "technicalRecords":
      return purgeTechnicalRecords(now);
    case "rejectedImportErrors":
      return clearRejectedImportErrors(now);
    case "offboardedSchools":
      return eraseOffboardedSchools(now, schools);
  }
}

/** Every rule, in order (`npm run cli -- housekeeping`): the offboarding first, the audit purge last. */
export async function runRetention(now: Date, schools: OperatorSchools): Promise<RetentionCounts> {
  const offboardedSchools = await eraseOffboardedSchools(now, schools);
  const departedLearners = await anonymiseDepartedLearners(now, schools);
  const inactiveGarAccounts = await anonymiseInactiveGarAccounts(now);
  const rejectedImportErrors = await clearRejectedImportErrors(now);
  const technicalRecords = await purgeTechnicalRecords(now);
  const auditEntries = await purgeAuditEntries(now);
  const counts = {
    departedLearners,
    inactiveGarAccounts,
    auditEntries,
    technicalRecords,
    rejectedImportErrors,
    offboardedSchools,
  };
  logger.info("retention.done", counts);
  return counts;
}
