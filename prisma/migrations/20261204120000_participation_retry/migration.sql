-- A retry allowed by the school (docs/decisions/014): the earlier attempt stops being the active
-- participation (deleted_at, so the partial unique index on (campaign_id, learner_id) WHERE
-- deleted_at IS NULL still allows exactly one active one) and is kept in the history, marked here.
ALTER TABLE "participations" ADD COLUMN     "retried_at" TIMESTAMP(3);
