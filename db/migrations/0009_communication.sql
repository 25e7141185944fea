-- Communication: threads of messages about a client (and optionally one of its projects).
-- A client's "main" thread (at most one live one) is where postMessage(clientId) writes, so a
-- workflow can say "post on the client's thread" without knowing a thread id.
CREATE TABLE threads (
  organization_id  uuid NOT NULL REFERENCES organizations (id),
  id               uuid NOT NULL DEFAULT ubos_uuid_v7(),
  client_id        uuid NOT NULL,
  project_id       uuid,
  subject          text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  is_main          boolean NOT NULL DEFAULT false,
  created_by       text NOT NULL,
  -- Bumped by every message posted; last_activity_at (creation until the first message) orders
  -- lists. Millisecond precision, like the JavaScript dates that write it, so a cursor holding
  -- it finds the row again exactly.
  last_message_at  timestamptz,
  last_activity_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1,
  deleted_at       timestamptz,
  deleted_by       text,
  PRIMARY KEY (organization_id, id),
  -- Lets a message's foreign key carry its thread's client (messages.client_id).
  UNIQUE (organization_id, id, client_id),
  FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id),
  -- MATCH SIMPLE: a thread without a project is not checked.
  FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id),
  -- Deleting the main thread gives up the role; the next postMessage(clientId) opens a new one.
  CHECK (NOT is_main OR deleted_at IS NULL)
);
CREATE UNIQUE INDEX threads_main_key ON threads (organization_id, client_id) WHERE is_main;
-- Hot lists: a client's threads and the organization's, most recent activity first.
CREATE INDEX threads_org_client_activity_idx ON threads (organization_id, client_id, last_activity_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX threads_org_activity_idx ON threads (organization_id, last_activity_at DESC, id DESC);
CREATE INDEX threads_org_project_idx ON threads (organization_id, project_id) WHERE project_id IS NOT NULL;

CREATE TABLE messages (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  thread_id       uuid NOT NULL,
  -- The thread's client, kept here so the audit trail files each message under the client.
  client_id       uuid NOT NULL,
  body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  -- The actor that posted it (user:<id>, apikey:<id>, workflow:<run id>, system), never input.
  author          text NOT NULL,
  edited_at       timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  deleted_at      timestamptz,
  deleted_by      text,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, thread_id, client_id) REFERENCES threads (organization_id, id, client_id)
);
-- A thread's messages, newest first.
CREATE INDEX messages_org_thread_idx ON messages (organization_id, thread_id, id DESC) WHERE deleted_at IS NULL;

ALTER TABLE threads ENABLE ROW LEVEL SECURITY;
ALTER TABLE threads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON threads USING (organization_id = ubos_current_organization())
  WITH CHECK (organization_id = ubos_current_organization());
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON messages USING (organization_id = ubos_current_organization())
  WITH CHECK (organization_id = ubos_current_organization());

SELECT ubos_track('threads', 'Thread', 'client_id');
SELECT ubos_track('messages', 'Message', 'client_id');
