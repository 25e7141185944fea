-- Erasure reaches the client's conversations and files as well: a thread's subject, a
-- message's body and a file's name can all carry personal data. The same marker keeps each
-- value's digest, so the audit chain still verifies (0003_erasure.sql explains the scheme).

CREATE OR REPLACE FUNCTION ubos_personal_columns(tbl text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE tbl
    WHEN 'clients' THEN ARRAY['name', 'email', 'phone', 'website', 'notes']
    WHEN 'contacts' THEN ARRAY['first_name', 'last_name', 'email', 'phone', 'title']
    WHEN 'threads' THEN ARRAY['subject']
    WHEN 'messages' THEN ARRAY['body']
    WHEN 'files' THEN ARRAY['name']
    ELSE ARRAY[]::text[]
  END
$$;

CREATE FUNCTION ubos_erasable_table(entity_type text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE entity_type
    WHEN 'Client' THEN 'clients'
    WHEN 'Contact' THEN 'contacts'
    WHEN 'Thread' THEN 'threads'
    WHEN 'Message' THEN 'messages'
    WHEN 'FileObject' THEN 'files'
  END
$$;

CREATE OR REPLACE FUNCTION ubos_erase_client(p_client_id uuid) RETURNS integer
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
  IF NOT EXISTS (SELECT 1 FROM clients WHERE organization_id = tenant AND id = p_client_id) THEN
    RETURN 0;
  END IF;
  SELECT array_agg(id) INTO entity_ids FROM (
    SELECT id FROM clients WHERE organization_id = tenant AND id = p_client_id
    UNION ALL SELECT id FROM contacts WHERE organization_id = tenant AND client_id = p_client_id
    UNION ALL SELECT id FROM threads WHERE organization_id = tenant AND client_id = p_client_id
    UNION ALL SELECT id FROM messages WHERE organization_id = tenant AND client_id = p_client_id
    UNION ALL SELECT id FROM files WHERE organization_id = tenant AND client_id = p_client_id
  ) rows;
  PERFORM set_config('ubos.erasing', 'on', true);

  FOREACH tbl IN ARRAY ARRAY['clients', 'contacts', 'threads', 'messages', 'files'] LOOP
    SELECT string_agg(format('%1$I = CASE WHEN t.%1$I IS NULL OR t.%1$I LIKE ''erased:%%'' THEN t.%1$I ELSE ubos_erasure_marker(to_jsonb(t.%1$I)) #>> ''{}'' END', c), ', ')
    INTO assignments FROM unnest(ubos_personal_columns(tbl)) AS c;
    EXECUTE format('UPDATE %I t SET %s WHERE organization_id = $1 AND id = ANY ($2)', tbl, assignments)
    USING tenant, entity_ids;
  END LOOP;

  UPDATE entity_history h SET data = (
    SELECT h.data || coalesce(jsonb_object_agg(key, ubos_erasure_marker(h.data -> key)), '{}'::jsonb)
    FROM unnest(ubos_personal_columns(ubos_erasable_table(h.entity_type))) AS key
    WHERE h.data ? key
  )
  WHERE h.organization_id = tenant AND ubos_erasable_table(h.entity_type) IS NOT NULL AND h.entity_id = ANY (entity_ids);

  UPDATE activity_events e SET changes = (
    SELECT coalesce(jsonb_object_agg(c.key, CASE
             WHEN c.key = ANY (ubos_personal_columns(ubos_erasable_table(e.entity_type)))
             THEN jsonb_build_object('from', ubos_redact(c.value -> 'from'), 'to', ubos_redact(c.value -> 'to'))
             ELSE c.value END), '{}'::jsonb)
    FROM jsonb_each(e.changes) c
  )
  WHERE e.organization_id = tenant AND ubos_erasable_table(e.entity_type) IS NOT NULL AND e.entity_id = ANY (entity_ids)
    AND e.action <> 'erased';

  -- Outbox payloads name a client or a file; message and thread events carry ids only.
  UPDATE outbox o SET payload = o.payload
      - 'name' || CASE WHEN o.payload ? 'name' THEN jsonb_build_object('name', ubos_erasure_marker(o.payload -> 'name')) ELSE '{}'::jsonb END
  WHERE o.organization_id = tenant AND o.aggregate_id = ANY (entity_ids);

  PERFORM set_config('ubos.erasing', 'off', true);
  RETURN array_length(entity_ids, 1);
END $$;

REVOKE ALL ON FUNCTION ubos_erase_client(uuid) FROM PUBLIC;
