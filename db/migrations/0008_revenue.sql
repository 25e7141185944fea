-- The revenue domain: invoices to clients (priced line items, gapless numbers, payments) and
-- bills from vendors (what the firm owes, and the payments it made). Invoices, payments,
-- vendors, bills and bill payments are main entities: tenant keys, Row Level Security,
-- versions, audit and history through ubos_track. Line items are a JSONB column of their
-- invoice or bill, so they are versioned and audited with it.

------------------------------------------------------------------------------------------
-- Invoice numbers: sequential and gapless per tenant
------------------------------------------------------------------------------------------
-- One counter row per tenant. The insert of an invoice takes the next number from it with an
-- UPDATE … RETURNING (a trigger, below), so the row stays locked until the creating
-- transaction ends: concurrent creates of a tenant queue for it (other tenants do not), and a
-- rollback gives the number back. A sequence would leave gaps.
CREATE TABLE invoice_counters (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  last_number     integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (organization_id)
);

CREATE TABLE invoices (
  organization_id   uuid NOT NULL REFERENCES organizations (id),
  id                uuid NOT NULL DEFAULT ubos_uuid_v7(),
  -- Assigned by the trigger below on insert, whatever the writer put there; never changes.
  number            integer NOT NULL CHECK (number > 0),
  client_id         uuid NOT NULL,
  -- The engagement billed, if any (the engagements subgraph's, migration 0007).
  engagement_id     uuid,
  currency          text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- The priced lines (kernel priceLineItems), versioned and audited with the invoice.
  line_items        jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(line_items) = 'array'),
  subtotal_minor    bigint NOT NULL DEFAULT 0 CHECK (subtotal_minor >= 0),
  tax_minor         bigint NOT NULL DEFAULT 0 CHECK (tax_minor >= 0),
  total_minor       bigint NOT NULL DEFAULT 0 CHECK (total_minor = subtotal_minor + tax_minor),
  -- The sum of the payments, kept in the transaction that inserts each payment (the invoice
  -- row locked), so that concurrent payments cannot overpay.
  amount_paid_minor bigint NOT NULL DEFAULT 0 CHECK (amount_paid_minor >= 0 AND amount_paid_minor <= total_minor),
  issue_date        date,
  due_date          date,
  sent_at           timestamptz,
  voided_at         timestamptz,
  notes             text CHECK (length(notes) <= 10000),
  custom_fields     jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  deleted_at        timestamptz,
  deleted_by        text,
  PRIMARY KEY (organization_id, id),
  CONSTRAINT invoices_number_key UNIQUE (organization_id, number),
  -- Lets payments require the client of their own invoice.
  CONSTRAINT invoices_client_key UNIQUE (organization_id, id, client_id),
  CONSTRAINT invoices_client_fk FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id),
  -- MATCH SIMPLE: an invoice without an engagement (NULL) is not checked.
  CONSTRAINT invoices_engagement_fk FOREIGN KEY (organization_id, engagement_id) REFERENCES engagements (organization_id, id),
  CHECK (due_date IS NULL OR issue_date IS NULL OR due_date >= issue_date),
  -- An invoice with payments cannot be voided, and only drafts are deleted.
  CHECK (voided_at IS NULL OR amount_paid_minor = 0),
  CHECK (deleted_at IS NULL OR (sent_at IS NULL AND voided_at IS NULL))
);
-- The hot lists: a client's invoices and the organization's, by number.
CREATE INDEX invoices_org_client_idx ON invoices (organization_id, client_id, number, id);

CREATE FUNCTION revenue_assign_invoice_number() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO invoice_counters AS c (organization_id, last_number) VALUES (NEW.organization_id, 1)
    ON CONFLICT (organization_id) DO UPDATE SET last_number = c.last_number + 1
    RETURNING c.last_number INTO NEW.number;
  ELSIF NEW.number IS DISTINCT FROM OLD.number THEN
    RAISE EXCEPTION 'an invoice keeps its number' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

-- Named to run before bump_version (BEFORE triggers fire in name order).
CREATE TRIGGER assign_number BEFORE INSERT OR UPDATE OF number ON invoices
  FOR EACH ROW EXECUTE FUNCTION revenue_assign_invoice_number();

