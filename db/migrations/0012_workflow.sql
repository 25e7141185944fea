-- The workflow engine on the transactional outbox (ARCHITECTURE 3.7).
--
--   outbox ──(dispatcher: FOR UPDATE SKIP LOCKED, one pg-boss job per event, id = event id)──►
--   pg-boss queue ubos-event ──(router: inbox row (event_id, handler), matching workflows)──►
--   workflow_runs + pg-boss queue ubos-step ──(one step per job, through the gateway)──► the graph
--
-- pg-boss keeps its own tables in the schema `pgboss` (global, not per tenant); db/src/queue.ts
-- installs them. Everything below is per tenant, with Row Level Security like every tenant table.
-- The worker connects as its own role (db/src/roles.ts): it is a member of ubos_dispatcher,
-- whose only cross-tenant power is reading the outbox and marking rows dispatched. Every other
-- table is as closed to it as to the serving role: it sets the tenant of each transaction, and
-- its domain changes go through the graph.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ubos_dispatcher') THEN
    CREATE ROLE ubos_dispatcher NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
CREATE POLICY dispatcher_read ON outbox FOR SELECT TO ubos_dispatcher USING (true);
CREATE POLICY dispatcher_mark ON outbox FOR UPDATE TO ubos_dispatcher USING (true) WITH CHECK (true);

------------------------------------------------------------------------------------------
-- Idempotency keys of mutations (kernel: packages/kernel/src/graphql/idempotency.ts)
------------------------------------------------------------------------------------------
-- A repeated key returns the stored result of the first call and changes nothing. The row is
-- written in the mutation's own transaction, so a mutation that fails leaves no key behind,
-- and a concurrent duplicate waits on the first one's row, then reads its result.
CREATE TABLE idempotency_keys (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  key             text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  -- The root field and a digest of its arguments: the same key for anything else is refused.
  operation       text NOT NULL,
  request_digest  text NOT NULL,
  actor           text NOT NULL,
  result          jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, key)
);

------------------------------------------------------------------------------------------
-- Workflows: a trigger (event type + conditions on the payload) and ordered steps
------------------------------------------------------------------------------------------
CREATE TABLE workflows (
  organization_id    uuid NOT NULL REFERENCES organizations (id),
  id                 uuid NOT NULL DEFAULT ubos_uuid_v7(),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description        text,
  trigger_event_type text NOT NULL CHECK (trigger_event_type ~ '^[A-Z][A-Za-z0-9]{0,99}$'),
  -- [{ "path": "event.payload.total.amountMinor", "operator": "GREATER_THAN", "value": 0 }]
  trigger_conditions jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(trigger_conditions) = 'array'),
  -- [{ "key": "contract", "name": "…", "kind": "CREATE_CONTRACT", "input": { … } }]
  steps              jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array'),
  enabled            boolean NOT NULL DEFAULT true,
  -- Set on the workflows every organization gets (e.g. 'proposal-accepted'), so that
  -- installing them twice adds nothing.
  system_key         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  deleted_at         timestamptz,
  deleted_by         text,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, system_key)
);
CREATE INDEX workflows_org_trigger_idx ON workflows (organization_id, trigger_event_type, id) WHERE deleted_at IS NULL;
SELECT ubos_track('workflows', 'Workflow', 'none');

-- Signing secrets of webhook steps. Kept out of `steps`, so that they never reach the audit
-- trail, the history or the graph; only the worker reads them.
CREATE TABLE workflow_secrets (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  workflow_id     uuid NOT NULL,
  step_key        text NOT NULL,
  secret          text NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, workflow_id, step_key),
  FOREIGN KEY (organization_id, workflow_id) REFERENCES workflows (organization_id, id)
);

------------------------------------------------------------------------------------------
-- Runs: one per (event, workflow); the step runs are a JSONB list of the run
------------------------------------------------------------------------------------------
CREATE TABLE workflow_runs (
  organization_id   uuid NOT NULL REFERENCES organizations (id),
  id                uuid NOT NULL DEFAULT ubos_uuid_v7(),
  workflow_id       uuid NOT NULL,
  workflow_version  integer NOT NULL,
  workflow_name     text NOT NULL,
  event_id          uuid NOT NULL,
  event_type        text NOT NULL,
  event_aggregate_type text NOT NULL,
  event_aggregate_id   uuid NOT NULL,
  event_payload     jsonb NOT NULL,
  event_occurred_at timestamptz NOT NULL,
  -- The event's client (payload.clientId, or the aggregate when it is a client), for Client.workflowRuns.
  client_id         uuid,
  status            text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
  -- [{ key, name, kind, input, status, attempts, error, output, startedAt, finishedAt }]
  steps             jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array'),
  -- Grows with every retryWorkflowRun: step jobs of an older generation do nothing.
  generation        integer NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  started_at        timestamptz,
  finished_at       timestamptz,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  -- An event starts a workflow at most once, whatever the redeliveries.
  UNIQUE (organization_id, event_id, workflow_id),
  FOREIGN KEY (organization_id, workflow_id) REFERENCES workflows (organization_id, id)
);
CREATE INDEX workflow_runs_org_client_idx ON workflow_runs (organization_id, client_id, id) WHERE client_id IS NOT NULL;
CREATE INDEX workflow_runs_org_workflow_idx ON workflow_runs (organization_id, workflow_id, id);
CREATE INDEX workflow_runs_org_status_idx ON workflow_runs (organization_id, status, id);

