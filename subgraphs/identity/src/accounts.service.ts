import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  RefuseAfterCommit,
  actorLabel,
  badUserInput,
  checkNewPassword,
  conflict,
  deleteEntity,
  emitDomainEvent,
  forbidden,
  hashPassword,
  loadForUpdate,
  normalizeEmail,
  notFound,
  parseId,
  requiredText,
  requireRole,
  saveChanges,
  sessionChanges,
  unauthenticated,
  uuidv7,
  verifyPassword,
  type AccountSettings,
  type Role,
  type TokenService,
} from '@ubos/kernel';
import { decodeJwt } from 'jose';
import type { IdentityContext } from './context.js';
import { InvitationSchema, type InvitationEntity } from './entities/invitation.entity.js';
import { MembershipSchema, type MembershipEntity } from './entities/membership.entity.js';
import { OrganizationSchema } from './entities/organization.entity.js';
import { SessionSchema, type SessionEntity } from './entities/session.entity.js';
import { UserSchema } from './entities/user.entity.js';
import type { AuthPayloadModel } from './mappers.js';

/** What the account flows need from outside the subgraph. */
export interface AccountOptions {
  tokens: TokenService;
  settings: AccountSettings;
  /** The gateway's public address, for the links in mail. */
  publicUrl: () => string;
}

const RESET_TOKEN_MINUTES = 60;
const REFRESH_TOKEN = /^rt\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;
const INVALID_CREDENTIALS = 'Invalid email or password';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
const newSecret = (): string => randomBytes(32).toString('base64url');
const daysFromNow = (days: number): Date => new Date(Date.now() + days * 86_400_000);

/** Sessions answered in a payload are the caller's new ones: `Session.current` says so. */
export const freshSessions = new WeakSet<object>();

/** Tells this process's gateway, once the change commits, to forget what it knew of the person. */
function announceAfterCommit(ctx: IdentityContext, userId: string, organizationId?: string): void {
  ctx.scope.afterCommit(() => sessionChanges.announce({ userId, organizationId }));
}

