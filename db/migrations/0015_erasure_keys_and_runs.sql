-- Erasure also reaches the copies the platform keeps for its own work: the results stored
-- with idempotency keys (a replay would answer the erased values), and the workflow runs,
-- which keep the triggering event's payload and each step's input and output.

-- Replaces, anywhere in a JSON document, the string values of the named keys by the erasure
-- marker (which keeps their digest), e.g. a run's { "body": "Welcome aboard, Ada" }.
CREATE FUNCTION ubos_erase_json_keys(doc jsonb, keys text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE jsonb_typeof(doc)
    WHEN 'object' THEN (
      SELECT coalesce(jsonb_object_agg(key, CASE
               WHEN key = ANY (keys) AND jsonb_typeof(value) = 'string' AND value #>> '{}' NOT LIKE 'erased:%' THEN ubos_erasure_marker(value)
               ELSE ubos_erase_json_keys(value, keys) END), '{}'::jsonb)
      FROM jsonb_each(doc))
    WHEN 'array' THEN (SELECT coalesce(jsonb_agg(ubos_erase_json_keys(value, keys) ORDER BY ordinality), '[]'::jsonb) FROM jsonb_array_elements(doc) WITH ORDINALITY)
    ELSE doc
  END
$$;

CREATE FUNCTION ubos_erase_client_copies(tenant uuid, p_client_id uuid, entity_ids uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  -- The personal columns of 0003 and 0013, as the graph names them in results and payloads.
  personal text[] := ARRAY['name', 'email', 'phone', 'website', 'notes', 'firstName', 'lastName', 'fullName', 'title', 'subject', 'body',
                           'first_name', 'last_name'];
  mentions text := array_to_string(entity_ids || p_client_id, '|');
BEGIN
  -- A stored result that mentions the client or one of its erased rows is replaced by a
  -- tombstone: replaying its key answers CONFLICT rather than the erased values.
  UPDATE idempotency_keys SET result = '{"$ubosErased": true}'::jsonb
  WHERE organization_id = tenant AND result IS NOT NULL AND result::text ~ mentions;

  UPDATE workflow_runs SET event_payload = ubos_erase_json_keys(event_payload, personal), steps = ubos_erase_json_keys(steps, personal)
  WHERE organization_id = tenant AND (client_id = p_client_id OR event_aggregate_id = ANY (entity_ids));
END $$;

REVOKE ALL ON FUNCTION ubos_erase_client_copies(uuid, uuid, uuid[]) FROM PUBLIC;

-- ubos_erase_client (0013) erases the rows; it now also erases their copies.
ALTER FUNCTION ubos_erase_client(uuid) RENAME TO ubos_erase_client_rows;

CREATE FUNCTION ubos_erase_client(p_client_id uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  tenant uuid := ubos_current_organization();
  erased integer := ubos_erase_client_rows(p_client_id);
  entity_ids uuid[];
BEGIN
  IF erased > 0 THEN
    SELECT array_agg(id) INTO entity_ids FROM (
      SELECT id FROM clients WHERE organization_id = tenant AND id = p_client_id
      UNION ALL SELECT id FROM contacts WHERE organization_id = tenant AND client_id = p_client_id
      UNION ALL SELECT id FROM threads WHERE organization_id = tenant AND client_id = p_client_id
      UNION ALL SELECT id FROM messages WHERE organization_id = tenant AND client_id = p_client_id
      UNION ALL SELECT id FROM files WHERE organization_id = tenant AND client_id = p_client_id
    ) rows;
    PERFORM ubos_erase_client_copies(tenant, p_client_id, entity_ids);
  END IF;
  RETURN erased;
END $$;

REVOKE ALL ON FUNCTION ubos_erase_client(uuid) FROM PUBLIC;
