-- Custom fields (ARCHITECTURE 3.5). Each tenant defines its fields per entity type; values live
-- in the entity's custom_fields JSONB, so they are versioned and audited with the row.
--
-- Equality and membership filters use a GIN index on the JSONB (@>). Range filters on numbers
-- and dates cannot use it, so a trigger keeps those values typed in custom_field_values, with
-- btree indexes per (tenant, entity type, key, value).

CREATE TABLE custom_field_definitions (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  entity_type     text NOT NULL CHECK (entity_type IN ('CLIENT', 'CONTACT', 'DEAL', 'PROJECT', 'INVOICE')),
  key             text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  label           text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  type            text NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'SELECT', 'MULTI_SELECT')),
  required        boolean NOT NULL DEFAULT false,
  options         jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(options) = 'array'),
  position        integer NOT NULL DEFAULT 0,
  archived_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  deleted_at      timestamptz,
  deleted_by      text,
  PRIMARY KEY (organization_id, id),
  -- An archived field keeps its key: old versions and audit events still name it.
  UNIQUE (organization_id, entity_type, key)
);

CREATE TABLE custom_field_values (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  entity_type     text NOT NULL,
  entity_id       uuid NOT NULL,
  key             text NOT NULL,
  number_value    numeric,
  date_value      date,
  PRIMARY KEY (organization_id, entity_type, entity_id, key)
);
CREATE INDEX custom_field_values_number_idx ON custom_field_values (organization_id, entity_type, key, number_value, entity_id) WHERE number_value IS NOT NULL;
CREATE INDEX custom_field_values_date_idx ON custom_field_values (organization_id, entity_type, key, date_value, entity_id) WHERE date_value IS NOT NULL;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['custom_field_definitions', 'custom_field_values'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = ubos_current_organization()) '
      'WITH CHECK (organization_id = ubos_current_organization())', t);
  END LOOP;
END $$;

SELECT ubos_track('custom_field_definitions', 'CustomFieldDefinition', 'none');

-- A text that merely looks like a date (2026-02-30) must not fail the write that carries it.
CREATE FUNCTION ubos_try_date(value text) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF value !~ '^\d{4}-\d{2}-\d{2}$' THEN
    RETURN NULL;
  END IF;
  RETURN value::date;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

CREATE FUNCTION ubos_index_custom_fields() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_entity_type text := TG_ARGV[0];
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.custom_fields IS NOT DISTINCT FROM OLD.custom_fields THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM custom_field_values WHERE organization_id = OLD.organization_id AND entity_type = v_entity_type AND entity_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO custom_field_values (organization_id, entity_type, entity_id, key, number_value, date_value)
    SELECT NEW.organization_id, v_entity_type, NEW.id, field.key, field.number_value, field.date_value
    FROM (
      SELECT e.key,
             CASE WHEN jsonb_typeof(e.value) = 'number' THEN (e.value #>> '{}')::numeric END AS number_value,
             CASE WHEN jsonb_typeof(e.value) = 'string' THEN ubos_try_date(e.value #>> '{}') END AS date_value
      FROM jsonb_each(NEW.custom_fields) e
    ) field
    WHERE field.number_value IS NOT NULL OR field.date_value IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION ubos_custom_fields(tbl regclass, entity_type text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER index_custom_fields AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION ubos_index_custom_fields(%L)', tbl, entity_type);
  EXECUTE format('CREATE INDEX %I ON %s USING gin (custom_fields jsonb_path_ops)', tbl::text || '_custom_fields_gin', tbl);
END $$;

-- Under Row Level Security, PostgreSQL only lets an index evaluate an operator before the
-- policy when the operator is LEAKPROOF; jsonb containment is not marked so, which would turn
-- every custom field filter of the serving role into a sequential scan. jsonb_contains raises
-- no error that depends on its arguments' contents and answers only true or false, so it meets
-- the definition. Only a superuser may mark it; elsewhere filters still work, unindexed, and
-- the README says how to mark it.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION jsonb_contains(jsonb, jsonb) LEAKPROOF;
  ELSE
    RAISE NOTICE 'not a superuser: jsonb_contains stays non-leakproof, so custom field equality filters will not use the GIN index under RLS';
  END IF;
END $$;

SELECT ubos_custom_fields('clients', 'CLIENT');
SELECT ubos_custom_fields('contacts', 'CONTACT');
SELECT ubos_custom_fields('deals', 'DEAL');
SELECT ubos_custom_fields('projects', 'PROJECT');
SELECT ubos_custom_fields('invoices', 'INVOICE');
