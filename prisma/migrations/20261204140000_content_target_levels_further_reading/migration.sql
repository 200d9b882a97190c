-- A parcours' target level per competence ({"1.1": 3, …}), shown to teachers in the picker.
ALTER TABLE "target_profiles" ADD COLUMN "target_levels" JSONB NOT NULL DEFAULT '{}';

-- The "Pour aller plus loin" text shown with a question's explanation after the campaign.
ALTER TABLE "challenges" ADD COLUMN "further_reading" TEXT NOT NULL DEFAULT '';
