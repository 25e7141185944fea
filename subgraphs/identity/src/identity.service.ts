import {
  decoyPasswordHash,
  forbidden,
  notFound,
  parseId,
  unauthenticated,
  verifyPassword,
  type Connection,
  type Role,
} from '@ubos/kernel';
import { openSession, type AccountOptions } from './accounts.service.js';
import type { IdentityContext } from './context.js';
import type { OrganizationEntity } from './entities/organization.entity.js';
import type { UserEntity } from './entities/user.entity.js';
import type { MembershipEntity } from './entities/membership.entity.js';
import type { AuthPayloadModel } from './mappers.js';

const INVALID_CREDENTIALS = 'Invalid email or password';

interface MembershipChoice {
  organization_id: string;
  organization_name: string;
  membership_id: string;
  role: Role;
}

/**
 * Login runs before any tenant is known, so it reaches users and memberships only through
 * the two SECURITY DEFINER functions of the foundation migration. Once the password checks
 * out, the fetch switches to the chosen organization and reads like any other.
 */
export async function login(ctx: IdentityContext, options: AccountOptions, args: { email: string; password: string; organizationId?: string | null }): Promise<AuthPayloadModel> {
  const organizationId = args.organizationId ? parseId(args.organizationId, 'organizationId') : undefined;
  const [account] = await ctx.em.execute<Array<{ user_id: string; password_hash: string }>>(
    'select user_id, password_hash from auth_find_user_by_email(?)',
    [args.email.normalize('NFC').trim()],
  );
  // Compare against a decoy when the email is unknown, so the answer takes as long either way.
  const passwordMatches = await verifyPassword(args.password, account?.password_hash ?? (await decoyPasswordHash()));
  if (!account || !passwordMatches) throw unauthenticated(INVALID_CREDENTIALS);

  const choices = await ctx.em.execute<MembershipChoice[]>(
    'select organization_id, organization_name, membership_id, role from auth_user_memberships(?)',
    [account.user_id],
  );
  if (choices.length === 0) throw unauthenticated('This account belongs to no organization');
  const chosen = organizationId ? choices.find((choice) => choice.organization_id === organizationId) : choices[0];
  if (!chosen) throw forbidden('You are not a member of this organization');

  await ctx.scope.switchTenant(chosen.organization_id, { kind: 'user', userId: account.user_id, role: chosen.role });
  return openSession(ctx, options, account.user_id, chosen.organization_id, chosen.role);
}

function currentUserId(ctx: IdentityContext): string {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw unauthenticated();
  return actor.userId;
}

export async function me(ctx: IdentityContext): Promise<UserEntity> {
  const user = await ctx.loaders.userById.load(currentUserId(ctx));
  // The token outlived the membership: the user is no longer visible in this organization.
  if (!user) throw unauthenticated('Your membership in this organization has ended');
  return user;
}

export async function currentOrganization(ctx: IdentityContext): Promise<OrganizationEntity> {
  const organization = await ctx.loaders.organizationById.load(ctx.organizationId());
  if (!organization) throw notFound('Organization');
  return organization;
}

export function members(ctx: IdentityContext, organizationId: string, args: { first?: number | null; after?: string | null }): Promise<Connection<MembershipEntity>> {
  return ctx.loaders.membersOfOrganization(organizationId, args);
}
