-- Per-tenant schema versions (ARCHITECTURE 3.8). organizations.schema_version exists since
-- 0001; this adds what a tenant's data migration needs: its runs (state, progress, the cursor of
-- the last committed batch) and the first versioned shape, a client's address.

-- Version 1 keeps a client's address as free text; version 2 keeps it structured, with an
-- ISO 3166-1 alpha-2 country. A row holds one or the other: the tenant migration to version 2
-- moves full_address into address and clears full_address, in batches, so a row that still has
-- full_address set is exactly a row the migration has not reached yet.
ALTER TABLE clients ADD COLUMN full_address text CHECK (length(full_address) <= 1000);
ALTER TABLE clients ADD COLUMN address jsonb CHECK (address IS NULL OR jsonb_typeof(address) = 'object');
ALTER TABLE clients ADD CONSTRAINT clients_one_address_shape CHECK (full_address IS NULL OR address IS NULL);
-- The migration walks the rows still on the old shape in id order.
CREATE INDEX clients_org_full_address_idx ON clients (organization_id, id) WHERE full_address IS NOT NULL;

-- One row per run of a tenant's data migration. The newest run is the tenant's migration state;
-- earlier ones are its history (and the duration of the last one is a data quality metric).
CREATE TABLE tenant_migration_runs (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  from_version    integer NOT NULL,
  target_version  integer NOT NULL CHECK (target_version > from_version),
  -- The version whose step is being applied; the cursor belongs to it.
  step_version    integer NOT NULL,
  status          text NOT NULL CHECK (status IN ('RUNNING', 'FAILED', 'SUCCEEDED')),
  -- The key of the last row of the last committed batch of step_version; null before the first.
  cursor          text,
  rows_total      integer NOT NULL DEFAULT 0,
  rows_done       integer NOT NULL DEFAULT 0,
  batches         integer NOT NULL DEFAULT 0,
  error           text,
  started_by      text NOT NULL,
  started_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id)
);
-- At most one unfinished run per tenant: a failed run is resumed, not started again.
CREATE UNIQUE INDEX tenant_migration_runs_one_open ON tenant_migration_runs (organization_id) WHERE status <> 'SUCCEEDED';

ALTER TABLE tenant_migration_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_migration_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_migration_runs USING (organization_id = ubos_current_organization())
  WITH CHECK (organization_id = ubos_current_organization());
