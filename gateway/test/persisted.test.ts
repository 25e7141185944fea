import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Registered (persisted) operations: keys that accept nothing else, and APQ for apps.
let t: TestStack;
let owner: GraphQLClient;
const REGISTERED = 'query Count { clients { totalCount } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
});
afterAll(() => t?.close());

async function post(token: string | undefined, body: unknown) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('persisted operations', () => {
  it('registers operations by sha256, idempotently, for owners and admins', async () => {
    const first = await owner.request('mutation($ops: [PersistedOperationInput!]!) { registerPersistedOperations(operations: $ops) { sha256 name } }', { ops: [{ query: REGISTERED, name: 'Count' }] });
    expect(first.data.registerPersistedOperations).toEqual([{ sha256: sha256(REGISTERED), name: 'Count' }]);
    const again = await owner.request('mutation($ops: [PersistedOperationInput!]!) { registerPersistedOperations(operations: $ops) { sha256 } }', { ops: [{ query: REGISTERED }] });
    expect(again.data.registerPersistedOperations).toEqual([{ sha256: sha256(REGISTERED) }]);
    expect((await owner.request('{ persistedOperations { sha256 } }')).data.persistedOperations).toEqual([{ sha256: sha256(REGISTERED) }]);
    const invalid = await owner.request('mutation { registerPersistedOperations(operations: [{ query: "{ nope" }]) { sha256 } }');
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'operations.0.query' });
    const member = await t.anonymous.login('member@alpha.test');
    expect((await member.request('mutation { registerPersistedOperations(operations: [{ query: "{ __typename }" }]) { sha256 } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a persisted-only key run registered operations, by hash or by text, and nothing else', async () => {
    const created = await owner.request('mutation { createApiKey(input: { name: "Locked", scopes: ["crm:read"], persistedOnly: true }) { secret } }');
    const secret = created.data.createApiKey.secret;
    const byHash = await post(secret, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(REGISTERED) } } });
    expect(byHash.body.data).toEqual({ clients: { totalCount: 4 } });
    const byText = await post(secret, { query: REGISTERED });
    expect(byText.body.data).toEqual({ clients: { totalCount: 4 } });
    const other = await post(secret, { query: '{ clients { edges { node { name } } } }' });
    expect(other.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(other.body.data).toBeUndefined();
    const unknown = await post(secret, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } });
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Another organization's registrations are not this key's.
    const beta = await t.as('beta');
    const betaKey = (await beta.request('mutation { createApiKey(input: { name: "Beta locked", scopes: ["crm:read"], persistedOnly: true }) { secret } }')).data.createApiKey.secret;
    expect((await post(betaKey, { query: REGISTERED })).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('supports automatic persisted queries for apps', async () => {
    const query = '{ organization { slug } }';
    const hash = sha256(query);
    const miss = await post(owner.token, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await post(owner.token, { query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(register.body.data).toEqual({ organization: { slug: 'alpha' } });
    const hit = await post(owner.token, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(hit.body.data).toEqual({ organization: { slug: 'alpha' } });
  });
});