function signedInUser(ctx: IdentityContext): { userId: string; role: Role; sessionId?: string } {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

async function findAccount(ctx: IdentityContext, email: string): Promise<{ user_id: string; password_hash: string } | undefined> {
  const [account] = await ctx.em.execute<Array<{ user_id: string; password_hash: string }>>('select user_id, password_hash from auth_find_user_by_email(?)', [email]);
  return account;
}

/** The event of sessions that just ended; the session rows carry no audit trail of their own. */
async function announceEndedSessions(ctx: IdentityContext, sessionIds: string[], userId: string, reason: string): Promise<void> {
  for (const id of sessionIds) {
    await emitDomainEvent(ctx, 'SessionUpdated', { type: 'Session', id }, { changed: ['revokedAt', 'revokedReason'], userId, reason });
  }
}

async function queueMail(ctx: IdentityContext, kind: string, to: string, subject: string, body: string): Promise<void> {
  await ctx.em.execute('insert into mail_outbox (kind, to_address, subject, body_text) values (?, ?, ?, ?)', [kind, to, subject, body]);
}

// ---------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------

/**
 * Opens a session for a person already switched into the organization: a session row with
 * the refresh token's hash, a short-lived access token naming the session, and the payload.
 */
export async function openSession(ctx: IdentityContext, options: AccountOptions, userId: string, organizationId: string, role: Role): Promise<AuthPayloadModel> {
  const sessionId = uuidv7();
  const refreshToken = `rt.${sessionId}.${newSecret()}`;
  const expiresAt = daysFromNow(options.settings.sessionDays);
  await ctx.em.execute(
    'insert into sessions (organization_id, id, user_id, refresh_hash, user_agent, ip, expires_at) values (?, ?, ?, ?, ?, ?, ?)',
    [organizationId, sessionId, userId, sha256(refreshToken), ctx.userAgent ?? null, ctx.ip ?? null, expiresAt],
  );
  await emitDomainEvent(ctx, 'SessionCreated', { type: 'Session', id: sessionId }, { userId, expiresAt: expiresAt.toISOString() });
  return payloadFor(ctx, options, userId, organizationId, role, sessionId, refreshToken);
}

async function payloadFor(ctx: IdentityContext, options: AccountOptions, userId: string, organizationId: string, role: Role, sessionId: string, refreshToken: string): Promise<AuthPayloadModel> {
  const [user, organization, session, choices] = await Promise.all([
    ctx.em.findOneOrFail(UserSchema, { id: userId }),
    ctx.em.findOneOrFail(OrganizationSchema, { id: organizationId }),
    ctx.em.findOneOrFail(SessionSchema, { id: sessionId }, { refresh: true }),
    ctx.em.execute<Array<{ organization_id: string; organization_name: string; role: Role }>>('select organization_id, organization_name, role from auth_user_memberships(?)', [userId]),
  ]);
  freshSessions.add(session);
  const token = await options.tokens.sign({ userId, organizationId, role, sessionId }, `${options.settings.accessTokenSeconds}s`);
  return {
    token,
    expiresAt: new Date(decodeJwt(token).exp! * 1000),
    refreshToken,
    refreshTokenExpiresAt: session.expiresAt,
    session,
    user,
    organization,
    role,
    organizations: choices.map((choice) => ({ id: choice.organization_id, name: choice.organization_name, role: choice.role })),
  };
}

/**
 * A new access token and a new refresh token for a live session; the old refresh token stops
 * working. A refresh token presented again after it was exchanged means two holders: the
 * session ends (and stays ended, the refusal notwithstanding).
 */
export async function refreshSession(ctx: IdentityContext, options: AccountOptions, refreshToken: string): Promise<AuthPayloadModel> {
  const invalid = () => unauthenticated('Invalid or expired refresh token');
  const parsed = REFRESH_TOKEN.exec(refreshToken);
  if (!parsed) throw invalid();
  const sessionId = parsed[1]!;
  const [session] = await ctx.em.execute<Array<{ organization_id: string; user_id: string; refresh_hash: string; expires_at: Date; revoked_at: Date | null; member: boolean }>>(
    'select organization_id, user_id, refresh_hash, expires_at, revoked_at, member from auth_find_session(?)',
    [sessionId],
  );
  if (!session || session.revoked_at || new Date(session.expires_at).getTime() <= Date.now() || !session.member) throw invalid();
  await ctx.scope.switchTenant(session.organization_id, { kind: 'user', userId: session.user_id, role: 'MEMBER', sessionId });
  const presented = Buffer.from(sha256(refreshToken));
  const next = `rt.${sessionId}.${newSecret()}`;
  const expiresAt = daysFromNow(options.settings.sessionDays);
  const rotated = timingSafeEqual(presented, Buffer.from(session.refresh_hash))
    ? await ctx.em.execute<Array<{ id: string }>>(
        `update sessions set refresh_hash = ?, last_seen_at = now(), expires_at = ?, ip = ?, user_agent = ?
          where organization_id = ? and id = ? and refresh_hash = ? and revoked_at is null returning id`,
        [sha256(next), expiresAt, ctx.ip ?? null, ctx.userAgent ?? null, session.organization_id, sessionId, session.refresh_hash],
      )
    : [];
  if (rotated.length === 0) {
    const ended = await ctx.em.execute<Array<{ id: string }>>(
      "update sessions set revoked_at = now(), revoked_reason = 'refresh token reused' where organization_id = ? and id = ? and revoked_at is null returning id",
      [session.organization_id, sessionId],
    );
    await announceEndedSessions(ctx, ended.map((row) => row.id), session.user_id, 'refresh token reused');
    announceAfterCommit(ctx, session.user_id, session.organization_id);
    throw new RefuseAfterCommit(invalid());
  }
  // The new refresh token's hash is a secret: the event names the change, not the value.
  await emitDomainEvent(ctx, 'SessionUpdated', { type: 'Session', id: sessionId }, { changed: ['refreshToken', 'lastSeenAt', 'expiresAt', 'ip', 'userAgent'], userId: session.user_id, expiresAt: expiresAt.toISOString() });
  const membership = await ctx.em.findOneOrFail(MembershipSchema, { userId: session.user_id });
  return payloadFor(ctx, options, session.user_id, session.organization_id, membership.role, sessionId, next);
}

/** Ends the session of the request's token; false for a token issued without a session. */
export async function logout(ctx: IdentityContext): Promise<boolean> {
  const { userId, sessionId } = signedInUser(ctx);
  if (!sessionId) return false;
  const ended = await ctx.em.execute<Array<{ id: string }>>(
    "update sessions set revoked_at = now(), revoked_reason = 'logout' where organization_id = ? and id = ? and user_id = ? and revoked_at is null returning id",
    [ctx.organizationId(), sessionId, userId],
  );
  await announceEndedSessions(ctx, ended.map((row) => row.id), userId, 'logout');
  announceAfterCommit(ctx, userId, ctx.organizationId());
  return true;
}

export async function logoutEverywhere(ctx: IdentityContext): Promise<number> {
  const { userId } = signedInUser(ctx);
  const [row] = await ctx.em.execute<Array<{ ended: number }>>("select auth_end_user_sessions(?, null, 'logout everywhere') as ended", [userId]);
  announceAfterCommit(ctx, userId);
  return Number(row?.ended ?? 0);
}

export async function revokeSession(ctx: IdentityContext, id: string): Promise<SessionEntity> {
  const { userId } = signedInUser(ctx);
  const sessionId = parseId(id, 'id');
  // Revoking an ended session again changes nothing and announces nothing.
  const [found] = await ctx.em.execute<Array<{ id: string; newly: boolean }>>(
    `with ended as (update sessions set revoked_at = now(), revoked_reason = 'revoked'
                     where organization_id = ? and id = ? and user_id = ? and revoked_at is null returning id)
     select s.id, exists (select 1 from ended) as newly from sessions s where s.organization_id = ? and s.id = ? and s.user_id = ?`,
    [ctx.organizationId(), sessionId, userId, ctx.organizationId(), sessionId, userId],
  );
  if (!found) throw notFound('Session', 'id');
  if (found.newly) await announceEndedSessions(ctx, [sessionId], userId, 'revoked');
  announceAfterCommit(ctx, userId, ctx.organizationId());
  return ctx.em.findOneOrFail(SessionSchema, { id: sessionId }, { refresh: true });
}

export async function listSessions(ctx: IdentityContext): Promise<SessionEntity[]> {
  const { userId } = signedInUser(ctx);
  return ctx.em.find(SessionSchema, { userId, revokedAt: null, expiresAt: { $gt: new Date() } }, { orderBy: { id: 'DESC' } });
}

/**
 * For the gateway: the person's role now, or null when the token must be refused. A token
 * with a session needs the session live; one without (the demo token) needs to be newer than
 * the user's last invalidation. Either needs a live membership. One statement.
 */
export async function sessionState(ctx: IdentityContext, args: { userId: string; sessionId?: string | null; issuedAt: number }): Promise<{ role: Role } | null> {
  // Only the gateway asks, signed, as an anonymous caller in the token's organization.
  if (ctx.actor.kind !== 'anonymous') throw forbidden();
  const userId = parseId(args.userId, 'userId');
  const sessionId = args.sessionId ? parseId(args.sessionId, 'sessionId') : null;
  const [row] = await ctx.em.execute<Array<{ role: Role }>>(
    `select m.role from memberships m join users u on u.id = m.user_id
      where m.organization_id = ? and m.user_id = ? and m.deleted_at is null
        and case when ?::uuid is null then (u.tokens_valid_after is null or u.tokens_valid_after < to_timestamp(?))
                 else exists (select 1 from sessions s where s.organization_id = m.organization_id and s.id = ?::uuid and s.user_id = m.user_id
                                and s.revoked_at is null and s.expires_at > now()) end`,
    [ctx.organizationId(), userId, sessionId, args.issuedAt, sessionId],
  );
  return row ? { role: row.role } : null;
}

// ---------------------------------------------------------------------------------------
// Sign-up and passwords
// ---------------------------------------------------------------------------------------

function slugBase(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'organization';
}

/**
 * A new organization with its owner and its defaults (the default workflows, through the same
 * database function the seed and the worker use), and a session for the owner. An address
 * that already has an account signs up another organization with that account's password.
 */
export async function signUp(ctx: IdentityContext, options: AccountOptions, input: { organizationName: string; name: string; email: string; password: string }): Promise<AuthPayloadModel> {
  const organizationName = requiredText(input.organizationName, 'input.organizationName', 200);
  const name = requiredText(input.name, 'input.name', 200);
  const email = normalizeEmail(input.email, 'input.email');
  const existing = await findAccount(ctx, email);
  let userId: string;
  if (existing) {
    if (!(await verifyPassword(input.password, existing.password_hash))) {
      throw conflict('This email already has an account: give its password to sign up another organization, or reset the password', { field: 'input.email' });
    }
    userId = existing.user_id;
  } else {
    await checkNewPassword(input.password, 'input.password', email);
    const [created] = await ctx.em.execute<Array<{ id: string | null }>>('select auth_create_user(?, ?, ?) as id', [email, name, await hashPassword(input.password)]);
    if (!created?.id) throw conflict('This email already has an account', { field: 'input.email' });
    userId = created.id;
  }
  const [organization] = await ctx.em.execute<Array<{ id: string }>>('select auth_create_organization(?, ?) as id', [organizationName, slugBase(organizationName)]);
  const organizationId = organization!.id;
  await ctx.scope.switchTenant(organizationId, { kind: 'user', userId, role: 'OWNER' });
  await emitDomainEvent(ctx, 'OrganizationCreated', { type: 'Organization', id: organizationId }, { name: organizationName, ownerId: userId });
  const membershipId = uuidv7();
  await ctx.em.execute("insert into memberships (organization_id, id, user_id, role) values (?, ?, ?, 'OWNER')", [organizationId, membershipId, userId]);
  await emitDomainEvent(ctx, 'MembershipCreated', { type: 'Membership', id: membershipId }, { userId, role: 'OWNER' });
  await ctx.em.execute('select ubos_install_default_workflows()');
  return openSession(ctx, options, userId, organizationId, 'OWNER');
}

export async function changePassword(ctx: IdentityContext, args: { currentPassword: string; newPassword: string }): Promise<boolean> {
  const { userId, sessionId } = signedInUser(ctx);
  const user = await ctx.em.findOneOrFail(UserSchema, { id: userId });
  const account = await findAccount(ctx, user.email);
  if (!account || !(await verifyPassword(args.currentPassword, account.password_hash))) throw badUserInput('The current password is not right', 'currentPassword');
  await checkNewPassword(args.newPassword, 'newPassword', user.email);
  await ctx.em.execute("select auth_set_password(?, ?, ?, 'password changed')", [userId, await hashPassword(args.newPassword), sessionId ?? null]);
  announceAfterCommit(ctx, userId);
  return true;
}

/**
 * Mails a reset link when the address has an account, and answers true either way. The
 * attempts are limited per address and per client at the gateway, whether or not it exists.
 */
export async function requestPasswordReset(ctx: IdentityContext, options: AccountOptions, email: string): Promise<boolean> {
  const address = normalizeEmail(email, 'email');
  const token = newSecret();
  const expiresAt = new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000);
  const [person] = await ctx.em.execute<Array<{ user_id: string; name: string; email: string }>>(
    'select user_id, name, email from auth_request_password_reset(?, ?, ?, ?)',
    [address, sha256(token), expiresAt, ctx.ip ?? null],
  );
  if (person) {
    const base = options.publicUrl();
    await queueMail(
      ctx,
      'password-reset',
      person.email,
      'Reset your UBOS password',
      [
        `Hello ${person.name},`,
        '',
        'Someone (we hope you) asked to reset the password of your UBOS account.',
        `Open ${base}/?reset=${token} , or run this in the playground at ${base}/ :`,
        '',
        `  mutation { resetPassword(token: "${token}", newPassword: "a new password") }`,
        '',
        `The link works once, until ${expiresAt.toISOString()}. Every signed-in device will be signed out.`,
        'If it was not you, ignore this mail: your password stays as it is.',
        '',
        `Token: ${token}`,
      ].join('\n'),
    );
  }
  return true;
}

