import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '@ubos/kernel';
import { startTestStack, type GraphQLResult, type TestStack } from '@ubos/test-support/stack';
import { TEST_WORKER_SETTINGS, prepareWorkerDatabase } from '@ubos/test-support/worker';
import { WorkerDatabase, deliverPendingMail, startWorker, type RunningWorker } from '@ubos/worker';

// The accounts lifecycle through the gateway, against real PostgreSQL, with the worker's mail
// step writing mail into a folder that the tests read: sign-up, invitations, sessions, password
// change and reset, members and roles, and brute-force limits. The gateway of this stack trusts
// what it knows of a session for an hour (testConfig), so every "at once" below is the
// same-process invalidation; sessions.test.ts tests the recheck interval.

let t: TestStack;
let worker: RunningWorker;
let workerUrl: string;
const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-mail-'));
const PASSWORD = 'a fine long passphrase';

interface Caller {
  token?: string;
  /** The client address to send from (any 127.x address is this machine). */
  from?: string;
}

/** A request through the gateway, from a chosen loopback address so that rate limits per address can be told apart. */
function gql<Data = any>(query: string, variables: Record<string, unknown> = {}, caller: Caller = {}): Promise<GraphQLResult<Data>> {
  const url = new URL(`${t.url}/graphql`);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: caller.from ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'accounts-test/1.0',
          ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ ...JSON.parse(Buffer.concat(chunks).toString('utf8')), status: response.statusCode! }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.field;

const SESSION = 'token refreshToken expiresAt refreshTokenExpiresAt role session { id current } organization { id slug } user { id email }';

async function login(email: string, password = 'ubos-demo', organizationId?: string) {
  const result = await gql(`mutation($email: String!, $password: String!, $org: ID) { login(email: $email, password: $password, organizationId: $org) { ${SESSION} } }`, { email, password, org: organizationId });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.login as { token: string; refreshToken: string; role: string; session: { id: string }; organization: { id: string }; user: { id: string } };
}

