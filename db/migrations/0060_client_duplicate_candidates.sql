-- Duplicate detection computed ahead (issue 13): clientDuplicates reads a table of candidate
-- pairs by index instead of probing every client when asked (2 s on 10,000 clients without
-- duplicates, against the 50 ms budget).
--
-- crm owns the table and keeps it off the user's write path: its handlers of ClientCreated,
-- ClientUpdated, ClientDeleted, ClientRestored and ClientErased (delivered by the worker through
-- the gateway's POST /events) and of a merge and its undo call ubos_refresh_client_duplicates
-- for the clients that changed; one client costs one bitmap of the three indexes of 0035. A
-- pair therefore appears once the event is handled (seconds after the write, while a worker
-- runs), not in the write's transaction. Rows written without the graph (raw SQL, the demo and
-- bulk seeds, this migration's existing clients) get theirs from
-- `select ubos_refresh_client_duplicates(<organization id>)`, which recomputes a whole tenant.
--
-- Derived data, like the inbox: not audited (no history, no activity events), rebuilt at will.

-- One row per pair, as the graph shows it: the newer client (client_id) and the older one
-- (duplicate_id). A pair is kept while one of its clients holds it among its K best candidates
-- (held_by_client, held_by_duplicate): each client holds at most K pairs, so the table holds
-- at most K rows per client whatever the data (1,000 clients that all look alike: at most 5,000).
CREATE TABLE client_duplicate_candidates (
  organization_id   uuid NOT NULL REFERENCES organizations (id),
  client_id         uuid NOT NULL,
  duplicate_id      uuid NOT NULL,
  held_by_client    boolean NOT NULL,
  held_by_duplicate boolean NOT NULL,
  score             numeric(4, 3) NOT NULL CHECK (score BETWEEN 0 AND 1),
  reasons           text[] NOT NULL CHECK (cardinality(reasons) > 0 AND reasons <@ ARRAY['SIMILAR_NAME', 'SAME_EMAIL_DOMAIN', 'SAME_PHONE']),
  computed_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, client_id, duplicate_id),
  CHECK (client_id > duplicate_id),
  CHECK (held_by_client OR held_by_duplicate),
  -- A purge deletes a (soft-deleted) client for good: its pairs go with it.
  FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, duplicate_id) REFERENCES clients (organization_id, id) ON DELETE CASCADE
);
-- clientDuplicates: the best first, walked until `first` live pairs are found.
CREATE INDEX client_duplicate_candidates_read_idx ON client_duplicate_candidates (organization_id, score DESC, client_id DESC, duplicate_id DESC);
-- The pairs of a client on its older side (the primary key serves the newer side).
CREATE INDEX client_duplicate_candidates_duplicate_idx ON client_duplicate_candidates (organization_id, duplicate_id);

ALTER TABLE client_duplicate_candidates ENABLE ROW LEVEL SECURITY;
ALTER TABLE client_duplicate_candidates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON client_duplicate_candidates USING (organization_id = ubos_current_organization())
  WITH CHECK (organization_id = ubos_current_organization());

-- K: how many pairs one client holds, its best by score.
CREATE FUNCTION ubos_client_duplicates_per_client() RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 5 $$;

-- Score and reasons of two clients, from their keys (0035). The name similarity counts as a
-- reason from pg_trgm's threshold, which ubos_refresh_client_duplicates sets (0.5) for its
-- transaction, the same one its `%` probes use. A pair with no reason is no pair.
CREATE FUNCTION ubos_client_duplicate_pair(a_name_key text, a_domain text, a_phone_key text, b_name_key text, b_domain text, b_phone_key text)
RETURNS TABLE (score numeric, reasons text[])
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT round(least(1, s.sim + CASE WHEN s.same_domain THEN 0.25 ELSE 0 END + CASE WHEN s.same_phone THEN 0.35 ELSE 0 END)::numeric, 3),
         array_remove(ARRAY[CASE WHEN s.sim >= current_setting('pg_trgm.similarity_threshold')::real THEN 'SIMILAR_NAME' END,
                            CASE WHEN s.same_domain THEN 'SAME_EMAIL_DOMAIN' END,
                            CASE WHEN s.same_phone THEN 'SAME_PHONE' END], NULL)
    FROM (SELECT coalesce(similarity(a_name_key, b_name_key), 0)::numeric AS sim,
                 coalesce(a_domain = b_domain, false) AS same_domain,
                 coalesce(a_phone_key = b_phone_key, false) AS same_phone) s
