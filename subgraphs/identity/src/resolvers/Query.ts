import * as accounts from '../accounts.service.js';
import * as apiKeys from '../api-keys.service.js';
import * as dataQuality from '../data-quality.service.js';
import * as identity from '../identity.service.js';
import * as persisted from '../persisted-operations.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  me: (_parent, _args, ctx) => identity.me(ctx),
  organization: (_parent, _args, ctx) => identity.currentOrganization(ctx),
  apiKeys: (_parent, { includeRevoked }, ctx) => apiKeys.listApiKeys(ctx, includeRevoked),
  apiKeyPrincipal: (_parent, { secret }, ctx) => apiKeys.apiKeyPrincipal(ctx, secret),
  dataQuality: (_parent, _args, ctx) => dataQuality.dataQuality(ctx),
  dataQualityIssues: (_parent, args, ctx) => dataQuality.dataQualityIssues(ctx, args),
  persistedOperations: (_parent, _args, ctx) => persisted.listPersistedOperations(ctx),
  persistedOperation: (_parent, { sha256 }, ctx) => persisted.persistedOperation(ctx, sha256),
  sessions: (_parent, _args, ctx) => accounts.listSessions(ctx),
  invitations: (_parent, { includeClosed }, ctx) => accounts.listInvitations(ctx, includeClosed),
  sessionState: (_parent, args, ctx) => accounts.sessionState(ctx, args),
};
