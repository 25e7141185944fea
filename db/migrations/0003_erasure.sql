-- The right to be forgotten without breaking the audit chain. Personal values of a client and
-- its contacts are replaced, in the current rows, the history, the audit trail and the outbox,
-- by a redaction marker that keeps the value's digest. The chain hashes digests, so it still
-- verifies; the values themselves are gone.

-- Personal columns, by table. Other entities reference people only through these rows.
CREATE FUNCTION ubos_personal_columns(tbl text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE tbl
    WHEN 'clients' THEN ARRAY['name', 'email', 'phone', 'website', 'notes']
    WHEN 'contacts' THEN ARRAY['first_name', 'last_name', 'email', 'phone', 'title']
    ELSE ARRAY[]::text[]
  END
$$;

-- The marker that replaces a personal text value in a row: short enough for every column's
-- length check, and carrying the digest that the audit chain hashed.
CREATE FUNCTION ubos_erasure_marker(value jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL OR value = 'null'::jsonb OR value = '""'::jsonb THEN value
              ELSE to_jsonb('erased:' || ubos_value_digest(value)) END
$$;

-- Erases one client of the current tenant and its contacts. Runs as the owner, because it
-- rewrites history and audit rows the serving role may only read; the graph allows it to
-- organization owners only. Answers the number of rows erased (client and contacts).
CREATE FUNCTION ubos_erase_client(p_client_id uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  tenant uuid := ubos_current_organization();
  entity_ids uuid[];
  assignments text;
  tbl text;
BEGIN
  IF tenant IS NULL THEN
    RAISE EXCEPTION 'no tenant set' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT array_agg(id) INTO entity_ids FROM (
    SELECT id FROM clients WHERE organization_id = tenant AND id = p_client_id
    UNION ALL
    SELECT id FROM contacts WHERE organization_id = tenant AND client_id = p_client_id
  ) rows;
  IF entity_ids IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM set_config('ubos.erasing', 'on', true);

  -- Current rows: one UPDATE per table, so each row writes one `erased` event and one history
  -- version.
  FOREACH tbl IN ARRAY ARRAY['clients', 'contacts'] LOOP
    SELECT string_agg(format('%1$I = CASE WHEN t.%1$I IS NULL OR t.%1$I LIKE ''erased:%%'' THEN t.%1$I ELSE ubos_erasure_marker(to_jsonb(t.%1$I)) #>> ''{}'' END', c), ', ')
    INTO assignments FROM unnest(ubos_personal_columns(tbl)) AS c;
    EXECUTE format('UPDATE %I t SET %s WHERE organization_id = $1 AND id = ANY ($2)', tbl, assignments)
    USING tenant, entity_ids;
  END LOOP;

  -- History: every version's personal values become the marker.
  UPDATE entity_history h SET data = (
    SELECT h.data || coalesce(jsonb_object_agg(key, ubos_erasure_marker(h.data -> key)), '{}'::jsonb)
    FROM unnest(ubos_personal_columns(CASE h.entity_type WHEN 'Client' THEN 'clients' ELSE 'contacts' END)) AS key
    WHERE h.data ? key
  )
  WHERE h.organization_id = tenant AND h.entity_type IN ('Client', 'Contact') AND h.entity_id = ANY (entity_ids);

  -- Audit: personal values become digests; the append-only trigger lets this through only
  -- when every digest stays the same, so the chain verifies afterwards.
  UPDATE activity_events e SET changes = (
    SELECT coalesce(jsonb_object_agg(c.key, CASE
             WHEN c.key = ANY (ubos_personal_columns(CASE e.entity_type WHEN 'Client' THEN 'clients' ELSE 'contacts' END))
             THEN jsonb_build_object('from', ubos_redact(c.value -> 'from'), 'to', ubos_redact(c.value -> 'to'))
             ELSE c.value END), '{}'::jsonb)
    FROM jsonb_each(e.changes) c
  )
  WHERE e.organization_id = tenant AND e.entity_type IN ('Client', 'Contact') AND e.entity_id = ANY (entity_ids)
    AND e.action <> 'erased';

  -- Outbox payloads that carried the client's name.
  UPDATE outbox o SET payload = o.payload - 'name' || CASE WHEN o.payload ? 'name' THEN jsonb_build_object('name', ubos_erasure_marker(o.payload -> 'name')) ELSE '{}'::jsonb END
  WHERE o.organization_id = tenant AND o.aggregate_id = ANY (entity_ids);

  PERFORM set_config('ubos.erasing', 'off', true);
  RETURN array_length(entity_ids, 1);
END $$;

REVOKE ALL ON FUNCTION ubos_erase_client(uuid) FROM PUBLIC;
