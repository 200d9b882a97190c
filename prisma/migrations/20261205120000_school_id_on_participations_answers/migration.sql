-- Participations and answers carry their school (docs/scaling.md §3): the hot tables of the
-- answer path can then be read, written and one day sharded by school_id without a join.

-- Participations: the campaign's school.
ALTER TABLE "participations" ADD COLUMN "school_id" INTEGER;
UPDATE "participations" p SET "school_id" = c."school_id" FROM "campaigns" c WHERE c."id" = p."campaign_id";
ALTER TABLE "participations" ALTER COLUMN "school_id" SET NOT NULL;

-- Answers: the participation's school.
ALTER TABLE "answers" ADD COLUMN "school_id" INTEGER;
UPDATE "answers" a SET "school_id" = p."school_id" FROM "participations" p WHERE p."id" = a."participation_id";
ALTER TABLE "answers" ALTER COLUMN "school_id" SET NOT NULL;

-- Indexes lead with school_id where the path is hot: a campaign's participations (the runner's
-- lookup, the Activité and Résultats tabs) and a participation's answers (every question page).
-- They replace the indexes they extend, so a write costs no extra index.
DROP INDEX "participations_campaign_id_idx";
CREATE INDEX "participations_school_id_campaign_id_idx" ON "participations"("school_id", "campaign_id");
DROP INDEX "answers_participation_id_challenge_id_key";
CREATE UNIQUE INDEX "answers_school_id_participation_id_challenge_id_key" ON "answers"("school_id", "participation_id", "challenge_id");

ALTER TABLE "participations" ADD CONSTRAINT "participations_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "answers" ADD CONSTRAINT "answers_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;
