import * as integrations from '../integrations.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  integrations: (_parent, _args, ctx) => integrations.listIntegrations(ctx),
};
