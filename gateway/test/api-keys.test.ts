import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Partners on the public graph: API keys of one organization, with scopes, as the gateway
// authenticates them. Managing keys is tested in subgraphs/identity/test/api-keys.test.ts.
let t: TestStack;
let owner: GraphQLClient;

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
});
afterAll(() => t?.close());

async function createKey(scopes: string[], extra: Record<string, unknown> = {}) {
  const result = await owner.request('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name scopes prefix } } }', {
    input: { name: 'Partner', scopes, ...extra },
  });
  expect(result.errors).toBeUndefined();
  return result.data.createApiKey as { secret: string; apiKey: { id: string; scopes: string[]; prefix: string } };
}

describe('API keys', () => {
  it('lets a key act for its organization within its scopes, audited as the key', async () => {
    const { secret, apiKey } = await createKey(['crm:read', 'crm:write']);
    const partner = t.anonymous.withToken(secret);
    const clients = await partner.request('{ clients { totalCount } }');
    expect(clients.data.clients.totalCount).toBe(4);
    const created = await partner.request('mutation { createClient(input: { name: "From a partner" }) { id } }');
    const [event] = await t.db.admin('select actor from activity_events where entity_id = $1', [created.data.createClient.id]);
    expect(event.actor).toBe(`apikey:${apiKey.id}`);
  });

  it('answers FORBIDDEN, naming the scope, for a field outside the key\'s scopes', async () => {
    const { secret } = await createKey(['crm:read']);
    const partner = t.anonymous.withToken(secret);
    const write = await partner.request('mutation { createClient(input: { name: "Nope" }) { id } }');
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'crm:write' });
    const nested = await partner.request('{ clients(first: 1) { edges { node { name projects { totalCount } } } } }');
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'projects:read' });
    expect(nested.data).toBeUndefined();
    expect((await partner.request('{ me { id } }')).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'identity:read' });
    expect((await t.db.admin(`select count(*)::int as count from clients where name = 'Nope'`))[0].count).toBe(0);
  });

  it('keeps the gateway\'s own key lookup out of the public graph', async () => {
    const probe = await owner.request('{ apiKeyPrincipal(secret: "ubos_x") { organizationId } }');
    expect(probe.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('applies a key\'s own request limits instead of the defaults', async () => {
    const created = await owner.request('mutation { createApiKey(input: { name: "Shallow", scopes: ["crm:read", "projects:read"], limits: { maxDepth: 3 } }) { secret apiKey { limits { maxDepth maxCost } } } }');
    expect(created.data.createApiKey.apiKey.limits).toEqual({ maxDepth: 3, maxCost: null });
    const shallow = t.anonymous.withToken(created.data.createApiKey.secret);
    expect((await shallow.request('{ clients { totalCount } }')).data.clients.totalCount).toBeGreaterThan(3);
    const deep = await shallow.request('{ clients { edges { node { projects { edges { node { id } } } } } } }');
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth' });
    // The same query is fine for the owner, under the default depth.
    expect((await owner.request('{ clients { edges { node { projects { edges { node { id } } } } } } }')).errors).toBeUndefined();
    const invalid = await owner.request('mutation { createApiKey(input: { name: "X", scopes: ["crm:read"], limits: { maxCost: 0 } }) { secret } }');
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.limits.maxCost' });
  });

  it('refuses introspection for keys', async () => {
    const { secret } = await createKey(['crm:read']);
    const result = await t.anonymous.withToken(secret).request('{ __schema { queryType { name } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stops accepting a revoked key, and never accepted a wrong one', async () => {
    const { secret, apiKey } = await createKey(['crm:read']);
    const revoked = await owner.request('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id });
    expect(revoked.data.revokeApiKey.revokedAt).toBeTruthy();
    // The key was never used, so the gateway has no cached answer for it and the revocation
    // holds at once; a key in use may keep working for up to 30 s (the gateway's cache).
    const fresh = await t.anonymous.withToken(secret).request('{ clients { totalCount } }');
    expect(fresh.status).toBe(401);
    const tampered = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    const wrong = await t.anonymous.withToken(tampered).request('{ clients { totalCount } }');
    expect(wrong.status).toBe(401);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
