-- The write path of every tenant row, enforced by the database so that no write path (the ORM,
-- raw SQL, a bulk update) can skip it: versions, soft deletes, the append-only audit trail with
-- its hash chain, the temporal history, and the outbox.
--
-- A table opts in with ubos_track(table, entity type, how to find the row's client). Entities
-- added later call it in their own migration and get all of this with no code in a subgraph.

------------------------------------------------------------------------------------------
-- Versions and soft deletes on the main entities
------------------------------------------------------------------------------------------
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['memberships', 'clients', 'contacts', 'deals', 'projects', 'milestones', 'tasks'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN version integer NOT NULL DEFAULT 1, '
                   'ADD COLUMN deleted_at timestamptz, ADD COLUMN deleted_by text', t);
  END LOOP;
END $$;

-- Lists skip deleted rows; keep the hot list indexes to live rows.
CREATE INDEX clients_org_name_live_idx ON clients (organization_id, name, id) WHERE deleted_at IS NULL;
CREATE INDEX projects_org_client_live_idx ON projects (organization_id, client_id, id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_org_project_live_idx ON tasks (organization_id, project_id, id) WHERE deleted_at IS NULL;

-- Columns that are bookkeeping, not content: they never make a version or an event on their own.
CREATE FUNCTION ubos_untracked_columns() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$ SELECT ARRAY['organization_id', 'id', 'version', 'updated_at', 'created_at'] $$;

-- Columns that never leave their table, not even into the audit trail or the history (the
-- serving role can read both): the hash of an API key's secret.
CREATE FUNCTION ubos_secret_columns() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$ SELECT ARRAY['secret_hash'] $$;

-- The trigger, not the ORM, owns `version`: it starts at 1 and grows by one with every change
-- of the row's content. Whatever a writer puts there is overwritten.
CREATE FUNCTION ubos_bump_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.version := 1;
  ELSIF (to_jsonb(NEW) - ubos_untracked_columns()) IS DISTINCT FROM (to_jsonb(OLD) - ubos_untracked_columns()) THEN
    NEW.version := OLD.version + 1;
  ELSE
    -- Nothing but bookkeeping changed: keep the row exactly as it was, so that it still
    -- equals its last history version (and no event is due).
    NEW.version := OLD.version;
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END $$;

------------------------------------------------------------------------------------------
-- Audit trail
------------------------------------------------------------------------------------------
CREATE SEQUENCE activity_events_insert_order;

CREATE TABLE activity_events (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  -- Insertion order, so that sealing follows the order of the changes.
  insert_order    bigint NOT NULL DEFAULT nextval('activity_events_insert_order'),
  -- Position in the tenant's hash chain, assigned when the transaction commits (see below).
  seq             bigint,
  occurred_at     timestamptz NOT NULL DEFAULT now(),
  actor           text NOT NULL,
  entity_type     text NOT NULL,
  entity_id       uuid NOT NULL,
  client_id       uuid,
  action          text NOT NULL CHECK (action IN ('created', 'updated', 'deleted', 'restored', 'purged', 'erased')),
  -- { field: { from, to } }; the full row (from null) for `created`.
  changes         jsonb NOT NULL,
  ip_address      text,
  user_agent      text,
  request_id      text,
  prev_hash       text,
  hash            text,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, seq)
);
CREATE INDEX activity_events_org_time_idx ON activity_events (organization_id, occurred_at DESC, id DESC);
CREATE INDEX activity_events_org_entity_idx ON activity_events (organization_id, entity_id, occurred_at DESC);
CREATE INDEX activity_events_unsealed_idx ON activity_events (organization_id, insert_order) WHERE hash IS NULL;
CREATE INDEX activity_events_org_client_idx ON activity_events (organization_id, client_id, seq DESC) WHERE client_id IS NOT NULL;

-- The head of each tenant's chain. Only the sealing trigger touches it.
CREATE TABLE audit_chain_heads (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id),
  seq             bigint NOT NULL,
  hash            text NOT NULL
);

