-- Duplicate candidates (0060) with each client's keys computed once (issue 12: the bulk seed
-- spent a third of its time here). ubos_client_duplicate_matches is inlined into the refresh's
-- INSERT, and its arguments were the key expressions themselves, so a client's name key, email
-- domain and phone key (PL/pgSQL functions, LEAKPROOF, so not inlined) were computed again for
-- every candidate it was scored against: about 310 calls of ubos_client_name_key per client of
-- the benchmark's look-alike names. The keys are now computed once per client in a subquery
-- that the planner keeps (OFFSET 0) and passed as values. The functions are immutable, so the
-- candidates, scores and reasons are the same; only ubos_refresh_client_duplicates changes, and
-- only in that statement.

CREATE OR REPLACE FUNCTION ubos_refresh_client_duplicates(org uuid, ids uuid[] DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SET pg_trgm.similarity_threshold = 0.5 AS $$
DECLARE
  targets uuid[];
  written integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ubos:client_duplicates'), hashtext(org::text));
  IF ids IS NULL THEN
    DELETE FROM client_duplicate_candidates WHERE organization_id = org;
    SELECT coalesce(array_agg(c.id), '{}') INTO targets FROM clients c WHERE c.organization_id = org AND c.deleted_at IS NULL;
  ELSE
    WITH pairs AS (
      SELECT p.client_id, p.duplicate_id, d.score, d.reasons,
             CASE WHEN p.client_id = ANY (ids) THEN CASE WHEN p.held_by_duplicate THEN p.duplicate_id END
                  ELSE CASE WHEN p.held_by_client THEN p.client_id END END AS other_holder
        FROM client_duplicate_candidates p
        LEFT JOIN clients n ON n.organization_id = p.organization_id AND n.id = p.client_id AND n.deleted_at IS NULL
        LEFT JOIN clients o ON o.organization_id = p.organization_id AND o.id = p.duplicate_id AND o.deleted_at IS NULL
        LEFT JOIN LATERAL ubos_client_duplicate_pair(ubos_client_name_key(n.name), ubos_client_email_domain(n.email), ubos_client_phone_key(n.phone),
                                                     ubos_client_name_key(o.name), ubos_client_email_domain(o.email), ubos_client_phone_key(o.phone)) d
               ON n.id IS NOT NULL AND o.id IS NOT NULL
       WHERE p.organization_id = org AND (p.client_id = ANY (ids) OR p.duplicate_id = ANY (ids))
    ), dropped AS (
      DELETE FROM client_duplicate_candidates p USING pairs
       WHERE p.organization_id = org AND p.client_id = pairs.client_id AND p.duplicate_id = pairs.duplicate_id AND coalesce(cardinality(pairs.reasons), 0) = 0
      RETURNING pairs.other_holder
    ), rescored AS (
      UPDATE client_duplicate_candidates p SET score = pairs.score, reasons = pairs.reasons, computed_at = now()
        FROM pairs
       WHERE p.organization_id = org AND p.client_id = pairs.client_id AND p.duplicate_id = pairs.duplicate_id AND cardinality(pairs.reasons) > 0
         AND (p.score, p.reasons) IS DISTINCT FROM (pairs.score, pairs.reasons)
      RETURNING 1
    )
    SELECT ids || coalesce(array_agg(DISTINCT dropped.other_holder) FILTER (WHERE dropped.other_holder IS NOT NULL AND dropped.other_holder <> ALL (ids)), '{}')
      INTO targets FROM dropped;
    -- The recomputed clients give up their places: pairs only they held go, the others lose their flag.
    DELETE FROM client_duplicate_candidates p
     WHERE p.organization_id = org AND (p.client_id = ANY (targets) OR p.duplicate_id = ANY (targets))
       AND NOT ((p.held_by_client AND p.client_id <> ALL (targets)) OR (p.held_by_duplicate AND p.duplicate_id <> ALL (targets)));
    UPDATE client_duplicate_candidates p
       SET held_by_client = p.held_by_client AND p.client_id <> ALL (targets),
           held_by_duplicate = p.held_by_duplicate AND p.duplicate_id <> ALL (targets)
     WHERE p.organization_id = org AND (p.client_id = ANY (targets) OR p.duplicate_id = ANY (targets));
  END IF;
  -- Each live client recomputed holds its K best; a pair both of whose clients found it is one row.
  INSERT INTO client_duplicate_candidates AS p (organization_id, client_id, duplicate_id, held_by_client, held_by_duplicate, score, reasons)
  SELECT org, greatest(a.id, m.duplicate_id), least(a.id, m.duplicate_id), bool_or(a.id > m.duplicate_id), bool_or(a.id < m.duplicate_id),
         max(m.score), max(m.reasons)
    FROM (SELECT c.id, ubos_client_name_key(c.name) AS name_key, ubos_client_email_domain(c.email) AS domain, ubos_client_phone_key(c.phone) AS phone_key
            FROM clients c
           WHERE c.organization_id = org AND c.id = ANY (targets) AND c.deleted_at IS NULL
          OFFSET 0) a
   CROSS JOIN LATERAL ubos_client_duplicate_matches(org, a.id, a.name_key, a.domain, a.phone_key, ubos_client_duplicates_per_client()) m
   GROUP BY greatest(a.id, m.duplicate_id), least(a.id, m.duplicate_id)
  ON CONFLICT (organization_id, client_id, duplicate_id) DO UPDATE
     SET held_by_client = p.held_by_client OR excluded.held_by_client,
         held_by_duplicate = p.held_by_duplicate OR excluded.held_by_duplicate,
         score = excluded.score, reasons = excluded.reasons, computed_at = now();
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END $$;
