-- Account changes announce themselves like every other change: the functions that write across
-- a person's organizations (ending their sessions, setting their password, asking for a reset)
-- also put the events of those changes in each organization's outbox, in the same transaction.
-- No event carries a secret: not the password's hash, not a reset or refresh token.

-- ubos_accounts adds events for any organization (it acts for a person across them); it reads
-- and changes none.
GRANT INSERT ON outbox TO ubos_accounts;
CREATE POLICY accounts_announce ON outbox FOR INSERT TO ubos_accounts WITH CHECK (true);

-- One event per live membership of a person (a person-level change concerns each of them).
CREATE FUNCTION auth_announce_to_memberships(p_user_id uuid, p_event_type text, p_payload jsonb) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id)
  SELECT m.organization_id, p_event_type, 'User', p_user_id, p_payload,
         coalesce(nullif(current_setting('app.actor', true), ''), 'system'), nullif(current_setting('app.request_id', true), '')
    FROM memberships m WHERE m.user_id = p_user_id AND m.deleted_at IS NULL
$$;

CREATE OR REPLACE FUNCTION auth_end_user_sessions(p_user_id uuid, p_keep_session uuid, p_reason text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ended integer;
BEGIN
  UPDATE users SET tokens_valid_after = now(), updated_at = now() WHERE id = p_user_id;
  WITH revoked AS (
    UPDATE sessions SET revoked_at = now(), revoked_reason = p_reason
     WHERE user_id = p_user_id AND revoked_at IS NULL AND id IS DISTINCT FROM p_keep_session
     RETURNING organization_id, id
  ), announced AS (
    INSERT INTO outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id)
    SELECT r.organization_id, 'SessionUpdated', 'Session', r.id,
           jsonb_build_object('changed', jsonb_build_array('revokedAt', 'revokedReason'), 'userId', p_user_id, 'reason', p_reason),
           coalesce(nullif(current_setting('app.actor', true), ''), 'system'), nullif(current_setting('app.request_id', true), '')
      FROM revoked r
    RETURNING 1
  )
  SELECT count(*) INTO ended FROM announced;
  RETURN ended;
END $$;

CREATE OR REPLACE FUNCTION auth_set_password(p_user_id uuid, p_password_hash text, p_keep_session uuid, p_reason text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE users SET password_hash = p_password_hash, updated_at = now() WHERE id = p_user_id;
  PERFORM auth_announce_to_memberships(p_user_id, 'UserPasswordChanged', jsonb_build_object('reason', p_reason));
  RETURN auth_end_user_sessions(p_user_id, p_keep_session, p_reason);
END $$;

-- The reset's event names when it expires and from which address it was asked, never its token.
CREATE OR REPLACE FUNCTION auth_request_password_reset(p_email text, p_token_hash text, p_expires_at timestamptz, p_ip text)
RETURNS TABLE (user_id uuid, name text, email text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  person users%ROWTYPE;
BEGIN
  SELECT * INTO person FROM users u WHERE u.email = lower(p_email);
  IF NOT FOUND THEN
    RETURN;
  END IF;
  INSERT INTO password_resets (user_id, token_hash, expires_at, ip) VALUES (person.id, p_token_hash, p_expires_at, p_ip);
  PERFORM auth_announce_to_memberships(person.id, 'UserPasswordResetRequested', jsonb_build_object('expiresAt', p_expires_at, 'ip', p_ip));
  user_id := person.id;
  name := person.name;
  email := person.email;
  RETURN NEXT;
END $$;

ALTER FUNCTION auth_announce_to_memberships(uuid, text, jsonb) OWNER TO ubos_accounts;
REVOKE ALL ON FUNCTION auth_announce_to_memberships(uuid, text, jsonb) FROM PUBLIC;