export async function resetPassword(ctx: IdentityContext, args: { token: string; newPassword: string }): Promise<boolean> {
  await checkNewPassword(args.newPassword, 'newPassword');
  const [reset] = await ctx.em.execute<Array<{ user_id: string | null }>>('select auth_reset_password(?, ?) as user_id', [sha256(args.token), await hashPassword(args.newPassword)]);
  if (!reset?.user_id) throw badUserInput('This reset link is invalid, already used or expired: ask for a new one', 'token');
  announceAfterCommit(ctx, reset.user_id);
  return true;
}

// ---------------------------------------------------------------------------------------
// Invitations
// ---------------------------------------------------------------------------------------

const requireMemberManager = (ctx: IdentityContext) => requireRole(ctx, ['OWNER', 'ADMIN'], 'Only owners and admins manage members and invitations');

function requireOwnerFor(ctx: IdentityContext, roles: Role[], message: string): void {
  if (roles.includes('OWNER') && (ctx.actor.kind !== 'user' || ctx.actor.role !== 'OWNER')) throw forbidden(message);
}

export function invitationStatus(invitation: InvitationEntity): 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED' {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  if (invitation.expiresAt.getTime() <= Date.now()) return 'EXPIRED';
  return 'PENDING';
}

async function mailInvitation(ctx: IdentityContext, options: AccountOptions, invitation: { email: string; role: Role; expiresAt: Date }, token: string): Promise<void> {
  const [organization, inviter] = await Promise.all([
    ctx.em.findOneOrFail(OrganizationSchema, { id: ctx.organizationId() }),
    ctx.actor.kind === 'user' ? ctx.em.findOne(UserSchema, { id: ctx.actor.userId }) : null,
  ]);
  const base = options.publicUrl();
  await queueMail(
    ctx,
    'invitation',
    invitation.email,
    `You are invited to join ${organization.name} on UBOS`,
    [
      `${inviter?.name ?? 'Someone'} invited you to join ${organization.name} on UBOS as ${invitation.role.toLowerCase()}.`,
      '',
      `Open ${base}/?invitation=${token} , or run this in the playground at ${base}/ :`,
      '',
      `  mutation { acceptInvitation(token: "${token}", name: "Your name", password: "a new password") { token refreshToken } }`,
      '',
      'If you already have an account with this address, sign in first (or give its password instead of a new one).',
      `The invitation works once, until ${invitation.expiresAt.toISOString()}.`,
      '',
      `Token: ${token}`,
    ].join('\n'),
  );
}