-- The chain hashes a digest of each value, never the value itself: erasure can then replace a
-- personal value by a marker that carries the same digest, and the chain still verifies.
CREATE FUNCTION ubos_value_digest(value jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN jsonb_typeof(value) = 'object' AND value ? 'ubos_redacted' THEN value ->> 'digest'
    ELSE encode(sha256(convert_to(coalesce(value, 'null'::jsonb)::text, 'UTF8')), 'hex')
  END
$$;

CREATE FUNCTION ubos_redact(value jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN value IS NULL OR value = 'null'::jsonb THEN value
    WHEN jsonb_typeof(value) = 'object' AND value ? 'ubos_redacted' THEN value
    ELSE jsonb_build_object('ubos_redacted', true, 'digest', ubos_value_digest(value))
  END
$$;

CREATE FUNCTION ubos_changes_digest(changes jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(string_agg(
    key || ':' || ubos_value_digest(value -> 'from') || '>' || ubos_value_digest(value -> 'to'), ',' ORDER BY key), ''), 'UTF8')), 'hex')
  FROM jsonb_each(changes)
$$;

-- The hashed text is a JSON array of the fields: unambiguous (no separator a field could
-- contain) and distinguishing NULL from ''.
CREATE FUNCTION ubos_event_hash(prev_hash text, e activity_events) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    coalesce(prev_hash, ''), e.seq, e.organization_id, e.id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    e.actor, e.entity_type, e.entity_id, e.client_id, e.action, ubos_changes_digest(e.changes),
    e.ip_address, e.user_agent, e.request_id)::text, 'UTF8')), 'hex')
$$;

-- Sealing: events get their seq and hash when the transaction commits (a deferred trigger),
-- under a lock on the tenant's chain head that lasts only from then to the commit. Assigning
-- them at insert time would hold that lock, and so serialise every write of the tenant, for
-- the whole transaction. The first deferred trigger of a transaction seals all of its events
-- in insertion order and notes how far it sealed, so the other triggers of the transaction
-- return at once (checking each event instead made sealing quadratic). Unsealed events of a
-- tenant can only be this transaction's own: every committed event is sealed.
CREATE FUNCTION ubos_seal_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  event activity_events;
  sealed_upto bigint := NEW.insert_order;
BEGIN
  IF NEW.insert_order <= coalesce(nullif(current_setting('ubos.sealed_upto', true), '')::bigint, 0) THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_chain_heads (organization_id, seq, hash) VALUES (NEW.organization_id, 0, '')
  ON CONFLICT (organization_id) DO NOTHING;
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_heads WHERE organization_id = NEW.organization_id FOR UPDATE;
  PERFORM set_config('ubos.sealing', 'on', true);
  FOR event IN SELECT * FROM activity_events WHERE organization_id = NEW.organization_id AND hash IS NULL ORDER BY insert_order LOOP
    event.seq := head_seq + 1;
    event.prev_hash := head_hash;
    event.hash := ubos_event_hash(head_hash, event);
    UPDATE activity_events SET seq = event.seq, prev_hash = event.prev_hash, hash = event.hash
    WHERE organization_id = event.organization_id AND id = event.id;
    head_seq := event.seq;
    head_hash := event.hash;
    sealed_upto := greatest(sealed_upto, event.insert_order);
  END LOOP;
  PERFORM set_config('ubos.sealing', 'off', true);
  PERFORM set_config('ubos.sealed_upto', sealed_upto::text, true);
  UPDATE audit_chain_heads SET seq = head_seq, hash = head_hash WHERE organization_id = NEW.organization_id;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER seal_at_commit AFTER INSERT ON activity_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ubos_seal_event();

-- Append-only, enforced here even for the table owner. The two exceptions are narrow: sealing
-- an unsealed event (seq and hashes only), and erasure replacing values by markers with the
-- same digests, which the chain does not notice by design.
CREATE FUNCTION ubos_audit_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF current_setting('ubos.sealing', true) = 'on' AND OLD.hash IS NULL
       AND (to_jsonb(NEW) - ARRAY['seq', 'prev_hash', 'hash']) = (to_jsonb(OLD) - ARRAY['seq', 'prev_hash', 'hash']) THEN
      RETURN NEW;
    END IF;
    IF current_setting('ubos.erasing', true) = 'on'
       AND (to_jsonb(NEW) - 'changes') = (to_jsonb(OLD) - 'changes')
       AND ubos_changes_digest(NEW.changes) = ubos_changes_digest(OLD.changes) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'activity_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON activity_events
  FOR EACH ROW EXECUTE FUNCTION ubos_audit_is_append_only();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON activity_events
  FOR EACH STATEMENT EXECUTE FUNCTION ubos_audit_is_append_only();
REVOKE TRUNCATE ON activity_events FROM PUBLIC;

