import * as engagements from '../engagements.service.js';
import type { ClientResolvers } from '../__generated__/resolvers-types.js';

export const Client: ClientResolvers = {
  // Nothing to load: this subgraph only adds fields keyed by the client's id.
  __resolveReference: (reference) => ({ id: reference.id }),
  engagements: (client, args, ctx) => engagements.engagementsOfClient(ctx, client.id, args),
};
