import "server-only";

import { prisma, type DbClient } from "@/lib/db";
import { defineJob, enqueue } from "@/lib/jobs";
import { logger } from "@/lib/logger";

import { isRetryable, nextAttemptAfter } from "./domain/retry-policy";
import { schoolYearOf } from "./domain/school-year";
import { type GarSubscriptionBody, subscriptionIdFor, validityFor } from "./domain/subscription-body";
import { configuredSubscriptionClient, type SubscriptionSettings } from "./subscription-client";
import type {
  GarSubscriptionPort,
  GarSubscriptionStatusValue,
  SubscriptionCallErrorCode,
  SubscriptionRetryScheduler,
} from "./types";

/** What the use cases need: the web service adapter, our constants, and where retries go. */
export type SubscriptionDeps = {
  gar: GarSubscriptionPort;
  settings: SubscriptionSettings;
  /** Absent: the row's next_attempt_at is the only record; `gar:subscriptions --sync` retries it. */
  retries?: SubscriptionRetryScheduler;
};

/** How long one process holds a subscription while it calls the GAR (longer than a call's timeout). */
const LEASE_MS = 2 * 60_000;

export type SyncOutcome =
  | { outcome: "DONE"; status: GarSubscriptionStatusValue }
  | { outcome: "FAILED"; errorCode: SubscriptionCallErrorCode; nextAttemptAt: Date | null }
  /** Another process holds the subscription right now: it will record the answer. */
  | { outcome: "BUSY" }
  | { outcome: "NOT_FOUND" };

/**
 * One subscription's sync, run by the job queue (docs/decisions/013) at the time the back-off
 * chose. A recorded failure schedules the next attempt itself (our back-off, `retry-policy.ts`);
 * pg-boss's own retries only cover a crash of the handler.
 */
export const subscriptionSyncJob = defineJob<{ subscriptionRowId: number }>({
  name: "gar.subscription.sync",
  retry: { limit: 3, delaySeconds: 60 },
  expireInSeconds: 5 * 60,
  run: async ({ subscriptionRowId }) => {
    const deps = subscriptionDepsFromEnv();
    if (!deps) return { outcome: "NOT_CONFIGURED" };
    return syncSubscription(subscriptionRowId, deps);
  },
});

/**
 * Every night: the rentrée's renewals (from 1 September), activations whose first call never ran,
 * archived schools' deletions, failed calls whatever their back-off — `gar:subscriptions --sync`.
 */
export const subscriptionReconcileJob = defineJob({
  name: "gar.subscriptions.reconcile",
  cron: "15 2 * * *",
  retry: { limit: 2, delaySeconds: 300 },
  run: async () => {
    const deps = subscriptionDepsFromEnv();
    if (!deps) return { outcome: "NOT_CONFIGURED" };
    const reports = await reconcileSubscriptions(deps);
    return { schools: reports.length, failed: reports.filter((report) => report.outcome === "FAILED").length };
  },
});

/** Retries go to the job queue: one job per subscription and minute, at the back-off's time. */
export const jobRetryScheduler: SubscriptionRetryScheduler = {
  async scheduleRetry(subscriptionRowId, runAt) {
    await enqueue(
      subscriptionSyncJob,
      { subscriptionRowId },
      { startAfter: runAt, dedupe: { key: `row-${subscriptionRowId}-${runAt.toISOString()}`, seconds: 60 } },
    );
  },
};

/**
 * The deps from the environment, retries through the job queue; null when GAR_WS_URL is unset
 * (Pix does not manage subscriptions).
 */
export function subscriptionDepsFromEnv(
  retries: SubscriptionRetryScheduler | undefined = jobRetryScheduler,
): SubscriptionDeps | null {
  const configured = configuredSubscriptionClient();
  return configured ? { gar: configured.client, settings: configured.settings, retries } : null;
}

