import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret, sealSecret, verifyWebhookSignature, webhookSignature } from '@ubos/quickbooks';
import { startQuickBooksStandIn, type QuickBooksStandIn } from '@ubos/quickbooks/standin';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The integrations subgraph through the gateway, without a worker: who may connect, what a bad
// callback answers, what the graph shows and never shows. The sync itself is worker/test/quickbooks.test.ts.

let standIn: QuickBooksStandIn;
let t: TestStack;
let owner: GraphQLClient;
let member: GraphQLClient;
let betaOwner: GraphQLClient;
const KEY = randomBytes(32).toString('hex');

const START = 'mutation($uri: String!) { connectQuickBooks(redirectUri: $uri) { authorizationUrl state } }';
const COMPLETE = 'mutation($code: String!, $state: String!, $realmId: String!) { completeQuickBooksConnection(code: $code, state: $state, realmId: $realmId) { status realmId } }';

async function approve(client: GraphQLClient, realmId: string) {
  standIn.approveAs(realmId);
  const started = await client.request(START, { uri: 'https://app.example.com/cb' });
  const location = new URL((await fetch(started.data.connectQuickBooks.authorizationUrl, { redirect: 'manual' })).headers.get('location')!);
  return { code: location.searchParams.get('code')!, state: location.searchParams.get('state')!, realmId: location.searchParams.get('realmId')! };
}

