import type { TokenService } from '@ubos/kernel';
import * as apiKeys from '../api-keys.service.js';
import * as identity from '../identity.service.js';
import * as persisted from '../persisted-operations.service.js';
import * as schemaVersions from '../schema-versions.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export function createMutation(tokens: TokenService): MutationResolvers {
  return {
    login: (_parent, args, ctx) => identity.login(ctx, tokens, args),
    createApiKey: (_parent, { input }, ctx) => apiKeys.createApiKey(ctx, input),
    startTenantMigration: (_parent, { targetVersion }, ctx) => schemaVersions.startTenantMigration(ctx, targetVersion),
    revokeApiKey: (_parent, { id }, ctx) => apiKeys.revokeApiKey(ctx, id),
    registerPersistedOperations: (_parent, { operations }, ctx) => persisted.registerPersistedOperations(ctx, operations),
  };
}
