import * as integrations from '../integrations.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

// idempotencyKey is part of the public contract; the kernel handles it for every mutation.
export const Mutation: MutationResolvers = {
  connectQuickBooks: (_parent, { redirectUri }, ctx) => integrations.connectQuickBooks(ctx, redirectUri),
  completeQuickBooksConnection: (_parent, { code, state, realmId }, ctx) => integrations.completeQuickBooksConnection(ctx, code, state, realmId),
  disconnectIntegration: (_parent, { provider }, ctx) => integrations.disconnectIntegration(ctx, provider),
  resyncIntegration: (_parent, { provider }, ctx) => integrations.resyncIntegration(ctx, provider),
  resolveQuickBooksConflict: (_parent, { id, keep }, ctx) => integrations.resolveQuickBooksConflict(ctx, id, keep),
  receiveQuickBooksNotification: (_parent, { realmId, entities }, ctx) => integrations.receiveQuickBooksNotification(ctx, realmId, entities),
};
