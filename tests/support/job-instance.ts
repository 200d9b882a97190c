// One "app instance" for src/lib/jobs.integration.test.ts: a separate Node process that starts the
// job worker exactly as src/instrumentation.ts does, with one scheduled job that says on stdout
// each time it runs. Run with `tsx --conditions=react-server tests/support/job-instance.ts <job name>`.
import { defineJob, startJobs, stopJobs } from "../../src/lib/jobs";

const name = process.argv[2];
if (!name) throw new Error("usage: job-instance.ts <job name>");

await startJobs([
  defineJob({
    name,
    cron: "* * * * *",
    run: async (_data, context) => {
      process.stdout.write(`RAN ${context.jobId}\n`);
    },
  }),
]);
process.stdout.write("READY\n");
process.once("SIGTERM", () => {
  void stopJobs().then(() => process.exit(0));
});