export async function inviteMember(ctx: IdentityContext, options: AccountOptions, input: { email: string; role: Role }): Promise<InvitationEntity> {
  requireMemberManager(ctx);
  requireOwnerFor(ctx, [input.role], 'Only an owner may invite an owner');
  const email = normalizeEmail(input.email, 'input.email');
  const organizationId = ctx.organizationId();
  const [member] = await ctx.em.execute<Array<{ id: string }>>(
    'select m.id from memberships m join users u on u.id = m.user_id where m.organization_id = ? and u.email = ? and m.deleted_at is null',
    [organizationId, email],
  );
  if (member) throw conflict('This person is already a member', { field: 'input.email' });
  const [open] = await ctx.em.execute<Array<{ id: string }>>(
    'select id from invitations where organization_id = ? and email = ? and accepted_at is null and revoked_at is null and deleted_at is null for update',
    [organizationId, email],
  );
  if (open) return reissue(ctx, options, open.id, input.role);
  const token = newSecret();
  const id = uuidv7();
  const expiresAt = daysFromNow(options.settings.invitationDays);
  try {
    await ctx.em.execute(
      'insert into invitations (organization_id, id, email, role, token_hash, invited_by, expires_at) values (?, ?, ?, ?, ?, ?, ?)',
      [organizationId, id, email, input.role, sha256(token), actorLabel(ctx.actor), expiresAt],
    );
  } catch (error) {
    // Two invitations to one address at the same moment: the open-invitation index keeps one.
    if ((error as { code?: string }).code === '23505') throw conflict('This address was just invited: resend that invitation instead', { field: 'input.email' });
    throw error;
  }
  await mailInvitation(ctx, options, { email, role: input.role, expiresAt }, token);
  await emitDomainEvent(ctx, 'InvitationCreated', { type: 'Invitation', id }, { email, role: input.role, expiresAt: expiresAt.toISOString() });
  return ctx.em.findOneOrFail(InvitationSchema, { id });
}

