-- Sealing with the per-event work done in one query (issue 12: the bulk seed's commit hashed
-- 170,000 events of a tenant one call at a time, about 6.5 of its 11 s). The chain is the same,
-- byte for byte: each event's hash is still
--   sha256(jsonb_build_array(prev_hash, seq, organization_id, id, occurred_at, actor,
--          entity_type, entity_id, client_id, action, ubos_changes_digest(changes), ip_address,
--          user_agent, request_id)::text)
-- (ubos_event_hash, 0002), which ubos_verify_audit_chain still uses. Only the previous hash and
-- the seq depend on the events before; everything else is computed for all the events at once
-- by the query that reads them in insertion order: the digest of the changes (the body of
-- ubos_changes_digest as a set-returning function, which the planner inlines; a scalar SQL
-- function with a FROM is called once per event instead) and the text of the array after its
-- first two elements. The loop then only prefixes the previous hash and the seq, as JSON text
-- exactly as jsonb_build_array writes them (a JSON string and a number, ", " between elements),
-- and hashes. Tested against ubos_event_hash and ubos_changes_digest in
-- db/test/set-based-audit.test.ts.

-- ubos_changes_digest (0075) as one row, so that a query can join it per event and have it inlined.
CREATE FUNCTION ubos_changes_digest_row(changes jsonb) RETURNS TABLE (digest text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(string_agg(
    c.key || ':' ||
    CASE WHEN v.f IS NULL OR v.f = 'null'::jsonb THEN '74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b'
         WHEN jsonb_typeof(v.f) = 'object' AND v.f ? 'ubos_redacted' THEN v.f ->> 'digest'
         ELSE encode(sha256(convert_to(v.f::text, 'UTF8')), 'hex') END || '>' ||
    CASE WHEN v.t IS NULL OR v.t = 'null'::jsonb THEN '74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b'
         WHEN jsonb_typeof(v.t) = 'object' AND v.t ? 'ubos_redacted' THEN v.t ->> 'digest'
         ELSE encode(sha256(convert_to(v.t::text, 'UTF8')), 'hex') END,
    ',' ORDER BY c.key), ''), 'UTF8')), 'hex')
  FROM jsonb_each(changes) AS c (key, value)
  CROSS JOIN LATERAL (SELECT c.value -> 'from' AS f, c.value -> 'to' AS t) AS v
$$;

-- As in 0075 (one call per tenant and transaction, one UPDATE), with the hashes computed as above.
CREATE OR REPLACE FUNCTION ubos_seal_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  event record;
  ids uuid[] := '{}';
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
BEGIN
  PERFORM set_config('ubos.seal_queued', replace(coalesce(current_setting('ubos.seal_queued', true), ''), NEW.organization_id::text || ',', ''), true);
  INSERT INTO audit_chain_heads (organization_id, seq, hash) VALUES (NEW.organization_id, 0, '')
  ON CONFLICT (organization_id) DO NOTHING;
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_heads WHERE organization_id = NEW.organization_id FOR UPDATE;
  FOR event IN
    -- The array of ubos_event_hash without its opening bracket and first two elements (prev_hash, seq).
    SELECT e.id,
           substr(jsonb_build_array(e.organization_id, e.id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                                    e.actor, e.entity_type, e.entity_id, e.client_id, e.action, d.digest,
                                    e.ip_address, e.user_agent, e.request_id)::text, 2) AS rest
      FROM activity_events e
     CROSS JOIN LATERAL ubos_changes_digest_row(e.changes) d
     WHERE e.organization_id = NEW.organization_id AND e.hash IS NULL
     ORDER BY e.insert_order
  LOOP
    ids := ids || event.id;
    prevs := prevs || head_hash;
    head_seq := head_seq + 1;
    seqs := seqs || head_seq;
    head_hash := encode(sha256(convert_to('[' || to_jsonb(coalesce(head_hash, ''))::text || ', ' || head_seq::text || ', ' || event.rest, 'UTF8')), 'hex');
    hashes := hashes || head_hash;
  END LOOP;
  IF cardinality(ids) = 0 THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('ubos.sealing', 'on', true);
  UPDATE activity_events e SET seq = u.seq, prev_hash = u.prev_hash, hash = u.hash
    FROM unnest(ids, seqs, prevs, hashes) AS u (id, seq, prev_hash, hash)
   WHERE e.organization_id = NEW.organization_id AND e.id = u.id;
  PERFORM set_config('ubos.sealing', 'off', true);
  UPDATE audit_chain_heads SET seq = head_seq, hash = head_hash WHERE organization_id = NEW.organization_id;
  RETURN NULL;
END $$;