/** The mail the worker delivered to `to`, newest last (the worker is asked to deliver first). */
async function mailTo(to: string): Promise<Array<{ subject: string; text: string; token: string }>> {
  await worker.deliverMailNow();
  return fs
    .readdirSync(mailDir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => fs.readFileSync(path.join(mailDir, name), 'utf8'))
    .filter((raw) => new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}$`, 'm').test(raw))
    .map((raw) => {
      const [head, ...rest] = raw.split('\n\n');
      const text = rest.join('\n\n').replace(/=\n/g, '').replace(/=3D/g, '=');
      return { subject: /^Subject: (.*)$/m.exec(head!)![1]!, text, token: /^Token: (\S+)$/m.exec(text)![1]! };
    });
}

const ME = '{ me { id email membership { role } } }';

beforeAll(async () => {
  t = await startTestStack({ config: { rateLimits: { ...DEFAULT_RATE_LIMITS, actor: null, tenant: null, login: { rate: 0.01, burst: 100 }, account: { rate: 0.01, burst: 12 } } } });
  workerUrl = await prepareWorkerDatabase(t.db.adminUrl);
  worker = await startWorker({
    databaseUrl: workerUrl,
    gatewayUrl: t.url,
    tokens: t.stack.tokens,
    // The test asks for delivery itself (deliverMailNow); the loop's own pace does not matter.
    settings: { ...TEST_WORKER_SETTINGS, dispatchIntervalMs: 600_000, mail: { ...TEST_WORKER_SETTINGS.mail, dir: mailDir } },
    log: () => undefined,
  });
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('sign-up', () => {
  it('creates an organization with its owner and default workflow, demo-free, and the owner adds the first client', async () => {
    const signUp = (input: Record<string, string>) => gql(`mutation($input: SignUpInput!) { signUp(input: $input) { ${SESSION} organizations { name role } } }`, { input });
    const base = { organizationName: 'Studio Nord', name: 'Nora North', email: '  Nora.North@Example.COM ' };
    expect([codeOf(await signUp({ ...base, password: 'short' })), fieldOf(await signUp({ ...base, password: 'short' }))]).toEqual(['BAD_USER_INPUT', 'input.password']);
    const common = await signUp({ ...base, password: 'qwertyuiop' });
    expect([codeOf(common), fieldOf(common), common.errors?.[0]?.message]).toEqual(['BAD_USER_INPUT', 'input.password', 'This password is one of the most common ones: choose another']);
    expect(fieldOf(await signUp({ ...base, email: 'not an address', password: PASSWORD }))).toBe('input.email');
    expect(fieldOf(await signUp({ ...base, organizationName: ' ', password: PASSWORD }))).toBe('input.organizationName');

    const created = await signUp({ ...base, password: PASSWORD });
    expect(created.errors).toBeUndefined();
    const session = created.data.signUp;
    expect(session).toMatchObject({ role: 'OWNER', organization: { slug: 'studio-nord' }, user: { email: 'nora.north@example.com' }, session: { current: true }, organizations: [{ name: 'Studio Nord', role: 'OWNER' }] });

    const first = await gql('mutation { createClient(input: { name: "First Client" }) { id name } }', {}, { token: session.token });
    expect(first.errors).toBeUndefined();
    const world = await gql('{ organization { name members { totalCount edges { node { role user { email } } } } } clients(first: 5) { totalCount } workflows(first: 5) { edges { node { name enabled } } } }', {}, { token: session.token });
    expect(world.data).toEqual({
      organization: { name: 'Studio Nord', members: { totalCount: 1, edges: [{ node: { role: 'OWNER', user: { email: 'nora.north@example.com' } } }] } },
      clients: { totalCount: 1 },
      workflows: { edges: [{ node: { name: 'Proposal accepted', enabled: true } }] },
    });
    // The owner's membership is audited like any row, as the owner's own act.
    const [event] = await t.db.admin("select actor from activity_events where organization_id = $1 and entity_type = 'Membership' and action = 'created'", [session.organization.id]);
    expect(event).toEqual({ actor: `user:${session.user.id}` });

    // The same address again: its password signs up a second organization, any other is refused.
    const taken = await signUp({ organizationName: 'Studio Nord', name: 'Nora', email: 'nora.north@example.com', password: 'another long passphrase' });
    expect([codeOf(taken), fieldOf(taken)]).toEqual(['CONFLICT', 'input.email']);
    const second = await signUp({ organizationName: 'Studio Nord', name: 'Nora', email: 'NORA.NORTH@example.com', password: PASSWORD });
    expect(second.data.signUp).toMatchObject({ organization: { slug: 'studio-nord-2' }, user: { id: session.user.id } });
    expect(second.data.signUp.organizations).toHaveLength(2);
  });
});

describe('invitations', () => {
  const INVITE = 'mutation($email: String!, $role: Role!) { inviteMember(input: { email: $email, role: $role }) { id email role status sentCount } }';
  const ACCEPT = `mutation($token: String!, $name: String, $password: String) { acceptInvitation(token: $token, name: $name, password: $password) { ${SESSION} } }`;

  it('are sent by mail, accepted once by a new person, and cannot be reused', async () => {
    const owner = await login('owner@alpha.test');
    const member = await login('member@alpha.test');
    expect(codeOf(await gql(INVITE, { email: 'x@example.com', role: 'MEMBER' }, { token: member.token }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(INVITE, { email: 'x@example.com', role: 'OWNER' }, { token: (await login('owner@alpha.test')).token }))).toBeUndefined();
    const invited = await gql(INVITE, { email: ' New.Person@Example.com', role: 'ADMIN' }, { token: owner.token });
    expect(invited.data.inviteMember).toMatchObject({ email: 'new.person@example.com', role: 'ADMIN', status: 'PENDING', sentCount: 1 });
    // The token is stored as a hash only, and never reaches the audit trail.
    const [stored] = await t.db.admin('select token_hash from invitations where id = $1', [invited.data.inviteMember.id]);
    const [mail] = await mailTo('new.person@example.com');
    expect(mail!.subject).toBe('You are invited to join Tenant alpha on UBOS');
    expect(stored.token_hash).not.toContain(mail!.token);
    expect(await t.db.admin("select 1 from activity_events where entity_type = 'Invitation' and changes::text like '%token_hash%'")).toEqual([]);
    // A sent mail's body is not kept.
    expect(await t.db.admin("select status, body_text from mail_outbox where to_address = 'new.person@example.com'")).toEqual([{ status: 'SENT', body_text: null }]);

    expect(fieldOf(await gql(ACCEPT, { token: mail!.token, name: 'New Person', password: 'password' }))).toBe('password');
    const accepted = await gql(ACCEPT, { token: mail!.token, name: 'New Person', password: PASSWORD });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptInvitation).toMatchObject({ role: 'ADMIN', organization: { slug: 'alpha' }, user: { email: 'new.person@example.com' } });
    expect((await gql(ME, {}, { token: accepted.data.acceptInvitation.token })).data.me.membership).toEqual({ role: 'ADMIN' });
    const reused = await gql(ACCEPT, { token: mail!.token, name: 'Someone Else', password: PASSWORD });
    expect([codeOf(reused), fieldOf(reused), reused.errors?.[0]?.message]).toEqual(['CONFLICT', 'token', 'This invitation was already accepted']);
    const list = await gql('{ invitations(includeClosed: true) { email status } }', {}, { token: owner.token });
    expect(list.data.invitations).toContainEqual({ email: 'new.person@example.com', status: 'ACCEPTED' });
    expect(codeOf(await gql('{ invitations { id } }', {}, { token: member.token }))).toBe('FORBIDDEN');
  });

  it('refuses a revoked or expired invitation; resending issues a new link and kills the old one', async () => {
    const owner = await login('owner@alpha.test');
    const revoked = (await gql(INVITE, { email: 'revoked@example.com', role: 'MEMBER' }, { token: owner.token })).data.inviteMember;
    const [revokedMail] = await mailTo('revoked@example.com');
    const revoke = await gql('mutation($id: ID!) { revokeInvitation(id: $id) { status } }', { id: revoked.id }, { token: owner.token });
    expect(revoke.data.revokeInvitation).toEqual({ status: 'REVOKED' });
    const afterRevoke = await gql(ACCEPT, { token: revokedMail!.token, name: 'R', password: PASSWORD });
    expect([codeOf(afterRevoke), afterRevoke.errors?.[0]?.message]).toEqual(['CONFLICT', 'This invitation was revoked']);
    expect(codeOf(await gql('mutation($id: ID!) { resendInvitation(id: $id) { id } }', { id: revoked.id }, { token: owner.token }))).toBe('CONFLICT');

    const late = (await gql(INVITE, { email: 'late@example.com', role: 'MEMBER' }, { token: owner.token })).data.inviteMember;
    const [lateMail] = await mailTo('late@example.com');
    await t.db.admin("update invitations set expires_at = now() - interval '1 minute' where id = $1", [late.id]);
    const expired = await gql(ACCEPT, { token: lateMail!.token, name: 'L', password: PASSWORD });
    expect([codeOf(expired), expired.errors?.[0]?.message]).toEqual(['CONFLICT', 'This invitation has expired: ask for a new one']);
    expect((await gql('{ invitations { email status } }', {}, { token: owner.token })).data.invitations).toContainEqual({ email: 'late@example.com', status: 'EXPIRED' });

    const resent = await gql('mutation($id: ID!) { resendInvitation(id: $id) { status sentCount } }', { id: late.id }, { token: owner.token });
    expect(resent.data.resendInvitation).toEqual({ status: 'PENDING', sentCount: 2 });
    const mails = await mailTo('late@example.com');
    expect(mails).toHaveLength(2);
    expect(fieldOf(await gql(ACCEPT, { token: lateMail!.token, name: 'L', password: PASSWORD }))).toBe('token');
    expect((await gql(ACCEPT, { token: mails[1]!.token, name: 'Late Person', password: PASSWORD })).data.acceptInvitation.role).toBe('MEMBER');
    // Every change of the invitation is in the audit trail: made, expired (by this test), resent, accepted.
    const changes = await t.db.admin("select action, changes from activity_events where entity_type = 'Invitation' and entity_id = $1 order by seq", [late.id]);
    expect(changes.map((row) => row.action)).toEqual(['created', 'updated', 'updated', 'updated']);
    expect(Object.keys(changes[2]!.changes).sort()).toEqual(['expires_at', 'last_sent_at', 'sent_count']);
    expect(Object.keys(changes[3]!.changes).sort()).toEqual(['accepted_at', 'accepted_by']);
  });

  it('lets a signed-in person of another organization accept with their account, only for their own address', async () => {
    const alphaOwner = await login('owner@alpha.test');
    await gql(INVITE, { email: 'owner@beta.test', role: 'MEMBER' }, { token: alphaOwner.token });
    const [mail] = await mailTo('owner@beta.test');
    const gammaOwner = await login('owner@gamma.test');
    expect(codeOf(await gql(ACCEPT, { token: mail!.token }, { token: gammaOwner.token }))).toBe('FORBIDDEN');
    const betaOwner = await login('owner@beta.test');
    const joined = await gql(ACCEPT, { token: mail!.token }, { token: betaOwner.token });
    expect(joined.data.acceptInvitation).toMatchObject({ role: 'MEMBER', organization: { id: t.tenants.alpha!.organizationId }, user: { id: betaOwner.user.id } });
    // Still the owner of beta; now a member of alpha too.
    const choices = await gql('mutation { login(email: "owner@beta.test", password: "ubos-demo") { organizations { name role } } }');
    expect(choices.data.login.organizations).toEqual(expect.arrayContaining([{ name: 'Tenant beta', role: 'OWNER' }, { name: 'Tenant alpha', role: 'MEMBER' }]));
  });
});

describe('members and roles', () => {
  const ROLE = 'mutation($id: ID!, $role: Role!) { changeMemberRole(membershipId: $id, role: $role) { role version } }';
  const membershipOf = async (slug: string, email: string) =>
    (await t.db.admin('select m.id from memberships m join users u on u.id = m.user_id where m.organization_id = $1 and u.email = $2', [t.tenants[slug]!.organizationId, email]))[0]!.id as string;

  it('a role change takes effect on the next request, and is audited', async () => {
    const owner = await login('owner@gamma.test');
    const member = await login('member@gamma.test');
    const id = await membershipOf('gamma', 'member@gamma.test');
    expect(codeOf(await gql('{ invitations { id } }', {}, { token: member.token }))).toBe('FORBIDDEN');
    expect((await gql(ROLE, { id, role: 'ADMIN' }, { token: owner.token })).data.changeMemberRole.role).toBe('ADMIN');
    // The same token, the next request: the new role.
    expect((await gql('{ invitations { id } }', {}, { token: member.token })).errors).toBeUndefined();
    expect((await gql(ME, {}, { token: member.token })).data.me.membership.role).toBe('ADMIN');
    // An admin may not make an owner, nor touch one.
    expect(codeOf(await gql(ROLE, { id, role: 'OWNER' }, { token: member.token }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(ROLE, { id: await membershipOf('gamma', 'owner@gamma.test'), role: 'MEMBER' }, { token: member.token }))).toBe('FORBIDDEN');
    expect((await gql(ROLE, { id, role: 'MEMBER' }, { token: owner.token })).data.changeMemberRole.role).toBe('MEMBER');
    expect(codeOf(await gql('{ invitations { id } }', {}, { token: member.token }))).toBe('FORBIDDEN');
    const changes = await t.db.admin("select changes->'role' as role from activity_events where entity_type = 'Membership' and entity_id = $1 and action = 'updated' order by seq", [id]);
    expect(changes.map((row) => row.role)).toEqual([{ from: 'MEMBER', to: 'ADMIN' }, { from: 'ADMIN', to: 'MEMBER' }]);
    // The only owner cannot step down or leave.
    const ownerId = await membershipOf('gamma', 'owner@gamma.test');
    expect([codeOf(await gql(ROLE, { id: ownerId, role: 'ADMIN' }, { token: owner.token })), codeOf(await gql('mutation($id: ID!) { removeMember(membershipId: $id) { id } }', { id: ownerId }, { token: owner.token }))]).toEqual(['CONFLICT', 'CONFLICT']);
  });

  it("refuses a removed member's token at once, and their refresh token", async () => {
    const owner = await login('owner@beta.test');
    const member = await login('member@beta.test');
    expect((await gql(ME, {}, { token: member.token })).errors).toBeUndefined();
    const removed = await gql('mutation($id: ID!) { removeMember(membershipId: $id) { id deletedAt } }', { id: await membershipOf('beta', 'member@beta.test') }, { token: owner.token });
    expect(removed.data.removeMember.deletedAt).toBeTruthy();
    const refused = await gql(ME, {}, { token: member.token });
    expect([refused.status, codeOf(refused)]).toEqual([401, 'UNAUTHENTICATED']);
    expect(codeOf(await gql('mutation($r: String!) { refreshSession(refreshToken: $r) { token } }', { r: member.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql('mutation { login(email: "member@beta.test", password: "ubos-demo") { token } }'))).toBe('UNAUTHENTICATED');
    const [event] = await t.db.admin("select action, actor from activity_events where entity_type = 'Membership' and action = 'deleted' and organization_id = $1", [t.tenants.beta!.organizationId]);
    expect(event).toEqual({ action: 'deleted', actor: `user:${owner.user.id}` });
    expect((await gql('{ organization { members { edges { node { user { email } } } } } }', {}, { token: owner.token })).data.organization.members.edges).toEqual([{ node: { user: { email: 'owner@beta.test' } } }]);
  });

  it('transfers ownership: the new owner is OWNER, the old one ADMIN, from the next request on', async () => {
    const { token } = await login('owner@gamma.test');
    const target = await membershipOf('gamma', 'member@gamma.test');
    const member = await login('member@gamma.test');
    expect(codeOf(await gql('mutation($id: ID!) { transferOwnership(membershipId: $id) { role } }', { id: target }, { token: member.token }))).toBe('FORBIDDEN');
    expect((await gql('mutation($id: ID!) { transferOwnership(membershipId: $id) { role } }', { id: target }, { token })).data.transferOwnership).toEqual({ role: 'OWNER' });
    expect((await gql(ME, {}, { token })).data.me.membership.role).toBe('ADMIN');
    expect((await gql(ME, {}, { token: member.token })).data.me.membership.role).toBe('OWNER');
  });
});

describe('sessions and passwords', () => {
  const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { ${SESSION} } }`;

  it('rotates refresh tokens, ends the session when an exchanged one comes back, and lists and ends sessions', async () => {
    const first = await login('owner@alpha.test');
    const refreshed = await gql(REFRESH, { r: first.refreshToken });
    expect(refreshed.data.refreshSession).toMatchObject({ session: { id: first.session.id }, role: 'OWNER' });
    const next = refreshed.data.refreshSession;
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect((await gql(ME, {}, { token: next.token })).errors).toBeUndefined();
    // The old refresh token again: someone else holds it. The session ends, tokens and all.
    expect(codeOf(await gql(REFRESH, { r: first.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(ME, {}, { token: next.token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(REFRESH, { r: next.refreshToken }))).toBe('UNAUTHENTICATED');

    const laptop = await login('owner@alpha.test');
    const phone = await login('owner@alpha.test');
    const sessions = await gql('{ sessions { id current userAgent ip lastSeenAt } }', {}, { token: laptop.token });
    expect(sessions.data.sessions.find((session: any) => session.id === laptop.session.id)).toMatchObject({ current: true, userAgent: 'accounts-test/1.0', ip: expect.stringContaining('127.0.0.1') });
    expect(sessions.data.sessions.find((session: any) => session.id === phone.session.id)).toMatchObject({ current: false });
    expect((await gql('mutation($id: ID!) { revokeSession(id: $id) { revokedAt } }', { id: phone.session.id }, { token: laptop.token })).data.revokeSession.revokedAt).toBeTruthy();
    expect(codeOf(await gql(ME, {}, { token: phone.token }))).toBe('UNAUTHENTICATED');
    expect((await gql('mutation { logout }', {}, { token: laptop.token })).data.logout).toBe(true);
    expect(codeOf(await gql(ME, {}, { token: laptop.token }))).toBe('UNAUTHENTICATED');

    // Everywhere: both sessions, and a token issued without a session (like the demo token).
    const a = await login('owner@alpha.test');
    const b = await login('owner@alpha.test');
    const sessionless = await t.stack.tokens.sign({ userId: a.user.id, organizationId: a.organization.id, role: 'OWNER' });
    expect((await gql(ME, {}, { token: sessionless })).errors).toBeUndefined();
    expect((await gql('mutation { logoutEverywhere }', {}, { token: a.token })).data.logoutEverywhere).toBeGreaterThanOrEqual(2);
    for (const token of [a.token, b.token, sessionless]) expect(codeOf(await gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const here = await login('member@alpha.test');
    const there = await login('member@alpha.test');
    const change = (currentPassword: string, newPassword: string) =>
      gql('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: currentPassword, n: newPassword }, { token: here.token });
    expect(fieldOf(await change('wrong password', PASSWORD))).toBe('currentPassword');
    expect(fieldOf(await change('ubos-demo', '1234567890'))).toBe('newPassword');
    expect((await change('ubos-demo', PASSWORD)).data.changePassword).toBe(true);
    expect((await gql(ME, {}, { token: here.token })).errors).toBeUndefined();
    expect(codeOf(await gql(ME, {}, { token: there.token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(REFRESH, { r: there.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await login('member@alpha.test', PASSWORD)).role).toBe('MEMBER');
  });

  it('a password reset by mail ends every session of the person, and works once', async () => {
    const one = await login('owner@gamma.test');
    const two = await login('owner@gamma.test');
    const request = (email: string) => gql('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: email });
    // The same answer for an address with and without an account; mail only for the first.
    expect((await request('Owner@Gamma.test')).data).toEqual({ requestPasswordReset: true });
    expect((await request('nobody@gamma.test')).data).toEqual({ requestPasswordReset: true });
    expect(await mailTo('nobody@gamma.test')).toEqual([]);
    const [mail] = await mailTo('owner@gamma.test');
    expect(mail!.subject).toBe('Reset your UBOS password');

    const reset = (token: string, newPassword: string) => gql('mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', { t: token, p: newPassword });
    expect(fieldOf(await reset(mail!.token, 'short'))).toBe('newPassword');
    expect((await reset(mail!.token, 'the gamma reset passphrase')).data.resetPassword).toBe(true);
    for (const token of [one.token, two.token]) expect(codeOf(await gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(REFRESH, { r: one.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql('mutation { login(email: "owner@gamma.test", password: "ubos-demo") { token } }'))).toBe('UNAUTHENTICATED');
    expect((await login('owner@gamma.test', 'the gamma reset passphrase')).role).toBeDefined();
    const again = await reset(mail!.token, 'yet another passphrase');
    expect([codeOf(again), fieldOf(again)]).toEqual(['BAD_USER_INPUT', 'token']);
  });
});

describe('the mail step', () => {
  it('retries mail the transport refuses, then marks it FAILED, and keeps the body until it is sent', async () => {
    const tried: string[] = [];
    const refusing = {
      description: 'refusing',
      async send(mail: { to: string }) {
        tried.push(mail.to);
        throw new Error('550 mailbox unavailable');
      },
    };
    const db = new WorkerDatabase(workerUrl, 2, { statement_timeout: 60_000, idle_in_transaction_session_timeout: 60_000 });
    try {
      expect((await gql('mutation { requestPasswordReset(email: "member@gamma.test") }', {}, { from: '127.0.0.41' })).data.requestPasswordReset).toBe(true);
      const row = () => t.db.admin("select status, attempts, last_error, body_text is not null as has_body from mail_outbox where to_address = 'member@gamma.test'");
      expect(await deliverPendingMail(db, refusing, { maxAttempts: 2, retryDelaySeconds: 0 }, () => undefined)).toBe(0);
      expect(await row()).toEqual([{ status: 'PENDING', attempts: 1, last_error: '550 mailbox unavailable', has_body: true }]);
      await deliverPendingMail(db, refusing, { maxAttempts: 2, retryDelaySeconds: 0 }, () => undefined);
      expect(await row()).toEqual([{ status: 'FAILED', attempts: 2, last_error: '550 mailbox unavailable', has_body: true }]);
      // A FAILED mail is not tried again.
      await deliverPendingMail(db, refusing, { maxAttempts: 2, retryDelaySeconds: 0 }, () => undefined);
      expect(tried).toEqual(['member@gamma.test', 'member@gamma.test']);
    } finally {
      await db.close();
    }
  });
});

describe('brute force', () => {
  const attempt = (email: string, from: string) => gql('mutation($e: String!) { login(email: $e, password: "not the password") { token } }', { e: email }, { from });
  const shape = (result: GraphQLResult) => JSON.stringify({ status: result.status, data: result.data, errors: result.errors?.map((error) => ({ message: error.message, code: error.extensions?.code, waits: typeof error.extensions?.retryAfter === 'number' })) });

  it('limits login and reset attempts per account, alike whether the email exists or not', async () => {
    const existing: string[] = [];
    const missing: string[] = [];
    // Each from its own address, so that only the account's bucket differs.
    for (let index = 0; index < 14; index++) existing.push(shape(await attempt('nora.north@example.com', '127.0.0.21')));
    for (let index = 0; index < 14; index++) missing.push(shape(await attempt('nobody-at-all@alpha.test', '127.0.0.22')));
    expect(existing).toEqual(missing);
    expect(existing.slice(0, 12).every((answer) => answer.includes('"UNAUTHENTICATED"'))).toBe(true);
    expect(existing.slice(12).every((answer) => answer.includes('"RATE_LIMITED"') && answer.includes('"status":429'))).toBe(true);
    // The account stays limited from any address, and a reset request counts on the same account.
    expect(shape(await attempt('NORA.North@example.com', '127.0.0.23'))).toContain('RATE_LIMITED');
    const reset = await gql('mutation { requestPasswordReset(email: "nora.north@example.com") }', {}, { from: '127.0.0.24' });
    const resetMissing = await gql('mutation { requestPasswordReset(email: "nobody-at-all@alpha.test") }', {}, { from: '127.0.0.25' });
    expect([reset.status, codeOf(reset)]).toEqual([429, 'RATE_LIMITED']);
    expect(shape(reset)).toEqual(shape(resetMissing));
    // Another account from the same address is not limited by these.
    expect(codeOf(await attempt('member@alpha.test', '127.0.0.21'))).toBe('UNAUTHENTICATED');
  });

  it('limits attempts per client address across accounts', async () => {
    const answers: Array<number> = [];
    for (let index = 0; index < 101; index++) answers.push((await gql('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: `probe-${index}@example.com` }, { from: '127.0.0.31' })).status);
    expect(answers.slice(0, 100).every((status) => status === 200)).toBe(true);
    expect(answers[100]).toBe(429);
  });
});
