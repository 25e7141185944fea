import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundMigrationsSettled, metricsRegistry, operationLabel, refreshDataQualityMetrics, tenantLatencies } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Data quality per tenant, in the graph and at /metrics. Beta is made to meet every target and
// gamma to miss every one; /metrics is read with a real Prometheus text parser.

let t: TestStack;
let beta: GraphQLClient;
let gamma: GraphQLClient;
let betaOrg: string;
let gammaOrg: string;

const QUALITY = `query Quality { dataQuality {
  completeness accuracy freshnessSeconds queryP95Ms sqlP95Ms lastMigrationSeconds outboxBacklog computedAt
  entities { entityType rows completeness accuracy failingRows }
  targets { completeness accuracy freshnessSeconds queryP95Ms lastMigrationSeconds }
  breaches { metric value target }
} }`;

/** Every row of the tenant complete and valid under today's rules; no custom fields in force. */
async function makeComplete(organizationId: string) {
  await t.db.admin(`update custom_field_definitions set archived_at = now() where organization_id = $1`, [organizationId]);
  await t.db.admin(
    `update clients set email = 'c' || left(id::text, 8) || '@example.com', phone = '+1 555 0100', website = null, full_address = null,
       address = '{"line1": "1 Main St", "line2": null, "city": "Springfield", "region": "IL", "postalCode": "62701", "country": "US"}'::jsonb
     where organization_id = $1`,
    [organizationId],
  );
  await t.db.admin(`update contacts set email = 'p' || left(id::text, 8) || '@example.com', phone = '(030) 123-4567' where organization_id = $1`, [organizationId]);
  await t.db.admin(`update deals set expected_close_date = current_date where organization_id = $1`, [organizationId]);
  await t.db.admin(`update projects set start_date = current_date, due_date = current_date + 30 where organization_id = $1`, [organizationId]);
  await t.db.admin(`update invoices set issue_date = current_date, due_date = current_date + 30 where organization_id = $1`, [organizationId]);
}

beforeAll(async () => {
  t = await startTestStack({ config: { dataQualityIntervalSeconds: 0 } });
  [beta, gamma] = await Promise.all([t.as('beta'), t.as('gamma')]);
  betaOrg = t.tenants.beta!.organizationId;
  gammaOrg = t.tenants.gamma!.organizationId;
  await makeComplete(betaOrg);
  await makeComplete(gammaOrg);
});
afterAll(async () => {
  await backgroundMigrationsSettled();
  await t?.close();
});

