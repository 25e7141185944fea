-- Data quality and per-tenant metrics (ARCHITECTURE 3.12). The metrics refresher walks every
-- tenant, one transaction per tenant under that tenant's RLS setting; to know which tenants
-- exist it needs this one narrow answer across tenants, as login does.
CREATE FUNCTION ubos_organizations_for_metrics()
RETURNS TABLE (id uuid, slug text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT o.id, o.slug FROM organizations o ORDER BY o.id
$$;
REVOKE ALL ON FUNCTION ubos_organizations_for_metrics() FROM PUBLIC;
-- Owned, like the login functions, by ubos_auth: a role nobody logs in as, which may read organizations.
ALTER FUNCTION ubos_organizations_for_metrics() OWNER TO ubos_auth;