-- Payments are facts: inserted, never changed or deleted. The one exception is a payment
-- following its invoice to another client (a merge of duplicate clients re-points both).
CREATE FUNCTION revenue_payment_is_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - ARRAY['client_id', 'version']) = (to_jsonb(OLD) - ARRAY['client_id', 'version']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% rows are never changed: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TABLE payments (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  invoice_id      uuid NOT NULL,
  -- The invoice's client (enforced by the foreign key), so that the payment is on the client's timeline.
  client_id       uuid NOT NULL,
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  paid_at         timestamptz NOT NULL DEFAULT now(),
  method          text CHECK (length(method) <= 100),
  reference       text CHECK (length(reference) <= 200),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  CONSTRAINT payments_invoice_fk FOREIGN KEY (organization_id, invoice_id, client_id)
    REFERENCES invoices (organization_id, id, client_id) ON UPDATE CASCADE
);
CREATE INDEX payments_org_invoice_idx ON payments (organization_id, invoice_id, paid_at, id);

CREATE TRIGGER immutable BEFORE UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION revenue_payment_is_immutable();

------------------------------------------------------------------------------------------
-- Vendors and bills: what the firm owes
------------------------------------------------------------------------------------------
CREATE TABLE vendors (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email           text CHECK (length(email) <= 320),
  phone           text CHECK (length(phone) <= 50),
  notes           text CHECK (length(notes) <= 10000),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  deleted_at      timestamptz,
  deleted_by      text,
  PRIMARY KEY (organization_id, id)
);
CREATE INDEX vendors_org_name_idx ON vendors (organization_id, name, id);

CREATE TABLE bills (
  organization_id   uuid NOT NULL REFERENCES organizations (id),
  id                uuid NOT NULL DEFAULT ubos_uuid_v7(),
  vendor_id         uuid NOT NULL,
  reference         text CHECK (length(reference) <= 200),
  status            text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'APPROVED', 'PAID', 'VOID')),
  currency          text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  line_items        jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(line_items) = 'array'),
  subtotal_minor    bigint NOT NULL DEFAULT 0 CHECK (subtotal_minor >= 0),
  tax_minor         bigint NOT NULL DEFAULT 0 CHECK (tax_minor >= 0),
  total_minor       bigint NOT NULL DEFAULT 0 CHECK (total_minor = subtotal_minor + tax_minor),
  amount_paid_minor bigint NOT NULL DEFAULT 0 CHECK (amount_paid_minor >= 0 AND amount_paid_minor <= total_minor),
  issue_date        date,
  due_date          date,
  approved_at       timestamptz,
  paid_at           timestamptz,
  voided_at         timestamptz,
  notes             text CHECK (length(notes) <= 10000),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1,
  deleted_at        timestamptz,
  deleted_by        text,
  PRIMARY KEY (organization_id, id),
  CONSTRAINT bills_vendor_fk FOREIGN KEY (organization_id, vendor_id) REFERENCES vendors (organization_id, id),
  CHECK (due_date IS NULL OR issue_date IS NULL OR due_date >= issue_date),
  -- Payments are made on approved bills only; the one that settles the bill makes it PAID.
  CHECK (amount_paid_minor = 0 OR status IN ('APPROVED', 'PAID')),
  CHECK (status <> 'PAID' OR amount_paid_minor = total_minor)
);
CREATE INDEX bills_org_vendor_idx ON bills (organization_id, vendor_id, id);
CREATE INDEX bills_org_status_idx ON bills (organization_id, status, id);

CREATE TABLE bill_payments (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  bill_id         uuid NOT NULL,
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  paid_at         timestamptz NOT NULL DEFAULT now(),
  reference       text CHECK (length(reference) <= 200),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  CONSTRAINT bill_payments_bill_fk FOREIGN KEY (organization_id, bill_id) REFERENCES bills (organization_id, id)
);
CREATE INDEX bill_payments_org_bill_idx ON bill_payments (organization_id, bill_id, paid_at, id);

CREATE TRIGGER immutable BEFORE UPDATE OR DELETE ON bill_payments
  FOR EACH ROW EXECUTE FUNCTION revenue_payment_is_immutable();

------------------------------------------------------------------------------------------
-- Row Level Security, and the write path (versions, audit, history)
------------------------------------------------------------------------------------------
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['invoice_counters', 'invoices', 'payments', 'vendors', 'bills', 'bill_payments'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = ubos_current_organization()) '
      'WITH CHECK (organization_id = ubos_current_organization())', t);
  END LOOP;
END $$;

SELECT ubos_track('invoices', 'Invoice', 'client_id');
SELECT ubos_track('payments', 'Payment', 'client_id');
SELECT ubos_track('vendors', 'Vendor', 'none');
SELECT ubos_track('bills', 'Bill', 'none');
SELECT ubos_track('bill_payments', 'BillPayment', 'none');
