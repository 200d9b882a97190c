-- Where a participation's adaptive walk starts: the student's known level per competence
-- (their profile) when it started, frozen so that a resume replays the same path.
ALTER TABLE "participations" ADD COLUMN "start_levels" JSONB NOT NULL DEFAULT '{}';
