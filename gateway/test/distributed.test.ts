import http from 'node:http';
import type { AddressInfo } from 'node:net';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { seedDemo, findFreePort, type SeededOrganization } from '@ubos/db';
import { SUBGRAPH_NAMES } from '@ubos/gateway';
import { createTokenService, eventDeliveryOperation, generateInternalSecret, INTERNAL_CONTEXT_HEADER, InternalContextSigner, type TokenService } from '@ubos/kernel';
import { defineCrossTenantSuite, ISOLATION_SUITE_ENV } from '@ubos/test-support/cross-tenant';
import { createTestDatabase, type TestDatabase } from '@ubos/test-support/database';
import { startProcess, waitForHealth, type RunningProcess } from '@ubos/test-support/processes';
import { defineErrorParitySuite, INTERNAL_FAILURE } from '@ubos/test-support/error-parity';
import { defineMutationFieldsSuite } from '@ubos/test-support/mutation-fields';
import { GraphQLClient, TEST_ORGANIZATIONS } from '@ubos/test-support/stack';
import { webhookSignature } from '@ubos/quickbooks';

// Distributed mode: each subgraph and the gateway in a process of its own, talking HTTP.
let db: TestDatabase;
let tenants: Record<string, SeededOrganization>;
const processes: RunningProcess[] = [];
const subgraphUrls: Record<string, string> = {};
let gateway: GraphQLClient;
const secret = generateInternalSecret();
let tokens: TokenService;

/**
 * What stands between the gateway and the timeline subgraph, as a load balancer would: it
 * passes every request through, and while `failing` answers 500 with an internal body, as a
 * crashed subgraph or its proxy does.
 */
let timelineFails = false;
let timelineFront: http.Server;
async function startTimelineFront(target: string): Promise<string> {
  timelineFront = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (timelineFails) {
      res.writeHead(500, { 'content-type': 'application/json', server: 'subgraph-timeline/10.20.30.40' });
      res.end(JSON.stringify({ errors: [{ message: INTERNAL_FAILURE.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: INTERNAL_FAILURE.stack.split('\n') } }] }));
      return;
    }
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers: { 'content-type': 'application/json', [INTERNAL_CONTEXT_HEADER]: String(req.headers[INTERNAL_CONTEXT_HEADER] ?? '') },
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => timelineFront.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(timelineFront.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  db = await createTestDatabase(inject('ubosDatabase'));
  tenants = await seedDemo(db.adminUrl, TEST_ORGANIZATIONS);
  const keys = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const pems = { privateKeyPem: await exportPKCS8(keys.privateKey), publicKeyPem: await exportSPKI(keys.publicKey) };
  tokens = await createTokenService(pems);
  const shared = {
    UBOS_INTERNAL_SECRET: secret,
    UBOS_JWT_PRIVATE_KEY: pems.privateKeyPem,
    UBOS_JWT_PUBLIC_KEY: pems.publicKeyPem,
    APP_DATABASE_URL: db.appUrl,
    DATABASE_URL: undefined,
    UBOS_DEMO: '0',
    // Ten subgraph processes next to the other test files' stacks: small pools, and their errors in the output.
    UBOS_DB_POOL_MAX: '3',
    UBOS_QUIET_ERRORS: '0',
    LOG_FORMAT: 'json',
    UBOS_QUICKBOOKS_WEBHOOK_VERIFIER: 'distributed-verifier',
    ...ISOLATION_SUITE_ENV,
  };
  for (const name of SUBGRAPH_NAMES) {
    const port = await findFreePort();
    subgraphUrls[name] = `http://127.0.0.1:${port}`;
    processes.push(startProcess(`subgraphs/${name}/src/main.ts`, { ...shared, PORT: String(port) }));
  }
  const gatewayPort = await findFreePort();
  const gatewaySees = { ...subgraphUrls, timeline: await startTimelineFront(subgraphUrls.timeline!) };
  const gatewayProcess = startProcess('gateway/src/main.ts', {
    ...shared,
    PORT: String(gatewayPort),
    UBOS_SUBGRAPH_URLS: Object.entries(gatewaySees).map(([name, url]) => `${name}=${url}/graphql`).join(','),
  });
  processes.push(gatewayProcess);
  await Promise.all(Object.values(subgraphUrls).map((url, index) => waitForHealth(url, processes[index])));
  await waitForHealth(`http://127.0.0.1:${gatewayPort}`, gatewayProcess);
  gateway = new GraphQLClient(`http://127.0.0.1:${gatewayPort}`);
}, 180_000);

