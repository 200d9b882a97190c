-- Two question types: several typed fields in one question, and a choice among images.
-- ADD VALUE inside the migration's transaction is allowed since PostgreSQL 12 as long as the new
-- values are not used in it.
ALTER TYPE "ChallengeType" ADD VALUE 'QROCM';
ALTER TYPE "ChallengeType" ADD VALUE 'QCU_IMAGE';

-- QROCM: accepted answers per field id; '{}' for the other types.
ALTER TABLE "challenges" ADD COLUMN "field_answers" JSONB NOT NULL DEFAULT '{}';
