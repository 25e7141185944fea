-- Foundation: identity, crm and projects tables with tenant isolation enforced by the schema
-- (composite keys) and by Row Level Security. Privileges for the serving role are granted by
-- the migration runner after all migrations ran (see db/src/roles.ts), because the role name
-- is configuration, not schema.

-- Time-ordered UUIDs (v7) for rows created in SQL (bulk seeding). The application generates
-- its own v7 ids; both produce the same layout: 48 bits of Unix milliseconds, then random bits.
CREATE FUNCTION ubos_uuid_v7() RETURNS uuid
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  bytes bytea := uuid_send(gen_random_uuid());
  millis bigint := floor(extract(epoch FROM clock_timestamp()) * 1000);
BEGIN
  bytes := overlay(bytes PLACING substring(int8send(millis) FROM 3) FROM 1 FOR 6);
  -- version nibble 0111 (a v4 uuid already carries 0100, so set the two low bits)
  bytes := set_bit(bytes, 52, 1);
  bytes := set_bit(bytes, 53, 1);
  RETURN encode(bytes, 'hex')::uuid;
END $$;

-- The tenant of the current transaction. NULLIF matters: once a transaction-local setting
-- has ended, a pooled session reads '' rather than NULL, and ''::uuid would raise.
CREATE FUNCTION ubos_current_organization() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid
$$;

------------------------------------------------------------------------------------------
-- Global tables (not per tenant)
------------------------------------------------------------------------------------------
CREATE TABLE organizations (
  id             uuid PRIMARY KEY DEFAULT ubos_uuid_v7(),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  slug           text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  schema_version integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- A person may belong to several organizations, so the email is unique across the platform.
CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT ubos_uuid_v7(),
  email         text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

------------------------------------------------------------------------------------------
-- Tenant tables: organization_id NOT NULL, primary key (organization_id, id), every unique
-- constraint and every foreign key between tenant tables includes organization_id.
------------------------------------------------------------------------------------------
CREATE TABLE memberships (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  user_id         uuid NOT NULL REFERENCES users (id),
  role            text NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE clients (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  status          text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('LEAD', 'ACTIVE', 'INACTIVE', 'ARCHIVED')),
  email           text,
  phone           text,
  website         text,
  industry        text,
  notes           text,
  custom_fields   jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id)
);
-- The hot list orders: by name and by creation, each with id as the keyset tie-breaker.
CREATE INDEX clients_org_name_idx ON clients (organization_id, name, id);
CREATE INDEX clients_org_created_idx ON clients (organization_id, created_at, id);
CREATE INDEX clients_org_status_name_idx ON clients (organization_id, status, name, id);

CREATE TABLE contacts (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  client_id       uuid NOT NULL,
  first_name      text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
  last_name       text NOT NULL DEFAULT '' CHECK (length(last_name) <= 100),
  email           text,
  phone           text,
  title           text,
  is_primary      boolean NOT NULL DEFAULT false,
  custom_fields   jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id)
);
CREATE INDEX contacts_org_client_idx ON contacts (organization_id, client_id, last_name, first_name, id);

CREATE TABLE deals (
  organization_id     uuid NOT NULL REFERENCES organizations (id),
  id                  uuid NOT NULL DEFAULT ubos_uuid_v7(),
  client_id           uuid NOT NULL,
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  stage               text NOT NULL DEFAULT 'LEAD'
                        CHECK (stage IN ('LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST')),
  value_amount_minor  bigint NOT NULL DEFAULT 0 CHECK (value_amount_minor >= 0),
  value_currency      char(3) NOT NULL DEFAULT 'USD' CHECK (value_currency ~ '^[A-Z]{3}$'),
  expected_close_date date,
  custom_fields       jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id)
);
CREATE INDEX deals_org_client_idx ON deals (organization_id, client_id, created_at, id);
CREATE INDEX deals_org_stage_idx ON deals (organization_id, stage, created_at, id);

