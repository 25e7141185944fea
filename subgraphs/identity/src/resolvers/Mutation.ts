import * as accounts from '../accounts.service.js';
import * as apiKeys from '../api-keys.service.js';
import * as identity from '../identity.service.js';
import * as persisted from '../persisted-operations.service.js';
import * as schemaVersions from '../schema-versions.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export function createMutation(options: accounts.AccountOptions): MutationResolvers {
  return {
    login: (_parent, args, ctx) => identity.login(ctx, options, args),
    createApiKey: (_parent, { input }, ctx) => apiKeys.createApiKey(ctx, input),
    startTenantMigration: (_parent, { targetVersion }, ctx) => schemaVersions.startTenantMigration(ctx, targetVersion),
    revokeApiKey: (_parent, { id }, ctx) => apiKeys.revokeApiKey(ctx, id),
    registerPersistedOperations: (_parent, { operations }, ctx) => persisted.registerPersistedOperations(ctx, operations),
    signUp: (_parent, { input }, ctx) => accounts.signUp(ctx, options, input),
    refreshSession: (_parent, { refreshToken }, ctx) => accounts.refreshSession(ctx, options, refreshToken),
    logout: (_parent, _args, ctx) => accounts.logout(ctx),
    logoutEverywhere: (_parent, _args, ctx) => accounts.logoutEverywhere(ctx),
    revokeSession: (_parent, { id }, ctx) => accounts.revokeSession(ctx, id),
    changePassword: (_parent, args, ctx) => accounts.changePassword(ctx, args),
    requestPasswordReset: (_parent, { email }, ctx) => accounts.requestPasswordReset(ctx, options, email),
    resetPassword: (_parent, args, ctx) => accounts.resetPassword(ctx, args),
    inviteMember: (_parent, { input }, ctx) => accounts.inviteMember(ctx, options, input),
    resendInvitation: (_parent, { id }, ctx) => accounts.resendInvitation(ctx, options, id),
    revokeInvitation: (_parent, { id }, ctx) => accounts.revokeInvitation(ctx, id),
    acceptInvitation: (_parent, args, ctx) => accounts.acceptInvitation(ctx, options, args),
    changeMemberRole: (_parent, args, ctx) => accounts.changeMemberRole(ctx, args),
    removeMember: (_parent, { membershipId }, ctx) => accounts.removeMember(ctx, membershipId),
    transferOwnership: (_parent, { membershipId }, ctx) => accounts.transferOwnership(ctx, membershipId),
  };
}
