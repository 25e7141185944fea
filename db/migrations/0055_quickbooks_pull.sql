-- QuickBooks Online: pulling remote changes (payments made in QuickBooks) into UBOS.
--
-- Intuit's webhook names a company (realmId), not a tenant. The gateway verifies its signature
-- and hands it to the integrations subgraph, which reaches the tenants of that realm only
-- through integration_quickbooks_notified(): one outbox event per tenant connected to the realm
-- (the worker's router turns it into a pull job, inbox-deduplicated like every event). Nothing
-- else of any tenant is readable or writable that way. The worker's periodic Change Data
-- Capture poll finds the connected tenants through integration_quickbooks_connected().

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ubos_integration_intake') THEN
    CREATE ROLE ubos_integration_intake NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO ubos_integration_intake;
GRANT SELECT (organization_id, id, provider, realm_id, status) ON integration_connections TO ubos_integration_intake;
GRANT INSERT ON outbox TO ubos_integration_intake;
CREATE POLICY intake_read ON integration_connections FOR SELECT TO ubos_integration_intake USING (true);
CREATE POLICY intake_announce ON outbox FOR INSERT TO ubos_integration_intake
  WITH CHECK (event_type = 'QuickBooksChangeNotified' AND aggregate_type = 'IntegrationConnection');

-- p_entities: the notification's dataChangeEvent entities, [{ name, id, operation, lastUpdated }].
-- Answers how many tenants it reached (0 for a realm nobody connected).
CREATE FUNCTION integration_quickbooks_notified(p_realm_id text, p_entities jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  reached integer;
BEGIN
  IF p_realm_id IS NULL OR length(p_realm_id) > 100 OR jsonb_typeof(p_entities) IS DISTINCT FROM 'array' OR jsonb_array_length(p_entities) > 1000 THEN
    RAISE EXCEPTION 'not a QuickBooks change notification' USING ERRCODE = '22023';
  END IF;
  WITH announced AS (
    INSERT INTO outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id)
    SELECT c.organization_id, 'QuickBooksChangeNotified', 'IntegrationConnection', c.id,
           jsonb_build_object('realmId', p_realm_id, 'entities', p_entities),
           'integration:' || c.id, nullif(current_setting('app.request_id', true), '')
      FROM integration_connections c
     WHERE c.provider = 'QUICKBOOKS' AND c.realm_id = p_realm_id AND c.status = 'CONNECTED'
    RETURNING 1
  )
  SELECT count(*) INTO reached FROM announced;
  RETURN reached;
END $$;
REVOKE ALL ON FUNCTION integration_quickbooks_notified(text, jsonb) FROM PUBLIC;
ALTER FUNCTION integration_quickbooks_notified(text, jsonb) OWNER TO ubos_integration_intake;

-- The tenants whose QuickBooks connection is live: the CDC poll's round.
CREATE FUNCTION integration_quickbooks_connected() RETURNS TABLE (organization_id uuid, connection_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.organization_id, c.id FROM integration_connections c WHERE c.provider = 'QUICKBOOKS' AND c.status = 'CONNECTED' ORDER BY c.organization_id
$$;
REVOKE ALL ON FUNCTION integration_quickbooks_connected() FROM PUBLIC;
ALTER FUNCTION integration_quickbooks_connected() OWNER TO ubos_integration_intake;

-- Payments pulled from QuickBooks that UBOS could not record (an invoice UBOS never pushed, an
-- amount above the balance…) stay as FAILED rows without a payment: listed for an admin.
CREATE INDEX integration_qb_payments_unrecorded_idx ON integration_quickbooks_payments (organization_id, updated_at) WHERE payment_id IS NULL;
