-- API keys for partners. A key belongs to one organization and carries coarse scopes
-- (crm:read, crm:write, …). The secret is shown once; only its SHA-256 is stored (the secret
-- is 32 random bytes, so a slow hash adds nothing). Keys are tracked like every main entity:
-- versioned, audited, soft-deletable.
CREATE TABLE api_keys (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- The public part of the secret, to find the key without a cross-tenant scan of hashes.
  prefix          text NOT NULL CHECK (prefix ~ '^[A-Za-z0-9_-]{12}$'),
  secret_hash     text NOT NULL,
  scopes          text[] NOT NULL,
  -- Only registered (persisted) operations are accepted with this key.
  persisted_only  boolean NOT NULL DEFAULT false,
  -- Per-key overrides of the gateway's request limits, e.g. {"maxDepth": 8}.
  limits          jsonb NOT NULL DEFAULT '{}'::jsonb,
  expires_at      timestamptz,
  revoked_at      timestamptz,
  revoked_by      text,
  created_by      text NOT NULL,
  last_used_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  deleted_at      timestamptz,
  deleted_by      text,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, prefix)
);
-- Not unique on its own (every unique constraint includes organization_id); the prefix is 72
-- random bits and the lookup checks the hash anyway.
CREATE INDEX api_keys_prefix_idx ON api_keys (prefix);

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys USING (organization_id = ubos_current_organization())
  WITH CHECK (organization_id = ubos_current_organization());
CREATE POLICY auth_lookup ON api_keys FOR SELECT TO ubos_auth USING (true);
GRANT SELECT ON api_keys TO ubos_auth;

SELECT ubos_track('api_keys', 'ApiKey', 'none');

-- Authenticating a key happens before a tenant is known, like login: through this narrow
-- function, owned by ubos_auth. It answers the key only while it is live.
CREATE FUNCTION auth_find_api_key(p_prefix text)
RETURNS TABLE (organization_id uuid, api_key_id uuid, secret_hash text, scopes text[], persisted_only boolean, limits jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT k.organization_id, k.id, k.secret_hash, k.scopes, k.persisted_only, k.limits
  FROM api_keys k
  WHERE k.prefix = p_prefix AND k.revoked_at IS NULL AND k.deleted_at IS NULL
    AND (k.expires_at IS NULL OR k.expires_at > now())
$$;
ALTER FUNCTION auth_find_api_key(text) OWNER TO ubos_auth;
REVOKE ALL ON FUNCTION auth_find_api_key(text) FROM PUBLIC;

-- Registered operations, per organization, by the SHA-256 of their text.
CREATE TABLE persisted_operations (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  name            text,
  query           text NOT NULL,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, sha256)
);
ALTER TABLE persisted_operations ENABLE ROW LEVEL SECURITY;
ALTER TABLE persisted_operations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON persisted_operations USING (organization_id = ubos_current_organization())
  WITH CHECK (organization_id = ubos_current_organization());
