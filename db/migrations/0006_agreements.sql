-- The agreements domain: proposals (priced line items, sent, accepted, declined or expired) and
-- contracts (made from an accepted proposal, or on their own). Both are main entities: tenant
-- keys, Row Level Security, versions, soft deletes, audit and history through ubos_track.

CREATE TABLE proposals (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  client_id       uuid NOT NULL,
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  notes           text CHECK (length(notes) <= 10000),
  -- EXPIRED is never stored: a SENT proposal whose valid_until has passed reads as EXPIRED.
  status          text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SENT', 'ACCEPTED', 'DECLINED')),
  currency        char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- The priced lines (kernel priceLineItems), versioned and audited with the proposal.
  line_items      jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(line_items) = 'array'),
  subtotal_minor  bigint NOT NULL DEFAULT 0 CHECK (subtotal_minor >= 0),
  tax_minor       bigint NOT NULL DEFAULT 0 CHECK (tax_minor >= 0),
  total_minor     bigint NOT NULL DEFAULT 0 CHECK (total_minor = subtotal_minor + tax_minor),
  valid_until     date,
  sent_at         timestamptz,
  accepted_at     timestamptz,
  declined_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  deleted_at      timestamptz,
  deleted_by      text,
  PRIMARY KEY (organization_id, id),
  CONSTRAINT proposals_client_fk FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id)
);
-- The hot lists: a client's proposals and the organization's, by status, each by id (creation order).
CREATE INDEX proposals_org_client_idx ON proposals (organization_id, client_id, id) WHERE deleted_at IS NULL;
CREATE INDEX proposals_org_status_idx ON proposals (organization_id, status, id) WHERE deleted_at IS NULL;

CREATE TABLE contracts (
  organization_id      uuid NOT NULL REFERENCES organizations (id),
  id                   uuid NOT NULL DEFAULT ubos_uuid_v7(),
  client_id            uuid NOT NULL,
  -- Set when the contract was made from an accepted proposal; at most one contract per proposal.
  proposal_id          uuid,
  title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  notes                text CHECK (length(notes) <= 10000),
  status               text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SIGNED', 'COMPLETED', 'TERMINATED')),
  value_amount_minor   bigint NOT NULL CHECK (value_amount_minor >= 0),
  value_currency       char(3) NOT NULL CHECK (value_currency ~ '^[A-Z]{3}$'),
  start_date           date,
  end_date             date,
  signed_at            timestamptz,
  signed_by            text CHECK (length(signed_by) BETWEEN 1 AND 200),
  completed_at         timestamptz,
  terminated_at        timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  deleted_at           timestamptz,
  deleted_by           text,
  PRIMARY KEY (organization_id, id),
  CONSTRAINT contracts_proposal_key UNIQUE (organization_id, proposal_id),
  -- Lets engagements require a contract of their own client (see 0007).
  CONSTRAINT contracts_client_key UNIQUE (organization_id, client_id, id),
  CONSTRAINT contracts_client_fk FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id),
  CONSTRAINT contracts_proposal_fk FOREIGN KEY (organization_id, proposal_id) REFERENCES proposals (organization_id, id),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CHECK (status = 'DRAFT' OR status = 'TERMINATED' OR signed_at IS NOT NULL)
);
CREATE INDEX contracts_org_client_idx ON contracts (organization_id, client_id, id) WHERE deleted_at IS NULL;
CREATE INDEX contracts_org_status_idx ON contracts (organization_id, status, id) WHERE deleted_at IS NULL;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['proposals', 'contracts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = ubos_current_organization()) '
      'WITH CHECK (organization_id = ubos_current_organization())', t);
  END LOOP;
END $$;

SELECT ubos_track('proposals', 'Proposal', 'client_id');
SELECT ubos_track('contracts', 'Contract', 'client_id');