/**
 * Records what the school's subscription must be for the school year of `now` (a creation at
 * activation, a renewal at the rentrée) without calling the GAR: callable inside the transaction
 * that activates the school. Returns the row id, or null when nothing has to change.
 */
export async function recordWantedSubscription(
  schoolId: number,
  settings: Pick<SubscriptionSettings, "targetAudience">,
  now: Date,
  db: DbClient = prisma,
): Promise<number | null> {
  const school = await db.school.findUnique({
    where: { id: schoolId },
    select: { id: true, uai: true, archivedAt: true, isGarEnabled: true, managesStudents: true },
  });
  // Only an active school whose students come through the GAR has a subscription there.
  if (!school || school.archivedAt || !school.isGarEnabled || !school.managesStudents) return null;
  const validity = validityFor(now);
  const existing = await db.garSubscription.findUnique({ where: { schoolId } });
  if (
    existing &&
    existing.desiredPresent &&
    existing.schoolYear >= validity.schoolYear &&
    existing.uai === school.uai &&
    existing.targetAudience.join(",") === settings.targetAudience.join(",")
  )
    return existing.status === "ACTIVE" ? null : existing.id;
  const fields = {
    uai: school.uai,
    schoolYear: validity.schoolYear,
    startsOn: new Date(`${validity.debutValidite}T00:00:00Z`),
    endYear: validity.anneeFinValidite,
    targetAudience: settings.targetAudience,
    desiredPresent: true,
    status: "PENDING" as const,
    failures: 0,
    nextAttemptAt: now,
    lastErrorCode: null,
  };
  const row = await db.garSubscription.upsert({
    where: { schoolId },
    create: { schoolId, subscriptionId: subscriptionIdFor(school), ...fields },
    update: fields,
    select: { id: true },
  });
  return row.id;
}

/** Records that the school's subscription must go (offboarding); the DELETE is the next sync. */
export async function recordUnwantedSubscription(schoolId: number, now: Date, db: DbClient = prisma) {
  const updated = await db.garSubscription.updateMany({
    where: { schoolId, desiredPresent: true },
    data: { desiredPresent: false, status: "PENDING", failures: 0, nextAttemptAt: now, lastErrorCode: null },
  });
  if (updated.count === 0) return null;
  return (await db.garSubscription.findUnique({ where: { schoolId }, select: { id: true } }))?.id ?? null;
}

function bodyOf(
  row: {
    subscriptionId: string;
    uai: string;
    startsOn: Date;
    endYear: number;
    targetAudience: string[];
  },
  settings: SubscriptionSettings,
): GarSubscriptionBody {
  return {
    idAbonnement: row.subscriptionId,
    idDistributeurCom: settings.distributorId,
    idRessource: settings.resourceId,
    typeIdRessource: "ark",
    uaiEtab: row.uai,
    typeAffectation: "INDIV",
    nbLicenceGlobale: "ILLIMITE",
    publicCible: row.targetAudience as GarSubscriptionBody["publicCible"],
    debutValidite: row.startsOn.toISOString().slice(0, 10),
    anneeFinValidite: row.endYear,
  };
}

/**
 * Makes the GAR match the row: PUT while wanted, DELETE once not. One process at a time per
 * subscription (a lease in the row, so several instances or a CLI beside them never call twice);
 * every call recorded in gar_subscription_calls; a failure sets the back-off and hands the retry
 * to the scheduler when there is one.
 */
