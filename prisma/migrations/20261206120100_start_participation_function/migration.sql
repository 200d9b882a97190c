-- *Commencer* in one statement (docs/decisions/023): the learner row locked, the former account's
-- participation set aside, the campaign and the active participation checked, the participation
-- inserted. Each query of a VOLATILE PL/pgSQL function takes a fresh snapshot, so every read after
-- the lock sees what the previous holder committed, as the statements of the former transaction
-- did. The whole call is one transaction (the caller's statement).
--
-- p_known_levels: the student's profile ({competence id: level}); the campaign's competences are
-- kept from it as the levels the adaptive walk starts from.
-- outcome: STARTED | RESUMED | NOT_FOUND | NOT_LINKED (the learner is no longer this user's) |
-- FORBIDDEN (disabled learner, or the active participation is another user's) | CLOSED.
CREATE FUNCTION start_participation(
  p_school_id int, p_campaign_id int, p_learner_id int, p_user_id int, p_known_levels jsonb, p_now timestamp(3)
) RETURNS TABLE (outcome text, participation_id int)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_learner record;
  v_campaign record;
  v_active record;
  v_id int;
BEGIN
  SELECT l.user_id, l.is_disabled INTO v_learner FROM learners l
   WHERE l.id = p_learner_id AND l.school_id = p_school_id FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::int; RETURN; END IF;
  IF v_learner.user_id IS DISTINCT FROM p_user_id THEN RETURN QUERY SELECT 'NOT_LINKED'::text, NULL::int; RETURN; END IF;
  IF v_learner.is_disabled THEN RETURN QUERY SELECT 'FORBIDDEN'::text, NULL::int; RETURN; END IF;

  -- After a *dissocier*, the previous account's active participation gives way (answers kept).
  UPDATE participations p SET deleted_at = p_now, updated_at = p_now
   WHERE p.school_id = p_school_id AND p.campaign_id = p_campaign_id AND p.learner_id = p_learner_id
     AND p.deleted_at IS NULL AND p.user_id <> p_user_id;

  SELECT c.archived_at, c.challenge_snapshot INTO v_campaign FROM campaigns c
   WHERE c.id = p_campaign_id AND c.school_id = p_school_id;
  IF NOT FOUND THEN RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::int; RETURN; END IF;

  SELECT p.id, p.user_id INTO v_active FROM participations p
   WHERE p.school_id = p_school_id AND p.campaign_id = p_campaign_id AND p.learner_id = p_learner_id
     AND p.deleted_at IS NULL;
  IF FOUND THEN
    IF v_active.user_id <> p_user_id THEN RETURN QUERY SELECT 'FORBIDDEN'::text, NULL::int; RETURN; END IF;
    RETURN QUERY SELECT 'RESUMED'::text, v_active.id; RETURN;
  END IF;
  IF v_campaign.archived_at IS NOT NULL THEN RETURN QUERY SELECT 'CLOSED'::text, NULL::int; RETURN; END IF;

  -- The learner row is locked: no parallel press of this learner gets here at the same time; the
  -- partial unique index stays the last word (ON CONFLICT, not a caught violation).
  INSERT INTO participations (school_id, campaign_id, learner_id, user_id, start_levels, created_at, updated_at)
  VALUES (
    p_school_id, p_campaign_id, p_learner_id, p_user_id,
    COALESCE((
      SELECT jsonb_object_agg(k.key, k.value) FROM jsonb_each(p_known_levels) AS k
       WHERE k.key IN (SELECT competence->>'id' FROM jsonb_array_elements(v_campaign.challenge_snapshot->'competences') AS competence)
    ), '{}'::jsonb),
    p_now, p_now)
  ON CONFLICT (campaign_id, learner_id) WHERE deleted_at IS NULL DO NOTHING
  RETURNING id INTO v_id;
  IF v_id IS NOT NULL THEN RETURN QUERY SELECT 'STARTED'::text, v_id; RETURN; END IF;

  SELECT p.id, p.user_id INTO v_active FROM participations p
   WHERE p.school_id = p_school_id AND p.campaign_id = p_campaign_id AND p.learner_id = p_learner_id
     AND p.deleted_at IS NULL;
  IF v_active.user_id IS DISTINCT FROM p_user_id THEN RETURN QUERY SELECT 'FORBIDDEN'::text, NULL::int; RETURN; END IF;
  RETURN QUERY SELECT 'RESUMED'::text, v_active.id;
END
$$;
