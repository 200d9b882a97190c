import "server-only";

import { runRetentionRule } from "@/features/privacy/retention/mutations";
import type { RetentionRuleName } from "@/features/privacy/inventory";
import { subscriptionReconcileJob, subscriptionSyncJob } from "@/features/gar-subscriptions/mutations";
import { defineJob, type JobDefinition } from "@/lib/jobs";
import { logger } from "@/lib/logger";
import { operatorSchoolId } from "@/lib/operator";

/**
 * Every job of the app (docs/decisions/013), started in each app instance by
 * src/instrumentation.ts. A feature adds its job here: `defineJob({ name, run, retry?, cron? })`
 * in the feature or below, then one entry in `APP_JOBS`. Cron expressions are UTC.
 *
 * The retention rules of the inventory (`RETENTION_RULES`) run one job each, at night (the
 * technical purge every 10 minutes); `npm run cli -- housekeeping [--now]` runs them all at once.
 * Jobs are operator processes: the school ids they work on come from `operatorSchoolId`.
 */
function retentionJob(rule: RetentionRuleName, name: string, cron: string) {
  return defineJob({
    name,
    cron,
    retry: { limit: 3, delaySeconds: 300 },
    expireInSeconds: 60 * 60,
    run: async () => {
      const counts = await runRetentionRule(rule, new Date(), operatorSchoolId);
      logger.info("retention.rule_done", { rule, counts });
      return counts;
    },
  });
}

export const APP_JOBS: readonly JobDefinition<never>[] = [
  retentionJob("technicalRecords", "retention.technical-records", "*/10 * * * *"),
  retentionJob("offboardedSchools", "retention.offboarded-schools", "0 2 * * *"),
  retentionJob("departedLearners", "retention.departed-learners", "20 2 * * *"),
  retentionJob("inactiveGarAccounts", "retention.inactive-gar-accounts", "40 2 * * *"),
  retentionJob("rejectedImportErrors", "retention.rejected-import-errors", "0 3 * * *"),
  retentionJob("auditEntries", "retention.audit-entries", "20 3 * * *"),
  subscriptionSyncJob as JobDefinition<never>,
  subscriptionReconcileJob as JobDefinition<never>,
];