export async function syncSubscription(rowId: number, deps: SubscriptionDeps, now = new Date()): Promise<SyncOutcome> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await prisma.garSubscription.updateMany({
    where: { id: rowId, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseUntil },
  });
  if (claimed.count !== 1) {
    const exists = await prisma.garSubscription.count({ where: { id: rowId } });
    return exists ? { outcome: "BUSY" } : { outcome: "NOT_FOUND" };
  }
  const row = await prisma.garSubscription.findUniqueOrThrow({ where: { id: rowId } });
  // Another process synced it between our read and our lease: nothing left to call.
  if ((row.desiredPresent && row.status === "ACTIVE") || (!row.desiredPresent && row.status === "DELETED")) {
    await prisma.garSubscription.update({ where: { id: row.id }, data: { leaseUntil: null } });
    return { outcome: "DONE", status: row.status };
  }
  const operation = row.desiredPresent ? "PUT" : "DELETE";
  const attempt = row.failures + 1;
  const startedAt = new Date();
  const result =
    operation === "PUT" ? await deps.gar.put(bodyOf(row, deps.settings)) : await deps.gar.delete(row.subscriptionId);
  const durationMs = Date.now() - startedAt.getTime();
  const finishedAt = new Date(now.getTime() + durationMs);

  const nextAttemptAt = result.ok ? null : nextAttemptAfter(attempt, finishedAt);
  await prisma.$transaction([
    prisma.garSubscriptionCall.create({
      data: {
        subscriptionId: row.id,
        schoolId: row.schoolId,
        operation,
        succeeded: result.ok,
        httpStatus: result.httpStatus ?? null,
        errorCode: result.ok ? null : result.errorCode,
        errorDetail: result.ok ? null : result.detail.slice(0, 500),
        attempt,
        startedAt,
        durationMs,
      },
    }),
    prisma.garSubscription.update({
      where: { id: row.id },
      data: result.ok
        ? {
            status: operation === "PUT" ? "ACTIVE" : "DELETED",
            failures: 0,
            nextAttemptAt: null,
            lastErrorCode: null,
            lastCallAt: startedAt,
            leaseUntil: null,
          }
        : {
            status: "FAILED",
            failures: attempt,
            nextAttemptAt,
            lastErrorCode: result.errorCode,
            lastCallAt: startedAt,
            leaseUntil: null,
          },
    }),
  ]);
  if (result.ok) return { outcome: "DONE", status: operation === "PUT" ? "ACTIVE" : "DELETED" };

  logger.warn("gar.subscription.call_failed", {
    subscriptionRowId: row.id,
    operation,
    errorCode: result.errorCode,
    httpStatus: result.httpStatus,
    attempt,
  });
  if (deps.retries && nextAttemptAt && isRetryable(result.errorCode))
    await deps.retries.scheduleRetry(row.id, nextAttemptAt);
  return { outcome: "FAILED", errorCode: result.errorCode, nextAttemptAt };
}

/** Creates (activation) or renews (rentrée) the school's subscription, then calls the GAR. */
export async function ensureSchoolSubscription(
  schoolId: number,
  deps: SubscriptionDeps,
  now = new Date(),
): Promise<SyncOutcome | { outcome: "UNCHANGED" }> {
  const rowId = await recordWantedSubscription(schoolId, deps.settings, now);
  if (rowId === null) return { outcome: "UNCHANGED" };
  return syncSubscription(rowId, deps, now);
}

/** Offboarding: the GAR deletes the school's subscription (its students no longer see Pix). */
export async function removeSchoolSubscription(
  schoolId: number,
  deps: SubscriptionDeps,
  now = new Date(),
): Promise<SyncOutcome | { outcome: "UNCHANGED" }> {
  const rowId = await recordUnwantedSubscription(schoolId, now);
  if (rowId === null) return { outcome: "UNCHANGED" };
  return syncSubscription(rowId, deps, now);
}

/**
 * The school's first ADMIN arrived (activation): its subscription for this school year is
 * created at the GAR. Never fails the activation: a failure is recorded and retried.
 */
export async function subscribeActivatedSchool(schoolId: number, now = new Date()): Promise<void> {
  try {
    const deps = subscriptionDepsFromEnv();
    if (!deps) return;
    await ensureSchoolSubscription(schoolId, deps, now);
  } catch (error) {
    logger.error("gar.subscription.activation_failed", { schoolId, error: (error as Error).name });
  }
}

