-- Retention (issue 11, docs/decisions/013): when a learner left the school (first disabled by a
-- re-import), and a school's offboarding.

-- AlterTable
ALTER TABLE "learners" ADD COLUMN     "disabled_at" TIMESTAMP(3);

-- Learners disabled before this column existed: their last update is the best known date of leaving.
UPDATE "learners" SET "disabled_at" = "updated_at" WHERE "is_disabled" AND "erased_at" IS NULL;

-- AlterTable
ALTER TABLE "schools" ADD COLUMN     "offboarded_at" TIMESTAMP(3),
ADD COLUMN     "offboarding_requested_at" TIMESTAMP(3),
ADD COLUMN     "offboarding_requested_by_id" INTEGER;

-- CreateIndex
CREATE INDEX "learners_disabled_at_idx" ON "learners"("disabled_at");

-- The audit purge reads by age alone.
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at");
