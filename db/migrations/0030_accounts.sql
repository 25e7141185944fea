-- Accounts as a lifecycle (issue 13): sign-up, invitations, sessions with rotating refresh
-- tokens, password change and reset, member removal and roles, and the mail that carries the
-- links. Tenant rows (sessions, invitations) follow the foundation's rules; the few writes that
-- must happen before a tenant is known, or across tenants for one person (a password reset
-- ends every session of the user), go through SECURITY DEFINER functions owned by
-- ubos_accounts, a role nobody logs in as.

------------------------------------------------------------------------------------------
-- Users: a moment before which no token of the user is accepted (password change or reset,
-- logout everywhere). Sessions are checked one by one; this catches tokens without a session.
------------------------------------------------------------------------------------------
ALTER TABLE users ADD COLUMN tokens_valid_after timestamptz;

-- Removed members keep their (soft-deleted) membership for the audit trail; login skips it.
CREATE OR REPLACE FUNCTION auth_user_memberships(p_user_id uuid)
RETURNS TABLE (organization_id uuid, organization_name text, membership_id uuid, role text, created_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT m.organization_id, o.name, m.id, m.role, m.created_at
  FROM memberships m JOIN organizations o ON o.id = m.organization_id
  WHERE m.user_id = p_user_id AND m.deleted_at IS NULL
  ORDER BY m.created_at, m.organization_id
$$;

-- Neither the token hash of an invitation nor a session's refresh hash ever reaches the audit
-- trail or the history.
CREATE OR REPLACE FUNCTION ubos_secret_columns() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$ SELECT ARRAY['secret_hash', 'token_hash', 'refresh_hash'] $$;

------------------------------------------------------------------------------------------
-- Sessions: one per sign-in, in one organization. The refresh token is 32 random bytes; only
-- its SHA-256 is kept, and it changes with every refresh.
------------------------------------------------------------------------------------------
CREATE TABLE sessions (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  user_id         uuid NOT NULL,
  refresh_hash    text NOT NULL,
  user_agent      text,
  ip              text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_seen_at    timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  revoked_at      timestamptz,
  revoked_reason  text,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, user_id) REFERENCES memberships (organization_id, user_id)
);
CREATE INDEX sessions_org_user_idx ON sessions (organization_id, user_id, id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

------------------------------------------------------------------------------------------
-- Invitations: single use, expiring, the token stored as its SHA-256 only. Tracked like every
-- main entity (versions, audit, history).
------------------------------------------------------------------------------------------
CREATE TABLE invitations (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  email           text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  role            text NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
  token_hash      text NOT NULL,
  invited_by      text NOT NULL,
  expires_at      timestamptz NOT NULL,
  sent_count      integer NOT NULL DEFAULT 1,
  last_sent_at    timestamptz NOT NULL DEFAULT now(),
  accepted_at     timestamptz,
  accepted_by     uuid,
  revoked_at      timestamptz,
  revoked_by      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  deleted_at      timestamptz,
  deleted_by      text,
  PRIMARY KEY (organization_id, id)
);
-- One open invitation per address and organization: inviting again re-issues it.
CREATE UNIQUE INDEX invitations_open_email_key ON invitations (organization_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL AND deleted_at IS NULL;
-- Not unique on its own (unique constraints include organization_id); 256 random bits anyway.
CREATE INDEX invitations_token_idx ON invitations (token_hash);
CREATE INDEX invitations_org_created_idx ON invitations (organization_id, created_at, id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sessions', 'invitations'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (organization_id = ubos_current_organization()) '
      'WITH CHECK (organization_id = ubos_current_organization())', t);
  END LOOP;
END $$;

SELECT ubos_track('invitations', 'Invitation', 'none');

------------------------------------------------------------------------------------------
-- Password resets: global (a person, not a tenant), single use, one hour.
------------------------------------------------------------------------------------------
CREATE TABLE password_resets (
  id          uuid PRIMARY KEY DEFAULT ubos_uuid_v7(),
  user_id     uuid NOT NULL REFERENCES users (id),
  token_hash  text NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  ip          text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;

------------------------------------------------------------------------------------------
-- The mail outbox: written in the transaction of the change that sends it (an invitation, a
-- reset), delivered by the worker. Global: a reset mail belongs to a person, not a tenant.
-- The serving role may only add mail (it can read none, so no tenant reads another's links);
-- the worker, through ubos_dispatcher, reads and marks it. A sent mail's body is cleared, so
-- links do not stay at rest.
------------------------------------------------------------------------------------------
CREATE TABLE mail_outbox (
  id              uuid PRIMARY KEY DEFAULT ubos_uuid_v7(),
  kind            text NOT NULL,
  to_address      text NOT NULL,
  subject         text NOT NULL,
  body_text       text,
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at, id) WHERE status = 'PENDING';
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY queue_mail ON mail_outbox FOR INSERT WITH CHECK (status = 'PENDING');
CREATE POLICY dispatcher_read ON mail_outbox FOR SELECT TO ubos_dispatcher USING (true);
CREATE POLICY dispatcher_mark ON mail_outbox FOR UPDATE TO ubos_dispatcher USING (true) WITH CHECK (true);

------------------------------------------------------------------------------------------
-- ubos_accounts: owns the functions below; may create organizations and users, set
-- passwords, and end a person's sessions in every organization. Nothing else.
------------------------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ubos_accounts') THEN
    CREATE ROLE ubos_accounts NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO ubos_accounts;
GRANT SELECT, INSERT ON organizations TO ubos_accounts;
GRANT SELECT, INSERT, UPDATE ON users TO ubos_accounts;
GRANT SELECT, UPDATE ON sessions, invitations TO ubos_accounts;
GRANT SELECT ON memberships TO ubos_accounts;
GRANT SELECT, INSERT, UPDATE ON password_resets TO ubos_accounts;
CREATE POLICY accounts_write ON organizations TO ubos_accounts USING (true) WITH CHECK (true);
CREATE POLICY accounts_write ON users TO ubos_accounts USING (true) WITH CHECK (true);
CREATE POLICY accounts_write ON sessions TO ubos_accounts USING (true) WITH CHECK (true);
CREATE POLICY accounts_read ON invitations FOR SELECT TO ubos_accounts USING (true);
CREATE POLICY accounts_read ON memberships FOR SELECT TO ubos_accounts USING (true);
CREATE POLICY accounts_write ON password_resets TO ubos_accounts USING (true) WITH CHECK (true);

-- A new person. NULL when the address already has an account.
CREATE FUNCTION auth_create_user(p_email text, p_name text, p_password_hash text) RETURNS uuid
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO users (email, name, password_hash) VALUES (lower(p_email), p_name, p_password_hash)
  ON CONFLICT (email) DO NOTHING
  RETURNING id
$$;

-- A new organization, with the first free slug of base, base-2, base-3, …
CREATE FUNCTION auth_create_organization(p_name text, p_slug_base text) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  candidate text := p_slug_base;
  created uuid;
  n integer := 1;
BEGIN
  LOOP
    INSERT INTO organizations (name, slug) VALUES (p_name, candidate) ON CONFLICT (slug) DO NOTHING RETURNING id INTO created;
    IF created IS NOT NULL THEN
      RETURN created;
    END IF;
    n := n + 1;
    candidate := left(p_slug_base, 55) || '-' || n;
  END LOOP;
END $$;

-- Ends sessions of a person in every organization (all but p_keep_session) and refuses every
-- token issued before now that has no session. Answers how many sessions ended.
CREATE FUNCTION auth_end_user_sessions(p_user_id uuid, p_keep_session uuid, p_reason text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ended integer;
BEGIN
  UPDATE users SET tokens_valid_after = now(), updated_at = now() WHERE id = p_user_id;
  UPDATE sessions SET revoked_at = now(), revoked_reason = p_reason
   WHERE user_id = p_user_id AND revoked_at IS NULL AND id IS DISTINCT FROM p_keep_session;
  GET DIAGNOSTICS ended = ROW_COUNT;
  RETURN ended;
END $$;

-- Sets a person's password and ends their other sessions (all of them when p_keep_session is NULL).
CREATE FUNCTION auth_set_password(p_user_id uuid, p_password_hash text, p_keep_session uuid, p_reason text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE users SET password_hash = p_password_hash, updated_at = now() WHERE id = p_user_id;
  RETURN auth_end_user_sessions(p_user_id, p_keep_session, p_reason);
END $$;

-- A reset for the address, if it has an account: answers the person (for the mail) or nothing.
CREATE FUNCTION auth_request_password_reset(p_email text, p_token_hash text, p_expires_at timestamptz, p_ip text)
RETURNS TABLE (user_id uuid, name text, email text)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO password_resets (user_id, token_hash, expires_at, ip)
  SELECT u.id, p_token_hash, p_expires_at, p_ip FROM users u WHERE u.email = lower(p_email)
  RETURNING user_id, (SELECT name FROM users WHERE id = user_id), (SELECT email FROM users WHERE id = user_id)
$$;

-- Uses a reset token once: sets the password and ends every session of the person. NULL when
-- the token is unknown, used or expired.
CREATE FUNCTION auth_reset_password(p_token_hash text, p_password_hash text) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  reset_user uuid;
BEGIN
  UPDATE password_resets SET used_at = now()
   WHERE token_hash = p_token_hash AND used_at IS NULL AND expires_at > now()
   RETURNING user_id INTO reset_user;
  IF reset_user IS NULL THEN
    RETURN NULL;
  END IF;
  -- Every other open reset of the person goes too: one reset, one new password.
  UPDATE password_resets SET used_at = now() WHERE user_id = reset_user AND used_at IS NULL;
  PERFORM auth_set_password(reset_user, p_password_hash, NULL, 'password reset');
  RETURN reset_user;
END $$;

-- The invitation a token stands for, before a tenant is known (accepting it).
CREATE FUNCTION auth_find_invitation(p_token_hash text)
RETURNS TABLE (organization_id uuid, invitation_id uuid, email text, role text, expires_at timestamptz,
               accepted_at timestamptz, revoked_at timestamptz, deleted_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.organization_id, i.id, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at, i.deleted_at
  FROM invitations i WHERE i.token_hash = p_token_hash
$$;

-- A session, by id, before a tenant is known (refreshing it).
CREATE FUNCTION auth_find_session(p_session_id uuid)
RETURNS TABLE (organization_id uuid, user_id uuid, refresh_hash text, expires_at timestamptz, revoked_at timestamptz, member boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.organization_id, s.user_id, s.refresh_hash, s.expires_at, s.revoked_at,
         EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = s.organization_id AND m.user_id = s.user_id AND m.deleted_at IS NULL)
  FROM sessions s WHERE s.id = p_session_id
$$;

DO $$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['auth_create_user(text, text, text)', 'auth_create_organization(text, text)',
                           'auth_end_user_sessions(uuid, uuid, text)', 'auth_set_password(uuid, text, uuid, text)',
                           'auth_request_password_reset(text, text, timestamptz, text)', 'auth_reset_password(text, text)',
                           'auth_find_invitation(text)', 'auth_find_session(uuid)'] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO ubos_accounts', f);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END $$;