CREATE TABLE projects (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  client_id       uuid NOT NULL,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description     text,
  status          text NOT NULL DEFAULT 'PLANNED'
                    CHECK (status IN ('PLANNED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED')),
  start_date      date,
  due_date        date,
  custom_fields   jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id),
  CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date)
);
CREATE INDEX projects_org_client_idx ON projects (organization_id, client_id, created_at, id);
CREATE INDEX projects_org_created_idx ON projects (organization_id, created_at, id);

CREATE TABLE milestones (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  project_id      uuid NOT NULL,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  due_date        date,
  completed_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id)
);
CREATE INDEX milestones_org_project_idx ON milestones (organization_id, project_id, due_date, id);

CREATE TABLE tasks (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  project_id      uuid NOT NULL,
  milestone_id    uuid,
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  status          text NOT NULL DEFAULT 'TODO' CHECK (status IN ('TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE')),
  due_date        date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id),
  -- MATCH SIMPLE: a task without a milestone (NULL) is not checked; one with a milestone must
  -- point at a milestone of the same tenant.
  FOREIGN KEY (organization_id, milestone_id) REFERENCES milestones (organization_id, id)
);
CREATE INDEX tasks_org_project_idx ON tasks (organization_id, project_id, created_at, id);
CREATE INDEX tasks_org_milestone_idx ON tasks (organization_id, milestone_id) WHERE milestone_id IS NOT NULL;

------------------------------------------------------------------------------------------
-- Row Level Security. FORCE makes the policies apply to the table owner as well; only a
-- superuser (or a BYPASSRLS role, which the serving role is not) passes around them.
------------------------------------------------------------------------------------------
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['memberships', 'clients', 'contacts', 'deals', 'projects', 'milestones', 'tasks'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = ubos_current_organization()) '
      'WITH CHECK (organization_id = ubos_current_organization())', t);
  END LOOP;
END $$;

-- The global tables are visible to the serving role only as far as the current tenant reaches:
-- its own organization, and the users who are members of it.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY current_organization ON organizations USING (id = ubos_current_organization());

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY members_of_current_organization ON users USING (
  EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.organization_id = ubos_current_organization())
);

------------------------------------------------------------------------------------------
-- Login happens before a tenant is known. These SECURITY DEFINER functions are the only way
-- the serving role reaches across tenants, and each answers one narrow question.
------------------------------------------------------------------------------------------
CREATE FUNCTION auth_find_user_by_email(p_email text)
RETURNS TABLE (user_id uuid, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.password_hash FROM users u WHERE u.email = lower(p_email)
$$;

CREATE FUNCTION auth_user_memberships(p_user_id uuid)
RETURNS TABLE (organization_id uuid, organization_name text, membership_id uuid, role text, created_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT m.organization_id, o.name, m.id, m.role, m.created_at
  FROM memberships m JOIN organizations o ON o.id = m.organization_id
  WHERE m.user_id = p_user_id
  ORDER BY m.created_at, m.organization_id
$$;

-- The functions belong to ubos_auth, a role nobody logs in as, whose only power is reading
-- these three tables across tenants. That also holds when the migrating owner is not a
-- superuser, because FORCE ROW LEVEL SECURITY binds the table owner too.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ubos_auth') THEN
    CREATE ROLE ubos_auth NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO ubos_auth;
GRANT SELECT ON users, memberships, organizations TO ubos_auth;
CREATE POLICY auth_lookup ON users FOR SELECT TO ubos_auth USING (true);
CREATE POLICY auth_lookup ON memberships FOR SELECT TO ubos_auth USING (true);
CREATE POLICY auth_lookup ON organizations FOR SELECT TO ubos_auth USING (true);
ALTER FUNCTION auth_find_user_by_email(text) OWNER TO ubos_auth;
ALTER FUNCTION auth_user_memberships(uuid) OWNER TO ubos_auth;

REVOKE ALL ON FUNCTION auth_find_user_by_email(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION auth_user_memberships(uuid) FROM PUBLIC;