/** A new link and expiry for an open (or expired) invitation: the old link stops working. */
async function reissue(ctx: IdentityContext, options: AccountOptions, id: string, role?: Role): Promise<InvitationEntity> {
  const invitation = await loadForUpdate(ctx, InvitationSchema, 'Invitation', id);
  if (invitation.acceptedAt) throw conflict('This invitation was already accepted', { field: 'id' });
  if (invitation.revokedAt) throw conflict('This invitation was revoked: invite the person again', { field: 'id' });
  const token = newSecret();
  const expiresAt = daysFromNow(options.settings.invitationDays);
  const nextRole = role ?? invitation.role;
  await ctx.em.execute(
    `update invitations set token_hash = ?, expires_at = ?, role = ?, sent_count = sent_count + 1, last_sent_at = now(), updated_at = now()
      where organization_id = ? and id = ?`,
    [sha256(token), expiresAt, nextRole, ctx.organizationId(), invitation.id],
  );
  await mailInvitation(ctx, options, { email: invitation.email, role: nextRole, expiresAt }, token);
  const resent = (await ctx.em.refresh(invitation, { filters: { notDeleted: false } })) as InvitationEntity;
  await emitDomainEvent(ctx, 'InvitationUpdated', { type: 'Invitation', id: resent.id }, { changed: ['expiresAt', 'sentCount', 'lastSentAt', 'role'], status: 'PENDING', version: resent.version });
  return resent;
}

