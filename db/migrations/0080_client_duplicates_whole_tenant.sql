-- Duplicate candidates of a whole tenant computed against a table of the tenant's keys (issue
-- 12: after 0076 and 0077 the bulk seed still spent half its time here, and more with every
-- tenant in the database). `select ubos_refresh_client_duplicates(org)` (no ids: the seeds,
-- imports) probed the clients' trigram index once per client, and each probe rechecked every
-- candidate by computing ubos_client_name_key (PL/pgSQL) on its name again (about 115
-- candidates for 34 matches per client of the benchmark's names), in posting lists that hold
-- every tenant's names (0077 keeps the tenants apart in the index's keys, not in its trigram
-- lists: with ten tenants of the same names a tenant's refresh took 3 to 5 times longer than
-- alone).
--
-- Now the whole-tenant refresh first writes each live client's keys once into a temporary
-- table (the tenant's rows only, with their position in the clients table), indexes it (a
-- trigram GIN index on the name key and btree indexes on the domain and the phone key), and
-- finds every client's matches in it: the recheck compares two stored keys, and no other
-- tenant's names are in the lists. The result is the same as 0060's definition, pair for pair:
-- - the same keys (the same immutable functions of the same rows, read under the caller's
--   snapshot and Row Level Security, as before);
-- - the same matches of each key: similarity at the function's pg_trgm threshold (0.5), the
--   same domain, the same phone key; live clients of the tenant other than the client itself;
-- - the same "first 100" of each key: a probe of 0060 reads its matches in the clients table's
--   physical order (a bitmap heap scan for the trigram index; a btree index scan of equal keys
--   returns them in heap order too), and stops at 100. `ord` is the client's position in that
--   order (ctid), and each probe here takes its first 100 by `ord`;
-- - the same scores, reasons, k best (score, then id, descending) and holders, with
--   ubos_client_duplicate_pair and ubos_client_duplicates_per_client as before.
-- The refresh of given clients (ids, crm's event handlers: one to a few clients) keeps 0076's
-- probes, and so does a whole-tenant refresh by a role that may not create temporary tables.
-- Tested against 0060's definition in db/test/client-duplicates-set-based.test.ts.

CREATE OR REPLACE FUNCTION ubos_refresh_client_duplicates(org uuid, ids uuid[] DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SET pg_trgm.similarity_threshold = 0.5 AS $$
DECLARE
  targets uuid[];
  written integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ubos:client_duplicates'), hashtext(org::text));
  IF ids IS NULL AND has_database_privilege(current_database(), 'TEMPORARY') THEN
    DELETE FROM client_duplicate_candidates WHERE organization_id = org;
    IF to_regclass('pg_temp.ubos_client_duplicate_keys') IS NOT NULL THEN
      DROP TABLE pg_temp.ubos_client_duplicate_keys;
    END IF;
    CREATE TEMPORARY TABLE ubos_client_duplicate_keys ON COMMIT DROP AS
    SELECT c.id, row_number() OVER (ORDER BY c.ctid) AS ord,
           ubos_client_name_key(c.name) AS name_key, ubos_client_email_domain(c.email) AS domain, ubos_client_phone_key(c.phone) AS phone_key
      FROM clients c
     WHERE c.organization_id = org AND c.deleted_at IS NULL;
    CREATE INDEX ON pg_temp.ubos_client_duplicate_keys USING gin (name_key gin_trgm_ops);
    CREATE INDEX ON pg_temp.ubos_client_duplicate_keys (domain, ord);
    CREATE INDEX ON pg_temp.ubos_client_duplicate_keys (phone_key, ord);
    ANALYZE pg_temp.ubos_client_duplicate_keys;
    -- Each live client holds its K best; a pair both of whose clients found it is one row.
    INSERT INTO client_duplicate_candidates AS p (organization_id, client_id, duplicate_id, held_by_client, held_by_duplicate, score, reasons)
    SELECT org, greatest(a.id, m.duplicate_id), least(a.id, m.duplicate_id), bool_or(a.id > m.duplicate_id), bool_or(a.id < m.duplicate_id),
           max(m.score), max(m.reasons)
      FROM pg_temp.ubos_client_duplicate_keys a
     CROSS JOIN LATERAL (
       SELECT b.id AS duplicate_id, d.score, d.reasons
         FROM ((SELECT b.id, b.name_key, b.domain, b.phone_key FROM pg_temp.ubos_client_duplicate_keys b
                 WHERE b.name_key % a.name_key AND b.id <> a.id ORDER BY b.ord LIMIT 100)
               UNION
               (SELECT b.id, b.name_key, b.domain, b.phone_key FROM pg_temp.ubos_client_duplicate_keys b
                 WHERE b.domain = a.domain AND b.id <> a.id ORDER BY b.ord LIMIT 100)
               UNION
               (SELECT b.id, b.name_key, b.domain, b.phone_key FROM pg_temp.ubos_client_duplicate_keys b
                 WHERE b.phone_key = a.phone_key AND b.id <> a.id ORDER BY b.ord LIMIT 100)) b
        CROSS JOIN LATERAL ubos_client_duplicate_pair(b.name_key, b.domain, b.phone_key, a.name_key, a.domain, a.phone_key) d
        ORDER BY d.score DESC, b.id DESC
        LIMIT ubos_client_duplicates_per_client()) m
     GROUP BY greatest(a.id, m.duplicate_id), least(a.id, m.duplicate_id);
    GET DIAGNOSTICS written = ROW_COUNT;
    DROP TABLE pg_temp.ubos_client_duplicate_keys;
    RETURN written;
  END IF;
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
