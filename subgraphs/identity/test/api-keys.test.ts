import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// API keys are the identity subgraph's: created with their scopes and secret, listed, refused to
// members and to keys. Using a key at the gateway is tested in gateway/test/api-keys.test.ts.
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
  it('returns the secret once, stores only a hash, and lists keys without secrets', async () => {
    const { secret, apiKey } = await createKey(['crm:read']);
    expect(secret).toMatch(/^ubos_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`ubos_${apiKey.prefix}_`)).toBe(true);
    const [row] = await t.db.admin('select secret_hash from api_keys where id = $1', [apiKey.id]);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await t.db.admin('select * from api_keys'))).not.toContain(secret.slice(`ubos_${apiKey.prefix}_`.length));
    // Neither the audit trail nor the history carries the hash.
    expect(JSON.stringify(await t.db.admin('select changes from activity_events where entity_id = $1', [apiKey.id]))).not.toContain(row.secret_hash);
    const listed = await owner.request('{ apiKeys { id name scopes prefix } }');
    expect(listed.data.apiKeys).toContainEqual({ id: apiKey.id, name: 'Partner', scopes: ['crm:read'], prefix: apiKey.prefix });
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('refuses expired keys, unknown scopes, and key management by members or keys', async () => {
    const past = await owner.request('mutation { createApiKey(input: { name: "Old", scopes: ["crm:read"], expiresAt: "2020-01-01T00:00:00Z" }) { secret } }');
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    const unknown = await owner.request('mutation { createApiKey(input: { name: "X", scopes: ["crm:read", "everything"] }) { secret } }');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes.1' });
    const member = await t.anonymous.login('member@alpha.test');
    expect((await member.request('mutation { createApiKey(input: { name: "X", scopes: ["crm:read"] }) { secret } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await member.request('{ apiKeys { id } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { secret } = await createKey(['crm:read', 'identity:read']);
    const byKey = await t.anonymous.withToken(secret).request('mutation { createApiKey(input: { name: "X", scopes: ["crm:read"] }) { secret } }');
    expect(byKey.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // An expiry reached later: the key stops working once the database says it expired.
    const { secret: shortLived, apiKey } = await createKey(['crm:read'], { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await t.db.admin(`update api_keys set expires_at = now() - interval '1 second' where id = $1`, [apiKey.id]);
    expect((await t.anonymous.withToken(shortLived).request('{ clients { totalCount } }')).status).toBe(401);
  });
});
