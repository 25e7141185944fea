import * as revenue from '../revenue.service.js';
import type { ClientResolvers } from '../__generated__/resolvers-types.js';

export const Client: ClientResolvers = {
  // Nothing to load: this subgraph only adds fields keyed by the client's id.
  __resolveReference: (reference) => ({ id: reference.id }),
  invoices: (client, args, ctx) => revenue.invoicesOfClient(ctx, client.id, args),
};
