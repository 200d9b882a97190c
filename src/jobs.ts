import "server-only";

import { subscriptionReconcileJob, subscriptionSyncJob } from "@/features/gar-subscriptions/mutations";
import { runHousekeeping } from "@/lib/housekeeping";
import { defineJob, type JobDefinition } from "@/lib/jobs";
import { logger } from "@/lib/logger";

/**
 * Every job of the app (docs/decisions/013), started in each app instance by
 * src/instrumentation.ts. A feature adds its job here: `defineJob({ name, run, retry?, cron? })`
 * in the feature, then one line in this list. Cron expressions are UTC.
 */
export const housekeepingJob = defineJob({
  name: "housekeeping.technical",
  cron: "*/10 * * * *",
  retry: { limit: 2, delaySeconds: 60 },
  run: async () => {
    const counts = await runHousekeeping();
    logger.debug("housekeeping.done", counts);
    return counts;
  },
});

export const APP_JOBS: readonly JobDefinition<never>[] = [
  housekeepingJob,
  subscriptionSyncJob as JobDefinition<never>,
  subscriptionReconcileJob as JobDefinition<never>,
];