/** The subscription of a school whose rows changed by a user action (the checklist's button). */
export async function retrySchoolSubscription(schoolId: number, deps: SubscriptionDeps, now = new Date()) {
  const school = await prisma.school.findUnique({
    where: { id: schoolId },
    select: { archivedAt: true, isGarEnabled: true, managesStudents: true },
  });
  if (!school || school.archivedAt || !school.isGarEnabled || !school.managesStudents)
    return { outcome: "NOT_FOUND" } as const;
  const outcome = await ensureSchoolSubscription(schoolId, deps, now);
  if (outcome.outcome !== "UNCHANGED") return outcome;
  const row = await prisma.garSubscription.findUnique({ where: { schoolId }, select: { id: true, status: true } });
  if (row && row.status !== "ACTIVE") return syncSubscription(row.id, deps, now);
  return outcome;
}

/** Retries the failed calls whose back-off is over: what the job queue's worker or a schedule runs. */
export async function retryDueSubscriptions(deps: SubscriptionDeps, now = new Date()) {
  const due = await prisma.garSubscription.findMany({
    where: { status: { in: ["FAILED", "PENDING"] }, nextAttemptAt: { lte: now } },
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take: 100,
  });
  const outcomes: { rowId: number; outcome: SyncOutcome }[] = [];
  for (const { id } of due) outcomes.push({ rowId: id, outcome: await syncSubscription(id, deps, now) });
  return outcomes;
}

export type ReconcileReport = {
  schoolId: number;
  uai: string;
  action: "CREATE" | "RENEW" | "DELETE" | "RETRY" | "NONE";
  outcome: string;
  errorCode?: string;
};

/**
 * `gar:subscriptions --sync`: every activated GAR school has its subscription for the school year
 * of `now` (created, renewed at the rentrée), every archived or non-GAR school has none, and every
 * failed call is tried again now, whatever its back-off.
 */
export async function reconcileSubscriptions(
  deps: SubscriptionDeps,
  now = new Date(),
  filter: { uai?: string } = {},
): Promise<ReconcileReport[]> {
  const currentYear = schoolYearOf(now);
  const schools = await prisma.school.findMany({
    where: {
      ...(filter.uai ? { uai: filter.uai } : {}),
      OR: [{ members: { some: { role: "ADMIN" } } }, { garSubscription: { isNot: null } }],
    },
    select: {
      id: true,
      uai: true,
      archivedAt: true,
      isGarEnabled: true,
      managesStudents: true,
      garSubscription: { select: { id: true, desiredPresent: true, status: true, schoolYear: true } },
    },
    orderBy: { id: "asc" },
  });
  const reports: ReconcileReport[] = [];
  for (const school of schools) {
    const wanted = !school.archivedAt && school.isGarEnabled && school.managesStudents;
    const row = school.garSubscription;
    let action: ReconcileReport["action"] = "NONE";
    let outcome: SyncOutcome | { outcome: "UNCHANGED" } = { outcome: "UNCHANGED" };
    if (wanted) {
      action = !row || !row.desiredPresent ? "CREATE" : row.schoolYear < currentYear ? "RENEW" : "NONE";
      outcome = await ensureSchoolSubscription(school.id, deps, now);
      if (outcome.outcome === "UNCHANGED" && row && row.status !== "ACTIVE") {
        action = "RETRY";
        outcome = await syncSubscription(row.id, deps, now);
      }
    } else if (row && (row.desiredPresent || row.status !== "DELETED")) {
      action = row.desiredPresent ? "DELETE" : "RETRY";
      outcome = row.desiredPresent
        ? await removeSchoolSubscription(school.id, deps, now)
        : await syncSubscription(row.id, deps, now);
    }
    reports.push({
      schoolId: school.id,
      uai: school.uai,
      action,
      outcome: outcome.outcome,
      ...(outcome.outcome === "FAILED" ? { errorCode: outcome.errorCode } : {}),
    });
  }
  return reports;
}
