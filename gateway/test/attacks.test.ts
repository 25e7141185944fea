import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { SignJWT, importPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_AUDIENCE, JWT_ISSUER } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Hostile callers through a real gateway over HTTP: forged tokens, and random or mutated
// documents and variables. None may cause a 500, a stack trace or a foreign tenant's data.
let t: TestStack;
let owner: GraphQLClient;
let foreignIds: string[];

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  foreignIds = (await t.db.admin<{ id: string }>(
    `select id::text from clients where organization_id <> $1 union all select id::text from projects where organization_id <> $1 union all select id::text from contacts where organization_id <> $1`,
    [t.tenants.alpha!.organizationId],
  )).map((row) => row.id);
});
afterAll(() => t?.close());

const claims = () => ({ org: t.tenants.alpha!.organizationId, role: 'OWNER' });
const userId = () => t.tenants.alpha!.userIds['owner@alpha.test']!;

async function realKey() {
  return importPKCS8(fs.readFileSync(path.join(t.config.dataDir, 'keys', 'jwt-private.pem'), 'utf8'), 'EdDSA');
}

describe('forged tokens', () => {
  it.each([
    ['alg none', async () => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims(), sub: userId(), iss: JWT_ISSUER, aud: JWT_AUDIENCE, exp: 9_999_999_999 })).toString('base64url')}.`],
    ['HS256 signed with the public key', async () => new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).setSubject(userId()).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setExpirationTime('1h').sign(new TextEncoder().encode(fs.readFileSync(path.join(t.config.dataDir, 'keys', 'jwt-public.pem'), 'utf8')))],
    ['a wrong audience', async () => new SignJWT(claims()).setProtectedHeader({ alg: 'EdDSA' }).setSubject(userId()).setIssuer(JWT_ISSUER).setAudience('someone-else').setExpirationTime('1h').sign(await realKey())],
    ['a wrong issuer', async () => new SignJWT(claims()).setProtectedHeader({ alg: 'EdDSA' }).setSubject(userId()).setIssuer('evil').setAudience(JWT_AUDIENCE).setExpirationTime('1h').sign(await realKey())],
    ['an expired token', async () => new SignJWT(claims()).setProtectedHeader({ alg: 'EdDSA' }).setSubject(userId()).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setIssuedAt(1_600_000_000).setExpirationTime(1_600_000_600).sign(await realKey())],
    ['no organization', async () => new SignJWT({ role: 'OWNER' }).setProtectedHeader({ alg: 'EdDSA' }).setSubject(userId()).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setExpirationTime('1h').sign(await realKey())],
    ['another platform\'s key', async () => new SignJWT(claims()).setProtectedHeader({ alg: 'EdDSA' }).setSubject(userId()).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setExpirationTime('1h').sign((await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey)],
  ])('refuses %s with UNAUTHENTICATED', async (_case, makeToken) => {
    const result = await t.anonymous.withToken(await makeToken()).request('{ clients { totalCount } }');
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeUndefined();
  });

  it('accepts the same token when it is genuine (the control)', async () => {
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'EdDSA' }).setSubject(userId()).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setExpirationTime('1h').sign(await realKey());
    expect((await t.anonymous.withToken(token).request('{ clients { totalCount } }')).data.clients.totalCount).toBe(4);
  });
});

const VALID_DOCUMENTS = [
  'query($id: ID!) { client(id: $id) { id name contacts { edges { node { id } } } projects { edges { node { id tasks { totalCount } } } } } }',
  'query($id: ID!) { project(id: $id) { id name client { id name } } }',
  'query($after: String, $first: Int) { clients(first: $first, after: $after) { totalCount edges { cursor node { id } } } }',
  'mutation($id: ID!, $name: String) { updateClient(id: $id, input: { name: $name }) { id name } }',
  'mutation($id: ID!) { deleteClient(id: $id) { id } }',
  'query($id: ID!, $at: DateTime) { client(id: $id, asOf: $at) { id history { edges { node { version } } } } }',
  '{ activity(first: 5) { edges { node { entityId changes } } } }',
];

const mutate = (document: string) =>
  fc.oneof(
    fc.constant(document),
    fc.tuple(fc.nat({ max: document.length }), fc.nat({ max: 5 }), fc.string({ maxLength: 6 })).map(([at, remove, insert]) => document.slice(0, at) + insert + document.slice(at + remove)),
  );

const anyValue = () =>
  fc.oneof(
    fc.constantFrom(...foreignIds),
    fc.uuid(),
    fc.string({ maxLength: 20 }),
    fc.integer({ min: -1000, max: 1_000_000 }),
    fc.constant(null),
    fc.constantFrom('2026-01-01T00:00:00Z', 'not-a-date', 'W10=', '__proto__'),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  );

describe('random and mutated operations', () => {
  it('never answer a 500, a stack trace or another tenant\'s data', async () => {
    const foreign = new Set(foreignIds);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VALID_DOCUMENTS).chain(mutate),
        fc.record({ id: anyValue(), name: anyValue(), after: anyValue(), first: anyValue(), at: anyValue() }, { requiredKeys: [] }),
        async (query, variables) => {
          const result = await owner.request(query, variables as Record<string, unknown>);
          expect(result.status).toBeLessThan(500);
          const text = JSON.stringify(result);
          expect(text).not.toMatch(/stacktrace|\bat [\w.]+ \(|node_modules|\.ts:\d+/);
          for (const error of result.errors ?? []) expect(error.extensions?.code).toBeTypeOf('string');
          const leaked = (JSON.stringify(result.data ?? null).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []).filter((id) => foreign.has(id));
          expect(leaked).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
    // Nothing of the other tenants changed under the barrage.
    const [changed] = await t.db.admin(`select count(*)::int as count from activity_events where organization_id <> $1 and actor like 'user:%'`, [t.tenants.alpha!.organizationId]);
    expect(changed.count).toBe(0);
  }, 180_000);
});