describe('data quality', () => {
  it('meets every target for a tenant whose data is complete, valid, fresh and fast', async () => {
    for (let sample = 0; sample < 1000; sample++) {
      tenantLatencies.record(betaOrg, 'operation', 12);
      tenantLatencies.record(betaOrg, 'sql', 2);
    }
    const started = await beta.request('mutation { startTenantMigration(targetVersion: 2) { status } }');
    expect(started.data.startTenantMigration.status).toBe('RUNNING');
    await backgroundMigrationsSettled();

    const { data, errors } = await beta.request(QUALITY);
    expect(errors).toBeUndefined();
    const quality = data.dataQuality;
    expect(quality).toMatchObject({ completeness: 1, accuracy: 1, queryP95Ms: 12, sqlP95Ms: 2, breaches: [] });
    expect(quality.targets).toEqual({ completeness: 0.95, accuracy: 0.99, freshnessSeconds: 3600, queryP95Ms: 50, lastMigrationSeconds: 300 });
    expect(quality.freshnessSeconds).toBeLessThan(3600);
    expect(quality.lastMigrationSeconds).toBeGreaterThanOrEqual(0);
    expect(quality.lastMigrationSeconds).toBeLessThan(300);
    const clients = quality.entities.find((entity: any) => entity.entityType === 'CLIENT');
    expect(clients).toMatchObject({ completeness: 1, accuracy: 1, failingRows: 0 });
    expect(clients.rows).toBeGreaterThan(0);
    const issues = await beta.request('{ dataQualityIssues { totalCount edges { node { entityId } } } }');
    expect(issues.data.dataQualityIssues).toEqual({ totalCount: 0, edges: [] });
  });

  it('misses every target for a tenant that breaks them, and lists the rows at fault', async () => {
    const [first, second] = await t.db.admin<{ id: string }>('select id from clients where organization_id = $1 order by id limit 2', [gammaOrg]);
    const [contact] = await t.db.admin<{ id: string }>('select id from contacts where organization_id = $1 order by id limit 1', [gammaOrg]);
    // Completeness: no client has a phone. Accuracy: a bad email, a bad country, a bad phone on a
    // contact, and a custom field value whose option was removed after it was written.
    await t.db.admin(`update clients set phone = null where organization_id = $1`, [gammaOrg]);
    await t.db.admin(`update clients set email = 'not-an-email' where organization_id = $1 and id = $2`, [gammaOrg, first!.id]);
    await t.db.admin(`update clients set address = jsonb_set(address, '{country}', '"XX"') where organization_id = $1 and id = $2`, [gammaOrg, second!.id]);
    await t.db.admin(`update contacts set phone = 'call me' where organization_id = $1 and id = $2`, [gammaOrg, contact!.id]);
    const defined = await gamma.request('mutation { defineCustomField(input: { entityType: CLIENT, key: "grade", label: "Grade", type: SELECT, options: ["gold", "silver"] }) { id } }');
    expect(defined.errors).toBeUndefined();
    const tiered = await gamma.request('mutation($id: ID!) { updateClient(id: $id, input: { customFields: { grade: "silver" } }) { id } }', { id: second!.id });
    expect(tiered.errors).toBeUndefined();
    const narrowed = await gamma.request('mutation($id: ID!) { updateCustomField(id: $id, input: { options: ["gold"] }) { id } }', { id: defined.data.defineCustomField.id });
    expect(narrowed.errors).toBeUndefined();
    // Freshness: an event waiting two hours. Migration: the last one took ten minutes. Latency: 80 ms.
    await t.db.admin(`insert into outbox (organization_id, event_type, aggregate_type, aggregate_id, actor, occurred_at) values ($1, 'ClientUpdated', 'Client', $2, 'system', now() - interval '2 hours')`, [gammaOrg, first!.id]);
    await t.db.admin(
      `insert into tenant_migration_runs (organization_id, from_version, target_version, step_version, status, started_by, started_at, finished_at)
       values ($1, 1, 2, 2, 'SUCCEEDED', 'system', now() - interval '10 minutes', now())`,
      [gammaOrg],
    );
    for (let sample = 0; sample < 1000; sample++) {
      tenantLatencies.record(gammaOrg, 'operation', 80);
      tenantLatencies.record(gammaOrg, 'sql', 60);
    }

    const quality = (await gamma.request(QUALITY)).data.dataQuality;
    const clients = quality.entities.find((entity: any) => entity.entityType === 'CLIENT');
    expect(clients.completeness).toBeCloseTo(2 / 3, 5);
    expect(clients.failingRows).toBe(2);
    expect(quality.completeness).toBeLessThan(0.95);
    expect(quality.accuracy).toBeLessThan(0.99);
    expect(quality.freshnessSeconds).toBeGreaterThan(7000);
    expect(quality.lastMigrationSeconds).toBeCloseTo(600, 0);
    expect(quality.queryP95Ms).toBe(80);
    expect(quality.sqlP95Ms).toBe(60);
    expect(quality.breaches.map((breach: any) => breach.metric).sort()).toEqual(['accuracy', 'completeness', 'freshnessSeconds', 'lastMigrationSeconds', 'queryP95Ms', 'sqlP95Ms']);

    // The rows at fault, page by page, with the field and the rule.
    const all = await gamma.request('{ dataQualityIssues(first: 100) { totalCount edges { node { entityType entityId field rule message } } } }');
    const nodes = all.data.dataQualityIssues.edges.map((edge: any) => edge.node);
    expect(all.data.dataQualityIssues.totalCount).toBe(4);
    expect(nodes.map((node: any) => [node.entityType, node.entityId, node.field, node.rule])).toEqual(
      [
        ['CLIENT', first!.id, 'email', 'EMAIL_FORMAT'],
        ['CLIENT', second!.id, 'address.country', 'ISO_COUNTRY'],
        ['CLIENT', second!.id, 'customFields.grade', 'CUSTOM_FIELD_SELECT'],
        ['CONTACT', contact!.id, 'phone', 'PHONE_FORMAT'],
      ].sort((a, b) => (a[0] === b[0] ? (a[1]! + a[2]).localeCompare(b[1]! + b[2]) : a[0] === 'CLIENT' ? -1 : 1)),
    );
    expect(nodes[0].message).toContain('email');
    const page1 = await gamma.request('{ dataQualityIssues(entityType: CLIENT, first: 2) { edges { node { field } } pageInfo { hasNextPage endCursor } } }');
    expect(page1.data.dataQualityIssues.pageInfo.hasNextPage).toBe(true);
    const page2 = await gamma.request('query($after: String) { dataQualityIssues(entityType: CLIENT, first: 2, after: $after) { edges { node { field } } pageInfo { hasNextPage } } }', {
      after: page1.data.dataQualityIssues.pageInfo.endCursor,
    });
    expect([...page1.data.dataQualityIssues.edges, ...page2.data.dataQualityIssues.edges].map((edge: any) => edge.node.field).sort()).toEqual(['address.country', 'customFields.grade', 'email']);
    expect(page2.data.dataQualityIssues.pageInfo.hasNextPage).toBe(false);
    const badCursor = await gamma.request('{ dataQualityIssues(after: "nonsense") { totalCount } }');
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    // Owners and admins only.
    const member = await t.anonymous.login('member@gamma.test');
    for (const query of ['{ dataQuality { completeness } }', '{ dataQualityIssues { totalCount } }']) {
      expect((await member.request(query)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('serves the same measures and the service metrics at /metrics, in Prometheus text a parser reads, with no ids as labels', async () => {
    await refreshDataQualityMetrics();
    await beta.request('query NamedForMetrics { organization { schemaVersion } }');
    const response = await fetch(`${t.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const families = new Map<string, any>(parsePrometheusTextFormat(text).map((family: any) => [family.name, family]));
    const gauge = (name: string, labels: Record<string, string>) => {
      const family = families.get(name);
      expect(family, name).toBeDefined();
      const sample = family.metrics.find((metric: any) => Object.entries(labels).every(([key, value]) => metric.labels?.[key] === value));
      return sample === undefined ? undefined : Number(sample.value);
    };
    expect(gauge('ubos_tenant_data_completeness_ratio', { tenant: 'beta' })).toBe(1);
    expect(gauge('ubos_tenant_data_accuracy_ratio', { tenant: 'beta' })).toBe(1);
    expect(gauge('ubos_tenant_data_completeness_ratio', { tenant: 'gamma' })).toBeLessThan(0.95);
    expect(gauge('ubos_tenant_data_accuracy_ratio', { tenant: 'gamma' })).toBeLessThan(0.99);
    expect(gauge('ubos_tenant_data_freshness_seconds', { tenant: 'gamma' })).toBeGreaterThan(3600);
    expect(gauge('ubos_tenant_data_freshness_seconds', { tenant: 'beta' })).toBeLessThan(3600);
    expect(gauge('ubos_tenant_last_migration_seconds', { tenant: 'gamma' })).toBeGreaterThan(300);
    expect(gauge('ubos_tenant_last_migration_seconds', { tenant: 'beta' })).toBeLessThan(300);
    expect(gauge('ubos_tenant_last_migration_seconds', { tenant: 'alpha' })).toBeUndefined();
    expect(gauge('ubos_tenant_schema_version', { tenant: 'beta' })).toBe(2);
    expect(gauge('ubos_tenant_schema_version', { tenant: 'alpha' })).toBe(1);
    expect(gauge('ubos_tenant_query_p95_seconds', { tenant: 'gamma', kind: 'operation' })).toBeCloseTo(0.08, 5);
    expect(gauge('ubos_tenant_query_p95_seconds', { tenant: 'beta', kind: 'sql' })).toBeCloseTo(0.002, 5);
    expect(gauge('ubos_tenant_data_quality_breaches', { tenant: 'beta' })).toBe(0);
    expect(gauge('ubos_tenant_data_quality_breaches', { tenant: 'gamma' })).toBe(6);
    expect(gauge('ubos_outbox_dispatch_lag_seconds', {})).toBeGreaterThan(7000);
    expect(gauge('ubos_outbox_backlog', {})).toBeGreaterThan(0);
    expect(gauge('ubos_dead_letters', {})).toBeGreaterThanOrEqual(0);
    expect(gauge('ubos_data_quality_refresh_seconds', {})).toBeGreaterThan(0);

    // Service metrics.
    expect(gauge('ubos_sql_statements_total', { kind: 'application' })).toBeGreaterThan(0);
    expect(families.get('ubos_sql_statement_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(gauge('ubos_http_requests_total', { operation: 'NamedForMetrics', type: 'query', status: '2xx' })).toBe(1);
    const latency = families.get('ubos_http_request_duration_seconds');
    expect(latency.type).toBe('HISTOGRAM');
    // parse-prometheus-text-format keeps a histogram's buckets but drops its labels, so its series are read from prom-client's registry.
    const histogram = async (name: string) => (await metricsRegistry.getSingleMetric(name)!.get()).values;
    const operationCount = (await histogram('ubos_http_request_duration_seconds')).find((value: any) => value.metricName === 'ubos_http_request_duration_seconds_count' && value.labels.operation === 'NamedForMetrics');
    expect(operationCount?.value).toBe(1);
    expect(families.get('ubos_subgraph_fetch_duration_seconds').type).toBe('HISTOGRAM');
    expect((await histogram('ubos_subgraph_fetch_duration_seconds')).some((value: any) => value.labels.subgraph === 'identity' && value.metricName?.endsWith('_count') && value.value > 0)).toBe(true);
    expect((await histogram('ubos_sql_statement_duration_seconds')).some((value: any) => value.labels.kind === 'application' && value.metricName?.endsWith('_count') && value.value > 0)).toBe(true);
    for (const state of ['in_use', 'idle', 'waiting']) expect(gauge('ubos_db_pool_connections', { pool: 'identity', state })).toBeGreaterThanOrEqual(0);
    expect(families.has('ubos_rate_limit_refusals_total')).toBe(true);

    // Bounded labels: no id anywhere, and operation names capped.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    for (const family of families.values()) for (const metric of family.metrics) expect(JSON.stringify(metric.labels ?? {})).not.toMatch(uuid);
    const labels = new Set(Array.from({ length: 300 }, (_, index) => operationLabel(`Generated${index}`)));
    expect(labels.has('other')).toBe(true);
    expect(labels.size).toBeLessThanOrEqual(201);
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('has spaces')).toBe('other');
  });
});