-- The inbox: one row per (event, handler) that handled it, written in the handler's own
-- transaction. A redelivered event finds its row and has no second effect.
CREATE TABLE inbox (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  event_id        uuid NOT NULL,
  handler         text NOT NULL,
  processed_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, event_id, handler)
);

-- Events whose handler failed every attempt: an admin sees them in the graph and replays them.
CREATE TABLE event_dead_letters (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL,
  event_type      text NOT NULL,
  handler         text NOT NULL,
  attempts        integer NOT NULL,
  error           text NOT NULL,
  failed_at       timestamptz NOT NULL DEFAULT now(),
  replayed_at     timestamptz,
  replayed_by     text,
  PRIMARY KEY (organization_id, id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['idempotency_keys', 'workflows', 'workflow_secrets', 'workflow_runs', 'inbox', 'event_dead_letters'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = ubos_current_organization()) '
      'WITH CHECK (organization_id = ubos_current_organization())', t);
  END LOOP;
END $$;

------------------------------------------------------------------------------------------
-- The workflows every organization gets
------------------------------------------------------------------------------------------
-- Installs them for the transaction's tenant, adding only what is missing (a deleted or
-- disabled one stays as its owner left it). Called by this migration for every existing
-- organization, by the demo seed, and by the worker before it routes a tenant's event, so an
-- organization created any other way has them before its first event is handled.
CREATE FUNCTION ubos_install_default_workflows() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  org uuid := ubos_current_organization();
  added integer;
BEGIN
  IF org IS NULL THEN
    RAISE EXCEPTION 'no tenant set' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO workflows (organization_id, name, description, trigger_event_type, trigger_conditions, steps, enabled, system_key)
  VALUES (org, 'Proposal accepted',
    'When a client accepts a proposal: create the contract, an engagement that links it, a project for the client, and welcome the client on their thread.',
    'ProposalAccepted', '[]'::jsonb,
    jsonb_build_array(
      jsonb_build_object('key', 'contract', 'name', 'Create the contract', 'kind', 'CREATE_CONTRACT',
        'input', jsonb_build_object('proposalId', '{{event.payload.proposalId}}')),
      jsonb_build_object('key', 'engagement', 'name', 'Create the engagement', 'kind', 'CREATE_ENGAGEMENT',
        'input', jsonb_build_object('clientId', '{{event.payload.clientId}}', 'contractId', '{{steps.contract.id}}',
                                    'name', '{{event.payload.title}}', 'type', 'FIXED_FEE')),
      jsonb_build_object('key', 'project', 'name', 'Create the project', 'kind', 'CREATE_PROJECT',
        'input', jsonb_build_object('clientId', '{{event.payload.clientId}}', 'name', '{{event.payload.title}}',
                                    'milestones', jsonb_build_array(jsonb_build_object('name', 'Kick-off')),
                                    'tasks', jsonb_build_array(jsonb_build_object('title', 'Hold the kick-off meeting', 'milestone', 'Kick-off')))),
      jsonb_build_object('key', 'welcome', 'name', 'Welcome the client', 'kind', 'POST_MESSAGE',
        'input', jsonb_build_object('clientId', '{{event.payload.clientId}}', 'body', 'Welcome aboard'))
    ),
    true, 'proposal-accepted')
  ON CONFLICT (organization_id, system_key) DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END $$;
REVOKE ALL ON FUNCTION ubos_install_default_workflows() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ubos_install_default_workflows() TO ubos_dispatcher;

DO $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT id FROM organizations ORDER BY id LOOP
    PERFORM set_config('app.organization_id', org::text, true);
    PERFORM ubos_install_default_workflows();
  END LOOP;
  PERFORM set_config('app.organization_id', '', true);
END $$;
