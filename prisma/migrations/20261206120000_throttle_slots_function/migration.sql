-- Throttle slots taken in one statement (docs/decisions/023): the advisory locks of the buckets,
-- in bucket order, then the count-and-insert. In a VOLATILE PL/pgSQL function each query takes a
-- fresh snapshot, so the count sees every event committed by whoever held a lock before us, as
-- the two statements of a transaction did; the locks end with the caller's transaction (the
-- statement itself when it runs alone).
CREATE FUNCTION take_throttle_slots(p_buckets text[], p_since timestamp(3)[], p_limits int[], p_now timestamp(3))
RETURNS TABLE (n int, id int, recent int, oldest timestamp(3))
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(b, 0))
     FROM unnest(ARRAY(SELECT DISTINCT u FROM unnest(p_buckets) AS u ORDER BY u)) AS t(b);
  RETURN QUERY
    WITH rules AS (
      SELECT * FROM unnest(p_buckets, p_since, p_limits) WITH ORDINALITY AS r(bucket, since, max_count, n)
    ), stats AS (
      SELECT rules.n, rules.bucket, rules.max_count, s.recent, s.oldest FROM rules CROSS JOIN LATERAL (
        SELECT count(*)::int AS recent, min(w.created_at) AS oldest FROM (
          SELECT e.created_at FROM throttle_events e
           WHERE e.bucket = rules.bucket AND e.created_at > rules.since
           ORDER BY e.created_at DESC LIMIT rules.max_count
        ) AS w
      ) AS s
    ), allowed AS (SELECT bool_and(stats.recent < stats.max_count) AS ok FROM stats),
    inserted AS (
      INSERT INTO throttle_events (bucket, created_at)
      SELECT stats.bucket, p_now FROM stats, allowed WHERE allowed.ok ORDER BY stats.n
      RETURNING throttle_events.id, throttle_events.bucket
    )
    SELECT stats.n::int, (SELECT i.id FROM inserted i WHERE i.bucket = stats.bucket), stats.recent, stats.oldest
      FROM stats ORDER BY stats.n;
END
$$;
