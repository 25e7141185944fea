import type { ClientResolvers } from '../__generated__/resolvers-types.js';

export const Client: ClientResolvers = {
  // Nothing to load: this subgraph only adds fields keyed by the client's id.
  __resolveReference: (reference) => ({ id: reference.id }),
  quickBooks: (client, _args, ctx) => ctx.loaders.customerOfClient.load(client.id),
};