afterAll(async () => {
  // Masked errors are logged by the process that masked them: show them, so a failure here says why.
  const logged = processes.flatMap((child) => child.output().split('\n').filter((line) => line.includes('"level":"error"')));
  if (logged.length > 0) console.error(logged.slice(0, 20).join('\n'));
  await Promise.all(processes.map((process) => process.stop()));
  timelineFront?.close();
});

async function postToSubgraph(name: string, body: { query: string; variables?: Record<string, unknown> }, header?: string) {
  const response = await fetch(`${subgraphUrls[name]}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header ? { [INTERNAL_CONTEXT_HEADER]: header } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('subgraphs reject requests without a valid gateway signature', () => {
  const entities = (id: string) => ({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id name } } }',
    variables: { r: [{ __typename: 'Client', id }] },
  });

  it('accepts a correctly signed _entities request (the control)', async () => {
    const alphaClient = (await db.admin('select id from clients where organization_id = $1 limit 1', [tenants.alpha!.organizationId]))[0].id;
    const request = entities(alphaClient);
    const header = new InternalContextSigner(secret).sign({ requestId: 't', organizationId: tenants.alpha!.organizationId, actor: { kind: 'anonymous' } }, request.query, request.variables);
    const result = await postToSubgraph('crm', request, header);
    expect(result.status).toBe(200);
    expect(result.body.data._entities[0].id).toBe(alphaClient);
  });

  it.each([
    ['_service without a signature', 'crm', { query: '{ _service { sdl } }' }, undefined],
    ['_entities without a signature', 'crm', entities('019b0000-0000-7000-8000-000000000000'), undefined],
    ['a query without a signature', 'projects', { query: '{ projects { totalCount } }' }, undefined],
    ['an audit query without a signature', 'timeline', { query: '{ activity { totalCount } }' }, undefined],
    ['login without a signature', 'identity', { query: 'mutation { login(email: "owner@alpha.test", password: "ubos-demo") { token } }' }, undefined],
  ])('refuses %s', async (_case, name, body, header) => {
    const result = await postToSubgraph(name, body, header);
    expect(result.status).toBe(401);
    expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(result.body.data).toBeUndefined();
  });

  it('refuses a signature made with another secret, and a valid signature replayed for another operation', async () => {
    const context = { requestId: 't', organizationId: tenants.alpha!.organizationId, actor: { kind: 'anonymous' as const } };
    const request = { query: '{ _service { sdl } }' };
    const forged = new InternalContextSigner(generateInternalSecret()).sign(context, request.query, undefined);
    expect((await postToSubgraph('crm', request, forged)).status).toBe(401);
    const signedForOther = new InternalContextSigner(secret).sign(context, '{ __typename }', undefined);
    expect((await postToSubgraph('crm', request, signedForOther)).status).toBe(401);
    const tampered = new InternalContextSigner(secret).sign(context, request.query, undefined);
    const [payload, mac] = tampered.split('.');
    const changed = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), organizationId: tenants.beta!.organizationId })).toString('base64url');
    expect((await postToSubgraph('crm', request, `${changed}.${mac}`)).status).toBe(401);
  });
});

describe('client merge over HTTP subgraphs', () => {
  it('delivers ClientsMerged from the gateway to each subgraph process, and a subgraph refuses an unsigned delivery', async () => {
    // In beta: the cross-tenant suite below counts alpha's clients against its lists, and a merged client is a deleted one.
    const owner = await gateway.login('owner@beta.test');
    const made = await Promise.all(['Umbrella', 'Umbrella Corp'].map(async (name) => (await owner.request('mutation($n: String!) { createClient(input: { name: $n }) { id } }', { n: name })).data.createClient.id as string));
    await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Hive" }) { id } }', { c: made[1] });
    const merged = await owner.request('mutation($s: ID!, $d: [ID!]!) { mergeClients(survivorId: $s, duplicateIds: $d) { id status } }', { s: made[0], d: [made[1]] });
    expect(merged.data.mergeClients.status).toBe('APPLYING');
    // What the worker does with the outbox row (no worker runs here).
    const [row] = await db.admin(`select * from outbox where event_type = 'ClientsMerged' and aggregate_id = $1`, [merged.data.mergeClients.id]);
    const event = {
      id: row.id, organizationId: row.organization_id, type: row.event_type, aggregateType: row.aggregate_type, aggregateId: row.aggregate_id,
      payload: row.payload, actor: row.actor, requestId: row.request_id, occurredAt: new Date(row.occurred_at).toISOString(),
    };
    const unsigned = await fetch(`${subgraphUrls.projects}/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ event, phase: 'first' }) });
    expect(unsigned.status).toBe(401);
    const wrongPhase = new InternalContextSigner(secret).sign({ requestId: 't', organizationId: event.organizationId, actor: { kind: 'anonymous' } }, eventDeliveryOperation('last'), event);
    expect((await fetch(`${subgraphUrls.projects}/events`, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_CONTEXT_HEADER]: wrongPhase }, body: JSON.stringify({ event, phase: 'first' }) })).status).toBe(401);
    const delivered = await fetch(`${gateway.url}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokens.signDelivery({ organizationId: event.organizationId, eventId: event.id })}` },
      body: JSON.stringify({ event }),
    });
    expect(delivered.status).toBe(200);
    expect(((await delivered.json()) as { handled: string[] }).handled).toEqual(expect.arrayContaining(['projects:first', 'crm:last']));
    const after = await owner.request('query($id: ID!, $d: ID!) { clientMerge(id: $id) { status } client(id: $d) { id projects { edges { node { name } } } } }', { id: merged.data.mergeClients.id, d: made[1] });
    expect(after.data).toEqual({ clientMerge: { status: 'COMPLETED' }, client: { id: made[0], projects: { edges: [{ node: { name: 'Hive' } }] } } });
  });
});