$$;

-- The k best live matches of one client (given by its id and keys), newer or older: one probe
-- of each index of 0035 (trigram, email domain, phone), then sorted by score. Each probe reads
-- at most 100 matches, so that a crowd sharing one key (a thousand "Acme Studio n", a
-- placeholder phone on every client) costs one client a bounded time (a few ms) instead of
-- one pair per member of the crowd, and cannot crowd out the matches on the other keys. In a
-- crowd larger than that, a client's k best are the best of the first 100 the index gives.
CREATE FUNCTION ubos_client_duplicate_matches(org uuid, client uuid, name_key text, domain text, phone_key text, k integer)
RETURNS TABLE (duplicate_id uuid, score numeric, reasons text[])
LANGUAGE sql STABLE AS $$
  SELECT m.id, d.score, d.reasons
    FROM ((SELECT c.id, c.name, c.email, c.phone FROM clients c
            WHERE c.organization_id = org AND c.deleted_at IS NULL AND c.id <> client AND ubos_client_name_key(c.name) % name_key LIMIT 100)
          UNION
          (SELECT c.id, c.name, c.email, c.phone FROM clients c
            WHERE c.organization_id = org AND c.deleted_at IS NULL AND c.id <> client AND ubos_client_email_domain(c.email) = domain LIMIT 100)
          UNION
          (SELECT c.id, c.name, c.email, c.phone FROM clients c
            WHERE c.organization_id = org AND c.deleted_at IS NULL AND c.id <> client AND ubos_client_phone_key(c.phone) = phone_key LIMIT 100)) m
   CROSS JOIN LATERAL ubos_client_duplicate_pair(ubos_client_name_key(m.name), ubos_client_email_domain(m.email), ubos_client_phone_key(m.phone), name_key, domain, phone_key) d
   ORDER BY d.score DESC, m.id DESC
   LIMIT k
$$;

-- Recomputes the candidates of the clients `ids` of the tenant `org` (every client of the
-- tenant when ids is NULL), from the clients as they are now:
--   1. the pairs of a changed client are rescored; those that no longer match (or one of whose
--      clients was deleted or merged) are dropped, and the other client, if it held the pair,
--      is recomputed too, so that it refills its K places;
--   2. each client recomputed gives up the pairs it held (a pair nobody holds any more goes)
--      and holds its K best live matches, newer or older, instead.
-- A pair found by neither client's K best is not kept. One transaction-level advisory lock per
-- tenant serialises the refreshes of a tenant, so two handlers running at once (the worker's
-- concurrency) see each other's commits and the order in which events are handled does not
-- matter. Answers the number of pairs written.
CREATE FUNCTION ubos_refresh_client_duplicates(org uuid, ids uuid[] DEFAULT NULL) RETURNS integer
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
    FROM clients a
   CROSS JOIN LATERAL ubos_client_duplicate_matches(org, a.id, ubos_client_name_key(a.name), ubos_client_email_domain(a.email), ubos_client_phone_key(a.phone),
                                                    ubos_client_duplicates_per_client()) m
   WHERE a.organization_id = org AND a.id = ANY (targets) AND a.deleted_at IS NULL
   GROUP BY greatest(a.id, m.duplicate_id), least(a.id, m.duplicate_id)
  ON CONFLICT (organization_id, client_id, duplicate_id) DO UPDATE
     SET held_by_client = p.held_by_client OR excluded.held_by_client,
         held_by_duplicate = p.held_by_duplicate OR excluded.held_by_duplicate,
         score = excluded.score, reasons = excluded.reasons, computed_at = now();
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END $$;

-- The clients that exist already (about 1 to 6 ms a client, depending on how alike their names
-- are). Statistics first: plans made while the planner believes clients empty scan it per client.
ANALYZE clients;
DO $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT id FROM organizations ORDER BY id LOOP
    PERFORM ubos_refresh_client_duplicates(org);
  END LOOP;
END $$;