export async function resendInvitation(ctx: IdentityContext, options: AccountOptions, id: string): Promise<InvitationEntity> {
  requireMemberManager(ctx);
  const invitation = await loadForUpdate(ctx, InvitationSchema, 'Invitation', id);
  requireOwnerFor(ctx, [invitation.role], 'Only an owner may invite an owner');
  return reissue(ctx, options, invitation.id);
}

export async function revokeInvitation(ctx: IdentityContext, id: string): Promise<InvitationEntity> {
  requireMemberManager(ctx);
  const invitation = await loadForUpdate(ctx, InvitationSchema, 'Invitation', id);
  if (invitation.acceptedAt) throw conflict('This invitation was already accepted: remove the member instead', { field: 'id' });
  if (invitation.revokedAt) return invitation;
  invitation.revokedAt = new Date();
  invitation.revokedBy = actorLabel(ctx.actor);
  return saveChanges(ctx, invitation, ['revokedAt', 'revokedBy'], { type: 'Invitation', payload: () => ({ status: 'REVOKED' }) });
}

export async function listInvitations(ctx: IdentityContext, includeClosed: boolean | null | undefined): Promise<InvitationEntity[]> {
  requireMemberManager(ctx);
  return ctx.em.find(InvitationSchema, includeClosed ? {} : { acceptedAt: null, revokedAt: null }, { orderBy: { id: 'DESC' } });
}