------------------------------------------------------------------------------------------
-- Temporal history: every version of every main entity, [valid_from, valid_to)
------------------------------------------------------------------------------------------
CREATE TABLE entity_history (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  entity_type     text NOT NULL,
  entity_id       uuid NOT NULL,
  version         integer NOT NULL,
  valid_from      timestamptz NOT NULL,
  valid_to        timestamptz,
  actor           text NOT NULL,
  client_id       uuid,
  data            jsonb NOT NULL,
  PRIMARY KEY (organization_id, entity_type, entity_id, version),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX entity_history_as_of_idx ON entity_history (organization_id, entity_type, entity_id, valid_from DESC);
CREATE INDEX entity_history_client_idx ON entity_history (organization_id, entity_type, client_id, valid_from) WHERE client_id IS NOT NULL;

------------------------------------------------------------------------------------------
-- The row trigger: one audit event and one history version per changed row
------------------------------------------------------------------------------------------
-- Written SECURITY DEFINER so that the serving role needs only SELECT on activity_events and
-- entity_history. It reads the actor and the request from the transaction-local settings
-- that every fetch sets. While ubos.erasing is on (see ubos_erase_client in 0003), a change
-- is recorded as `erased`, with the old values as digests only; anyone may turn the setting
-- on, but it only makes the audit less detailed, never absent: every changed row still
-- writes its event.
CREATE FUNCTION ubos_track_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_entity_type text := TG_ARGV[0];
  v_client_source text := TG_ARGV[1];
  old_row jsonb;
  new_row jsonb;
  row_data jsonb;
  v_changes jsonb;
  v_action text;
  v_client uuid;
  v_actor text := coalesce(nullif(current_setting('app.actor', true), ''), 'system');
  v_at timestamptz;
  erasing boolean := coalesce(current_setting('ubos.erasing', true), '') = 'on';
BEGIN
  IF TG_OP = 'DELETE' THEN
    old_row := to_jsonb(OLD) - ubos_secret_columns();
    row_data := old_row;
    v_action := 'purged';
    SELECT coalesce(jsonb_object_agg(key, jsonb_build_object('from', value, 'to', NULL)), '{}'::jsonb) INTO v_changes
    FROM jsonb_each(old_row) WHERE key <> ALL (ubos_untracked_columns());
  ELSE
    new_row := to_jsonb(NEW) - ubos_secret_columns();
    row_data := new_row;
    IF TG_OP = 'INSERT' THEN
      v_action := 'created';
      SELECT coalesce(jsonb_object_agg(key, jsonb_build_object('from', NULL, 'to', value)), '{}'::jsonb) INTO v_changes
      FROM jsonb_each(new_row) WHERE key <> ALL (ubos_untracked_columns());
    ELSE
      old_row := to_jsonb(OLD) - ubos_secret_columns();
      SELECT coalesce(jsonb_object_agg(n.key, jsonb_build_object(
               'from', CASE WHEN erasing THEN ubos_redact(o.value) ELSE o.value END, 'to', n.value)), '{}'::jsonb) INTO v_changes
      FROM jsonb_each(new_row) n JOIN jsonb_each(old_row) o USING (key)
      WHERE n.key <> ALL (ubos_untracked_columns()) AND n.value IS DISTINCT FROM o.value;
      IF v_changes = '{}'::jsonb THEN
        RETURN NULL;
      END IF;
      v_action := CASE
        WHEN erasing THEN 'erased'
        WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'deleted'
        WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restored'
        ELSE 'updated'
      END;
    END IF;
  END IF;

  SELECT greatest(clock_timestamp(), max(h.valid_from)) INTO v_at FROM entity_history h
  WHERE h.organization_id = (row_data ->> 'organization_id')::uuid AND h.entity_type = v_entity_type
    AND h.entity_id = (row_data ->> 'id')::uuid AND h.valid_to IS NULL;

  v_client := CASE v_client_source
    WHEN 'self' THEN (row_data ->> 'id')::uuid
    WHEN 'client_id' THEN (row_data ->> 'client_id')::uuid
    WHEN 'project' THEN (SELECT p.client_id FROM projects p WHERE p.organization_id = (row_data ->> 'organization_id')::uuid AND p.id = (row_data ->> 'project_id')::uuid)
    ELSE NULL
  END;

  INSERT INTO activity_events (organization_id, actor, entity_type, entity_id, client_id, action, changes, ip_address, user_agent, request_id, occurred_at)
  VALUES ((row_data ->> 'organization_id')::uuid, v_actor, v_entity_type, (row_data ->> 'id')::uuid, v_client, v_action, v_changes,
          nullif(current_setting('app.ip', true), ''), nullif(current_setting('app.user_agent', true), ''),
          nullif(current_setting('app.request_id', true), ''), v_at);

  UPDATE entity_history h SET valid_to = v_at
  WHERE h.organization_id = (row_data ->> 'organization_id')::uuid AND h.entity_type = v_entity_type
    AND h.entity_id = (row_data ->> 'id')::uuid AND h.valid_to IS NULL;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO entity_history (organization_id, entity_type, entity_id, version, valid_from, actor, client_id, data)
    VALUES (NEW.organization_id, v_entity_type, NEW.id, NEW.version, v_at, v_actor, v_client, new_row);
  END IF;
  RETURN NULL;
END $$;

-- Opts a table into versions, audit and history.
CREATE FUNCTION ubos_track(tbl regclass, entity_type text, client_source text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER bump_version BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION ubos_bump_version()', tbl);
  EXECUTE format('CREATE TRIGGER track_change AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION ubos_track_change(%L, %L)',
                 tbl, entity_type, client_source);
END $$;

SELECT ubos_track('memberships', 'Membership', 'none');
SELECT ubos_track('clients', 'Client', 'self');
SELECT ubos_track('contacts', 'Contact', 'client_id');
SELECT ubos_track('deals', 'Deal', 'client_id');
SELECT ubos_track('projects', 'Project', 'client_id');
SELECT ubos_track('milestones', 'Milestone', 'project');
SELECT ubos_track('tasks', 'Task', 'project');

-- The chain, checked link by link, then against the head the sealing trigger keeps (which
-- catches a cut-off tail). An unsealed event can only have been written with the triggers
-- off, so it counts as a break. Runs as the owner to read the head, for the caller's own
-- tenant only. Reports the first event that does not hold.
CREATE FUNCTION ubos_verify_audit_chain(p_organization_id uuid)
RETURNS TABLE (ok boolean, events_checked bigint, first_broken_event_id uuid, head_seq bigint, head_hash text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  e activity_events;
  previous text := '';
  expected_seq bigint := 1;
  head audit_chain_heads;
BEGIN
  IF p_organization_id IS DISTINCT FROM ubos_current_organization() THEN
    RAISE EXCEPTION 'a chain can only be verified by its own tenant' USING ERRCODE = 'insufficient_privilege';
  END IF;
  events_checked := 0;
  head_seq := 0;
  head_hash := '';
  SELECT * INTO e FROM activity_events WHERE organization_id = p_organization_id AND (seq IS NULL OR hash IS NULL) ORDER BY insert_order LIMIT 1;
  IF FOUND THEN
    ok := false;
    first_broken_event_id := e.id;
    RETURN NEXT;
    RETURN;
  END IF;
  FOR e IN SELECT * FROM activity_events WHERE organization_id = p_organization_id ORDER BY seq LOOP
    IF e.seq IS DISTINCT FROM expected_seq OR e.prev_hash IS DISTINCT FROM previous OR e.hash IS DISTINCT FROM ubos_event_hash(previous, e) THEN
      ok := false;
      first_broken_event_id := e.id;
      RETURN NEXT;
      RETURN;
    END IF;
    previous := e.hash;
    expected_seq := expected_seq + 1;
    events_checked := events_checked + 1;
    head_seq := e.seq;
    head_hash := e.hash;
  END LOOP;
  SELECT * INTO head FROM audit_chain_heads WHERE organization_id = p_organization_id;
  ok := coalesce(head.seq, 0) = head_seq AND coalesce(head.hash, '') = head_hash;
  RETURN NEXT;
END $$;

------------------------------------------------------------------------------------------
-- Outbox: domain events written in the same transaction as the change they announce
------------------------------------------------------------------------------------------
CREATE TABLE outbox (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  event_type      text NOT NULL,
  aggregate_type  text NOT NULL,
  aggregate_id    uuid NOT NULL,
  payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor           text NOT NULL,
  request_id      text,
  occurred_at     timestamptz NOT NULL DEFAULT now(),
  dispatched_at   timestamptz,
  PRIMARY KEY (organization_id, id)
);
CREATE INDEX outbox_pending_idx ON outbox (occurred_at, organization_id, id) WHERE dispatched_at IS NULL;

------------------------------------------------------------------------------------------
-- Row Level Security on the new tenant tables
------------------------------------------------------------------------------------------
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['activity_events', 'entity_history', 'outbox', 'audit_chain_heads'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = ubos_current_organization()) '
      'WITH CHECK (organization_id = ubos_current_organization())', t);
  END LOOP;
END $$;
