import * as agreements from '../agreements.service.js';
import type { ClientResolvers } from '../__generated__/resolvers-types.js';

export const Client: ClientResolvers = {
  // Nothing to load: this subgraph only adds fields keyed by the client's id.
  __resolveReference: (reference) => ({ id: reference.id }),
  proposals: (client, args, ctx) => agreements.proposalsOfClient(ctx, client.id, args),
  contracts: (client, args, ctx) => agreements.contractsOfClient(ctx, client.id, args),
};