describe('the integrations subgraph', () => {
  beforeAll(async () => {
    standIn = await startQuickBooksStandIn();
    Object.assign(process.env, standIn.env(), { UBOS_INTEGRATION_KEY: KEY });
    t = await startTestStack();
    owner = await t.as('alpha');
    betaOwner = await t.as('beta');
    member = await t.anonymous.login('member@alpha.test');
  });
  afterAll(async () => {
    await t?.close();
    await standIn?.close();
  });

  it('shows the seeded connection and conflict to owners, and refuses members', async () => {
    const listed = await owner.request('{ integrations { provider status realmId lag pendingCount conflictCount failedCount lastError syncing } }');
    expect(listed.errors).toBeUndefined();
    expect(listed.data.integrations).toEqual([
      { provider: 'QUICKBOOKS', status: 'NEEDS_REAUTH', realmId: 'demo-alpha', lag: expect.any(Number), pendingCount: 0, conflictCount: 1, failedCount: 0, lastError: expect.stringContaining('connect QuickBooks'), syncing: false },
    ]);
    expect(listed.data.integrations[0].lag).toBeGreaterThan(0);
    const denied = await member.request('{ integrations { status } }');
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const mutation of ['mutation { connectQuickBooks(redirectUri: "https://app.example.com/cb") { state } }', 'mutation { resyncIntegration(provider: QUICKBOOKS) { status } }', 'mutation { disconnectIntegration(provider: QUICKBOOKS) { status } }']) {
      expect((await member.request(mutation)).errors?.[0]?.extensions?.code, mutation).toBe('FORBIDDEN');
    }
    // Client.quickBooks: both sides of the conflict, to every member who may read the client.
    const clients = await member.request('{ clients(first: 10) { edges { node { quickBooks { __typename customerId syncState conflict { fields ubos quickBooks } } } } } }');
    const synced = clients.data.clients.edges.map((edge: any) => edge.node.quickBooks).filter(Boolean);
    expect(synced).toEqual([{ __typename: 'QuickBooksCustomerSync', customerId: '1', syncState: 'CONFLICT', conflict: { fields: ['PrimaryPhone'], ubos: { PrimaryPhone: null }, quickBooks: { PrimaryPhone: '+1 555 0100' } } }]);
  });

  it('answers bad input with its field, and never a half-made connection', async () => {
    const notUrl = await owner.request(START, { uri: 'javascript:alert(1)' });
    expect(notUrl.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'redirectUri' });

    const good = await approve(owner, 'realm-a1');
    const forged = await owner.request(COMPLETE, { ...good, state: `${good.state.split('.')[0]}.AAAA` });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'state' });
    // Another organization's owner cannot finish alpha's connection with alpha's state.
    const foreign = await betaOwner.request(COMPLETE, good);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'state' });
    const badRealm = await owner.request(COMPLETE, { ...good, realmId: "1' or '1'='1" });
    expect(badRealm.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'realmId' });
    const badCode = await owner.request(COMPLETE, { ...good, code: 'code-never-issued' });
    expect(badCode.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(await t.db.admin("select status from integration_connections where organization_id = $1", [t.tenants.alpha!.organizationId])).toEqual([{ status: 'NEEDS_REAUTH' }]);
    expect(await t.db.admin('select 1 from integration_connection_secrets')).toEqual([]);

    // The good callback connects, once: the code is single-use.
    const done = await owner.request(COMPLETE, good);
    expect(done.data.completeQuickBooksConnection).toEqual({ status: 'CONNECTED', realmId: 'realm-a1' });
    const again = await owner.request(COMPLETE, good);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    // Another company than before: the old company's mappings go (core rows stay).
    expect(await t.db.admin('select 1 from integration_quickbooks_customers where organization_id = $1', [t.tenants.alpha!.organizationId])).toEqual([]);
    // The audit names who connected; no token is anywhere in it.
    const events = await t.db.admin<{ changes: unknown }>("select changes from activity_events where organization_id = $1 and entity_type = 'IntegrationConnection'", [t.tenants.alpha!.organizationId]);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(events)).not.toMatch(/(at|rt)-[0-9a-f]{32}|v1\./);
    // The introspected schema has no field that could carry a token.
    const fields = await owner.request('{ __type(name: "Integration") { fields { name } } }');
    expect(fields.data.__type.fields.map((field: any) => field.name).join(' ')).not.toMatch(/token|secret/i);
  });

  it('resolves only conflicts, and names the id at fault', async () => {
    const [row] = await t.db.admin<{ id: string }>('select id from integration_quickbooks_customers where organization_id = $1', [t.tenants.beta!.organizationId]);
    const wrongState = await betaOwner.request('mutation($id: ID!) { resolveQuickBooksConflict(id: $id, keep: UBOS) { id syncState } }', { id: row!.id });
    expect(wrongState.data.resolveQuickBooksConflict).toEqual({ id: row!.id, syncState: 'PENDING' });
    const twice = await betaOwner.request('mutation($id: ID!) { resolveQuickBooksConflict(id: $id, keep: UBOS) { id } }', { id: row!.id });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    const notAnId = await betaOwner.request('mutation { resolveQuickBooksConflict(id: "nope", keep: UBOS) { id } }');
    expect(notAnId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const events = await t.db.admin("select payload from outbox where organization_id = $1 and event_type = 'QuickBooksConflictResolved'", [t.tenants.beta!.organizationId]);
    expect(events).toEqual([{ payload: { kind: 'CUSTOMER', entityId: expect.any(String), keep: 'UBOS' } }]);
    // resync needs a live connection.
    const resync = await betaOwner.request('mutation { resyncIntegration(provider: QUICKBOOKS) { status } }');
    expect(resync.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'provider' });
  });

  it('seals tokens to their tenant and column, and checks webhook signatures', () => {
    const key = Buffer.from(KEY, 'hex');
    const sealed = sealSecret(key, 'at-secret', 'org-a:quickbooks:access');
    expect(openSecret(key, sealed, 'org-a:quickbooks:access')).toBe('at-secret');
    expect(() => openSecret(key, sealed, 'org-b:quickbooks:access')).toThrow();
    expect(() => openSecret(key, sealed, 'org-a:quickbooks:refresh')).toThrow();
    expect(() => openSecret(randomBytes(32), sealed, 'org-a:quickbooks:access')).toThrow();
    const body = '{"eventNotifications":[]}';
    expect(verifyWebhookSignature('verifier', body, webhookSignature('verifier', body))).toBe(true);
    expect(verifyWebhookSignature('verifier', `${body} `, webhookSignature('verifier', body))).toBe(false);
    expect(verifyWebhookSignature('verifier', body, undefined)).toBe(false);
  });
});
