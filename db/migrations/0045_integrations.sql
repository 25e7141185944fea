-- Integration data, kept apart (ARCHITECTURE 3.9): QuickBooks Online.
--
-- The integrations subgraph owns every table below. No core table (clients, invoices,
-- payments…) gains an external id or a sync column: the mapping between a UBOS row and its
-- QuickBooks object lives here, keyed by the core row's composite key, and disconnecting
-- deletes these rows and nothing else.

-- One connection per tenant and provider. Audited (connecting, a refused refresh turning it
-- NEEDS_REAUTH and disconnecting matter to an admin); its tokens live in the next table, which is
-- not, so that no token ever reaches the audit trail or the history.
CREATE TABLE integration_connections (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  provider        text NOT NULL CHECK (provider IN ('QUICKBOOKS')),
  realm_id        text CHECK (length(realm_id) <= 100),
  status          text NOT NULL CHECK (status IN ('CONNECTED', 'NEEDS_REAUTH', 'DISCONNECTED')),
  connected_by    text,
  connected_at    timestamptz,
  disconnected_at timestamptz,
  disconnected_by text,
  -- Why the connection stopped, when it did.
  last_error      text CHECK (length(last_error) <= 2000),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  deleted_at      timestamptz,
  deleted_by      text,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, provider)
);
SELECT ubos_track('integration_connections', 'IntegrationConnection', 'none');

-- How the sync goes: written by the worker with every push, so kept out of the audited row above.
CREATE TABLE integration_sync_status (
  organization_id        uuid NOT NULL,
  connection_id          uuid NOT NULL,
  last_sync_at           timestamptz,
  -- The newest remote change already pulled (Change Data Capture).
  cdc_since              timestamptz,
  -- A full sync (the first one, a resync, a reconnection): asked for by this outbox event, at
  -- this time, and finished (or not yet).
  full_sync_event_id     uuid,
  full_sync_requested_at timestamptz,
  full_sync_finished_at  timestamptz,
  PRIMARY KEY (organization_id, connection_id),
  FOREIGN KEY (organization_id, connection_id) REFERENCES integration_connections (organization_id, id)
);

-- The OAuth tokens, AES-256-GCM encrypted by the application with UBOS_INTEGRATION_KEY. The
-- graph never selects this table; the worker reads and refreshes it.
CREATE TABLE integration_connection_secrets (
  organization_id    uuid NOT NULL,
  connection_id      uuid NOT NULL,
  access_token       text NOT NULL,
  refresh_token      text NOT NULL,
  access_expires_at  timestamptz NOT NULL,
  refresh_expires_at timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, connection_id),
  FOREIGN KEY (organization_id, connection_id) REFERENCES integration_connections (organization_id, id) ON DELETE CASCADE
);

-- The mappings. One row per core row that QuickBooks should know: its remote id and SyncToken,
-- what was pushed last (to tell a remote edit from our own), the state of the sync and, in
-- CONFLICT, both sides. Not audited: they change with every sync and are derived data (a resync
-- rebuilds them), and the connection's own row records who connected and disconnected.
CREATE TABLE integration_quickbooks_customers (
  organization_id     uuid NOT NULL,
  id                  uuid NOT NULL DEFAULT ubos_uuid_v7(),
  client_id           uuid NOT NULL,
  qb_customer_id      text,
  qb_sync_token       text,
  last_synced_at      timestamptz,
  last_synced_version integer,
  sync_state          text NOT NULL DEFAULT 'PENDING' CHECK (sync_state IN ('SYNCED', 'PENDING', 'CONFLICT', 'FAILED')),
  last_error          text CHECK (length(last_error) <= 2000),
  -- The oldest change not yet in QuickBooks (null when SYNCED): the sync lag is now() minus the oldest.
  pending_since       timestamptz,
  pushed              jsonb,
  conflict_ubos       jsonb,
  conflict_remote     jsonb,
  -- Set by resolveQuickBooksConflict until the worker has applied the admin's choice.
  resolve_keep        text CHECK (resolve_keep IN ('UBOS', 'QUICKBOOKS')),
  attempts            integer NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, client_id),
  UNIQUE (organization_id, qb_customer_id),
  FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id)
);

CREATE TABLE integration_quickbooks_invoices (
  organization_id     uuid NOT NULL,
  id                  uuid NOT NULL DEFAULT ubos_uuid_v7(),
  invoice_id          uuid NOT NULL,
  qb_invoice_id       text,
  qb_sync_token       text,
  last_synced_at      timestamptz,
  last_synced_version integer,
  sync_state          text NOT NULL DEFAULT 'PENDING' CHECK (sync_state IN ('SYNCED', 'PENDING', 'CONFLICT', 'FAILED')),
  last_error          text CHECK (length(last_error) <= 2000),
  pending_since       timestamptz,
  pushed              jsonb,
  conflict_ubos       jsonb,
  conflict_remote     jsonb,
  -- Set by resolveQuickBooksConflict until the worker has applied the admin's choice.
  resolve_keep        text CHECK (resolve_keep IN ('UBOS', 'QUICKBOOKS')),
  attempts            integer NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, invoice_id),
  UNIQUE (organization_id, qb_invoice_id),
  FOREIGN KEY (organization_id, invoice_id) REFERENCES invoices (organization_id, id)
);

-- A payment is either pushed (made in UBOS) or pulled (made in QuickBooks, recorded in UBOS
-- through the graph); `origin` says which, so a pulled payment is never pushed back.
CREATE TABLE integration_quickbooks_payments (
  organization_id     uuid NOT NULL,
  id                  uuid NOT NULL DEFAULT ubos_uuid_v7(),
  payment_id          uuid,
  qb_payment_id       text,
  origin              text NOT NULL DEFAULT 'UBOS' CHECK (origin IN ('UBOS', 'QUICKBOOKS')),
  qb_sync_token       text,
  last_synced_at      timestamptz,
  last_synced_version integer,
  sync_state          text NOT NULL DEFAULT 'PENDING' CHECK (sync_state IN ('SYNCED', 'PENDING', 'CONFLICT', 'FAILED')),
  last_error          text CHECK (length(last_error) <= 2000),
  pending_since       timestamptz,
  pushed              jsonb,
  conflict_ubos       jsonb,
  conflict_remote     jsonb,
  -- Set by resolveQuickBooksConflict until the worker has applied the admin's choice.
  resolve_keep        text CHECK (resolve_keep IN ('UBOS', 'QUICKBOOKS')),
  attempts            integer NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, payment_id),
  UNIQUE (organization_id, qb_payment_id),
  FOREIGN KEY (organization_id, payment_id) REFERENCES payments (organization_id, id)
);

CREATE INDEX integration_qb_customers_state_idx ON integration_quickbooks_customers (organization_id, sync_state, pending_since);
CREATE INDEX integration_qb_invoices_state_idx ON integration_quickbooks_invoices (organization_id, sync_state, pending_since);
CREATE INDEX integration_qb_payments_state_idx ON integration_quickbooks_payments (organization_id, sync_state, pending_since);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['integration_connections', 'integration_sync_status', 'integration_connection_secrets', 'integration_quickbooks_customers',
                           'integration_quickbooks_invoices', 'integration_quickbooks_payments'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = ubos_current_organization()) '
      'WITH CHECK (organization_id = ubos_current_organization())', t);
  END LOOP;
END $$;