/**
 * Joins the invitation's organization. The invitation names an address: a signed-in person
 * must be that address; an anonymous caller either has no account there yet (a name and a new
 * password make one) or proves the account with its password.
 */
export async function acceptInvitation(ctx: IdentityContext, options: AccountOptions, args: { token: string; name?: string | null; password?: string | null }): Promise<AuthPayloadModel> {
  const [invitation] = await ctx.em.execute<Array<{ organization_id: string; invitation_id: string; email: string; role: Role; expires_at: Date; accepted_at: Date | null; revoked_at: Date | null; deleted_at: Date | null }>>(
    'select * from auth_find_invitation(?)',
    [sha256(args.token)],
  );
  if (!invitation || invitation.deleted_at) throw badUserInput('This invitation link is not valid', 'token');
  if (invitation.accepted_at) throw conflict('This invitation was already accepted', { field: 'token' });
  if (invitation.revoked_at) throw conflict('This invitation was revoked', { field: 'token' });
  if (new Date(invitation.expires_at).getTime() <= Date.now()) throw conflict('This invitation has expired: ask for a new one', { field: 'token' });

  let userId: string;
  if (ctx.actor.kind === 'user') {
    userId = ctx.actor.userId;
    const user = await ctx.em.findOneOrFail(UserSchema, { id: userId });
    if (user.email !== invitation.email) throw forbidden('This invitation is for another email address');
  } else {
    const existing = await findAccount(ctx, invitation.email);
    if (existing) {
      if (!args.password || !(await verifyPassword(args.password, existing.password_hash))) throw unauthenticated(INVALID_CREDENTIALS);
      userId = existing.user_id;
    } else {
      const name = requiredText(args.name, 'name', 200);
      if (!args.password) throw badUserInput('A password is required', 'password');
      await checkNewPassword(args.password, 'password', invitation.email);
      const [created] = await ctx.em.execute<Array<{ id: string | null }>>('select auth_create_user(?, ?, ?) as id', [invitation.email, name, await hashPassword(args.password)]);
      if (!created?.id) throw conflict('This email already has an account', { field: 'token' });
      userId = created.id;
    }
  }

  const organizationId = invitation.organization_id;
  await ctx.scope.switchTenant(organizationId, { kind: 'user', userId, role: invitation.role });
  const accepted = await ctx.em.execute<Array<{ id: string }>>(
    'update invitations set accepted_at = now(), accepted_by = ?, updated_at = now() where organization_id = ? and id = ? and accepted_at is null and revoked_at is null returning id',
    [userId, organizationId, invitation.invitation_id],
  );
  if (accepted.length === 0) throw conflict('This invitation was already accepted', { field: 'token' });
  const [membership] = await ctx.em.execute<Array<{ id: string; deleted_at: Date | null }>>(
    'select id, deleted_at from memberships where organization_id = ? and user_id = ? for update',
    [organizationId, userId],
  );
  if (membership && !membership.deleted_at) throw conflict('You are already a member of this organization', { field: 'token' });
  await emitDomainEvent(ctx, 'InvitationUpdated', { type: 'Invitation', id: invitation.invitation_id }, { changed: ['acceptedAt', 'acceptedBy'], status: 'ACCEPTED', userId });
  if (membership) {
    // A former member comes back: the same membership, restored, with the invited role.
    await ctx.em.execute('update memberships set deleted_at = null, deleted_by = null, role = ?, updated_at = now() where organization_id = ? and id = ?', [invitation.role, organizationId, membership.id]);
    await emitDomainEvent(ctx, 'MembershipRestored', { type: 'Membership', id: membership.id }, { userId, role: invitation.role });
  } else {
    const membershipId = uuidv7();
    await ctx.em.execute('insert into memberships (organization_id, id, user_id, role) values (?, ?, ?, ?)', [organizationId, membershipId, userId, invitation.role]);
    await emitDomainEvent(ctx, 'MembershipCreated', { type: 'Membership', id: membershipId }, { userId, role: invitation.role });
  }
  return openSession(ctx, options, userId, organizationId, invitation.role);
}