describe("QuickBooks' webhook over HTTP subgraphs", () => {
  it('queues a signed notification in the tenant connected to its realm, through the integrations subgraph, and refuses an unsigned one', async () => {
    const organizationId = tenants.alpha!.organizationId;
    await db.admin(
      `insert into integration_connections (organization_id, provider, realm_id, status, connected_by, connected_at) values ($1, 'QUICKBOOKS', 'realm-distributed', 'CONNECTED', 'system', now())
       on conflict (organization_id, provider) do update set realm_id = excluded.realm_id, status = 'CONNECTED'`,
      [organizationId],
    );
    const body = JSON.stringify({ eventNotifications: [{ realmId: 'realm-distributed', dataChangeEvent: { entities: [{ name: 'Payment', id: '42', operation: 'Create', lastUpdated: '2026-12-01T00:00:00Z' }] } }] });
    const post = (signature?: string) =>
      fetch(`${gateway.url}/integrations/quickbooks/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'intuit-signature': signature } : {}) }, body });
    expect((await post()).status).toBe(401);
    const answer = await post(webhookSignature('distributed-verifier', body));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ queued: 1 });
    const events = await db.admin<{ organization_id: string; actor: string; payload: any }>("select organization_id, actor, payload from outbox where event_type = 'QuickBooksChangeNotified'");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ organization_id: organizationId, actor: expect.stringMatching(/^integration:/), payload: { realmId: 'realm-distributed', entities: [{ name: 'Payment', id: '42', operation: 'Create' }] } });
  });
});

describe('the gateway over HTTP subgraphs', () => {
  it('serves a query across subgraphs', async () => {
    const alpha = await gateway.login('owner@alpha.test');
    const result = await alpha.request('{ me { email } clients(first: 2) { edges { node { name projects { totalCount edges { node { client { name } } } } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.me.email).toBe('owner@alpha.test');
    const [first] = result.data.clients.edges;
    expect(first.node.projects.edges[0].node.client.name).toBe(first.node.name);
  });
});

describe('/metrics of a subgraph process', () => {
  /** A process's /metrics through a real Prometheus text parser: family name to its samples. */
  async function scrape(url: string): Promise<Map<string, any>> {
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return new Map(parsePrometheusTextFormat(await response.text()).map((family: any) => [family.name, family]));
  }
  const value = (families: Map<string, any>, name: string, labels: Record<string, string>) => {
    const sample = families.get(name)?.metrics.find((metric: any) => Object.entries(labels).every(([key, wanted]) => metric.labels?.[key] === wanted));
    return sample === undefined ? undefined : Number(sample.value);
  };

  it('serves its own SQL statements, their latency and its pool, and the identity process every tenant\'s data quality', async () => {
    const before = await scrape(subgraphUrls.crm!);
    const alpha = await gateway.login('owner@alpha.test');
    expect((await alpha.request('{ clients(first: 2) { edges { node { name } } } }')).errors).toBeUndefined();
    const crm = await scrape(subgraphUrls.crm!);
    // The crm process sent the page's statements itself: its counters moved, the gateway's are elsewhere.
    expect(value(crm, 'ubos_sql_statements_total', { kind: 'application' })!).toBeGreaterThan(value(before, 'ubos_sql_statements_total', { kind: 'application' })!);
    expect(value(crm, 'ubos_sql_statements_total', { kind: 'transaction_control' })!).toBeGreaterThan(0);
    const latency = crm.get('ubos_sql_statement_duration_seconds');
    expect(latency.type).toBe('HISTOGRAM');
    // The parser keeps a histogram's buckets (it drops their labels): statements were timed.
    expect(latency.metrics.some((metric: any) => Number(metric.buckets['+Inf']) > 0)).toBe(true);
    for (const state of ['in_use', 'idle', 'waiting']) expect(value(crm, 'ubos_db_pool_connections', { pool: 'crm', state })).toBeGreaterThanOrEqual(0);
    // Only its own pool: the other subgraphs' pools are in their processes.
    expect(crm.get('ubos_db_pool_connections').metrics.every((metric: any) => metric.labels.pool === 'crm')).toBe(true);

    // The identity process keeps the tenants' data quality (its first refresh runs as it starts).
    let identity = await scrape(subgraphUrls.identity!);
    for (let attempt = 0; attempt < 100 && !value(identity, 'ubos_data_quality_refresh_seconds', {}); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      identity = await scrape(subgraphUrls.identity!);
    }
    expect(value(identity, 'ubos_tenant_schema_version', { tenant: 'alpha' })).toBe(1);
    expect(value(identity, 'ubos_tenant_data_completeness_ratio', { tenant: 'beta' })).toBeGreaterThan(0);
    expect(value(identity, 'ubos_data_quality_refresh_seconds', {})).toBeGreaterThan(0);
    expect(crm.get('ubos_tenant_schema_version')?.metrics ?? []).toEqual([]);
  });
});

defineCrossTenantSuite(async () => ({
  actor: await gateway.login('owner@alpha.test'),
  actorOrganizationId: tenants.alpha!.organizationId,
  foreignOrganizationIds: [tenants.beta!.organizationId, tenants.gamma!.organizationId],
  db,
}));

describe('several mutation fields in one operation, distributed', () => {
  let owner: GraphQLClient;
  let clientId: string;
  beforeAll(async () => {
    owner = await gateway.login('owner@alpha.test');
    clientId = (await owner.request('{ clients(first: 1) { edges { node { id } } } }')).data.clients.edges[0].node.id;
  });
  defineMutationFieldsSuite(() => ({ client: owner, db, clientId }));
});

describe('errors, distributed: the same answers as one process (gateway/test/errors.test.ts)', () => {
  let owner: GraphQLClient;
  let member: GraphQLClient;
  beforeAll(async () => {
    owner = await gateway.login('owner@alpha.test');
    member = await gateway.login('member@alpha.test');
  });
  defineErrorParitySuite(() => ({
    anonymous: gateway,
    owner,
    member,
    db,
    async whileTimelineFails(request) {
      timelineFails = true;
      try {
        return await request();
      } finally {
        timelineFails = false;
      }
    },
  }));
});
