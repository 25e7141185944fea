import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '@ubos/test-support/stack';

// The identity subgraph through the gateway: logging in, `me`, the organization and its members.
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.close());

describe('authentication', () => {
  it('logs in with email and password and answers me', async () => {
    const login = await t.anonymous.request('mutation { login(email: "OWNER@alpha.test", password: "ubos-demo") { token role user { email } organization { name slug } organizations { name role } } }');
    expect(login.errors).toBeUndefined();
    expect(login.data.login).toMatchObject({ role: 'OWNER', user: { email: 'owner@alpha.test' }, organization: { name: 'Tenant alpha', slug: 'alpha' } });
    const me = await t.anonymous.withToken(login.data.login.token).request('{ me { email membership { role } } organization { slug members { totalCount } } }');
    expect(me.data).toEqual({ me: { email: 'owner@alpha.test', membership: { role: 'OWNER' } }, organization: { slug: 'alpha', members: { totalCount: 2 } } });
  });

  it('answers UNAUTHENTICATED for a wrong password and for an unknown email alike', async () => {
    const wrong = await t.anonymous.request('mutation { login(email: "owner@alpha.test", password: "nope") { token } }');
    const unknown = await t.anonymous.request('mutation { login(email: "nobody@alpha.test", password: "nope") { token } }');
    for (const result of [wrong, unknown]) {
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0]?.message).toBe('Invalid email or password');
      expect(result.data).toEqual({ login: null });
    }
  });

  it('lets a user of several organizations choose one at login; the token carries exactly that one', async () => {
    const both = t.tenants.alpha!;
    await t.db.admin('insert into memberships (organization_id, id, user_id, role) values ($1, ubos_uuid_v7(), $2, $3)', [t.tenants.beta!.organizationId, both.userIds['owner@alpha.test'], 'MEMBER']);
    const login = await t.anonymous.request('mutation($org: ID) { login(email: "owner@alpha.test", password: "ubos-demo", organizationId: $org) { role organization { slug } organizations { name } } }', { org: t.tenants.beta!.organizationId });
    expect(login.data.login).toMatchObject({ role: 'MEMBER', organization: { slug: 'beta' } });
    expect(login.data.login.organizations).toHaveLength(2);
    const notMine = await t.anonymous.request('mutation($org: ID) { login(email: "owner@alpha.test", password: "ubos-demo", organizationId: $org) { token } }', { org: t.tenants.gamma!.organizationId });
    expect(notMine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
