-- The engagements domain: the commercial relationship with a client (a retainer, a fixed fee,
-- time and materials), optionally under a contract, grouping the client's projects.

CREATE TABLE engagements (
  organization_id      uuid NOT NULL REFERENCES organizations (id),
  id                   uuid NOT NULL DEFAULT ubos_uuid_v7(),
  client_id            uuid NOT NULL,
  contract_id          uuid,
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type                 text NOT NULL CHECK (type IN ('RETAINER', 'FIXED_FEE', 'TIME_AND_MATERIALS')),
  status               text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED')),
  start_date           date,
  end_date             date,
  budget_amount_minor  bigint CHECK (budget_amount_minor >= 0),
  budget_currency      char(3) CHECK (budget_currency ~ '^[A-Z]{3}$'),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  deleted_at           timestamptz,
  deleted_by           text,
  PRIMARY KEY (organization_id, id),
  CONSTRAINT engagements_client_fk FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id),
  -- MATCH SIMPLE: no contract (NULL) is not checked; a contract must be one of the same client
  -- in the same tenant. ON UPDATE CASCADE follows a contract re-pointed to another client (a merge).
  CONSTRAINT engagements_contract_fk FOREIGN KEY (organization_id, client_id, contract_id)
    REFERENCES contracts (organization_id, client_id, id) ON UPDATE CASCADE,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CHECK ((budget_amount_minor IS NULL) = (budget_currency IS NULL))
);
CREATE INDEX engagements_org_client_idx ON engagements (organization_id, client_id, id) WHERE deleted_at IS NULL;
CREATE INDEX engagements_org_contract_idx ON engagements (organization_id, contract_id, id) WHERE contract_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX engagements_org_status_idx ON engagements (organization_id, status, id) WHERE deleted_at IS NULL;

-- The projects of an engagement. One row per (engagement, project), tracked like a main entity
-- so that every link and unlink is audited: removing a project soft-deletes the row and adding
-- it again restores it (the serving role has no DELETE).
CREATE TABLE engagement_projects (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  engagement_id   uuid NOT NULL,
  project_id      uuid NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  deleted_at      timestamptz,
  deleted_by      text,
  PRIMARY KEY (organization_id, id),
  CONSTRAINT engagement_projects_pair_key UNIQUE (organization_id, engagement_id, project_id),
  CONSTRAINT engagement_projects_engagement_fk FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id),
  CONSTRAINT engagement_projects_project_fk FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id)
);
CREATE INDEX engagement_projects_org_project_idx ON engagement_projects (organization_id, project_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['engagements', 'engagement_projects'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = ubos_current_organization()) '
      'WITH CHECK (organization_id = ubos_current_organization())', t);
  END LOOP;
END $$;

SELECT ubos_track('engagements', 'Engagement', 'client_id');
-- The link's client is its project's client.
SELECT ubos_track('engagement_projects', 'EngagementProject', 'project');