// ---------------------------------------------------------------------------------------
// Members and roles
// ---------------------------------------------------------------------------------------

/** Locks the organization's owners and refuses a change that would leave none. */
async function keepAnOwner(ctx: IdentityContext, leaving: MembershipEntity): Promise<void> {
  if (leaving.role !== 'OWNER') return;
  const owners = await ctx.em.execute<Array<{ id: string }>>(
    "select id from memberships where organization_id = ? and role = 'OWNER' and deleted_at is null for update",
    [ctx.organizationId()],
  );
  if (owners.filter((owner) => owner.id !== leaving.id).length === 0) {
    throw conflict('The organization must keep at least one owner: make someone else owner first', { field: 'membershipId' });
  }
}

export async function changeMemberRole(ctx: IdentityContext, args: { membershipId: string; role: Role; expectedVersion?: number | null }): Promise<MembershipEntity> {
  requireMemberManager(ctx);
  const membership = await loadForUpdate(ctx, MembershipSchema, 'Membership', args.membershipId, { field: 'membershipId', expectedVersion: args.expectedVersion });
  requireOwnerFor(ctx, [membership.role, args.role], 'Only an owner may grant or take the owner role');
  if (membership.role === args.role) return membership;
  if (args.role !== 'OWNER') await keepAnOwner(ctx, membership);
  membership.role = args.role;
  announceAfterCommit(ctx, membership.userId, ctx.organizationId());
  return saveChanges(ctx, membership, ['role'], { type: 'Membership', payload: (row) => ({ userId: row.userId, role: row.role }) });
}

export async function removeMember(ctx: IdentityContext, membershipId: string): Promise<MembershipEntity> {
  requireMemberManager(ctx);
  return deleteEntity(ctx, MembershipSchema, 'Membership', membershipId, undefined, {
    field: 'membershipId',
    async check(membership) {
      requireOwnerFor(ctx, [membership.role], 'Only an owner may remove an owner');
      await keepAnOwner(ctx, membership);
      const ended = await ctx.em.execute<Array<{ id: string }>>(
        "update sessions set revoked_at = now(), revoked_reason = 'removed from the organization' where organization_id = ? and user_id = ? and revoked_at is null returning id",
        [ctx.organizationId(), membership.userId],
      );
      await announceEndedSessions(ctx, ended.map((row) => row.id), membership.userId, 'removed from the organization');
      announceAfterCommit(ctx, membership.userId, ctx.organizationId());
    },
    payload: (removed) => ({ userId: removed.userId }),
  });
}

export async function transferOwnership(ctx: IdentityContext, membershipId: string): Promise<MembershipEntity> {
  requireRole(ctx, ['OWNER'], 'Only an owner may transfer ownership');
  const { userId } = signedInUser(ctx);
  const target = await loadForUpdate(ctx, MembershipSchema, 'Membership', membershipId, { field: 'membershipId' });
  if (target.userId === userId) throw badUserInput('You are already an owner', 'membershipId');
  const own = await ctx.em.findOneOrFail(MembershipSchema, { userId });
  await ctx.em.execute('select id from memberships where organization_id = ? and id = ? for update', [ctx.organizationId(), own.id]);
  const announce = { type: 'Membership', payload: (row: MembershipEntity) => ({ userId: row.userId, role: row.role }) };
  announceAfterCommit(ctx, target.userId, ctx.organizationId());
  announceAfterCommit(ctx, userId, ctx.organizationId());
  own.role = 'ADMIN';
  await saveChanges(ctx, own, ['role'], announce);
  const changed = target.role === 'OWNER' ? [] : ['role'];
  target.role = 'OWNER';
  return saveChanges(ctx, target, changed, announce);
}
