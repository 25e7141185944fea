import * as files from '../files.service.js';
import type { ClientResolvers } from '../__generated__/resolvers-types.js';

export const Client: ClientResolvers = {
  // Nothing to load: this subgraph only adds fields keyed by the client's id.
  __resolveReference: (reference) => ({ id: reference.id }),
  files: (client, args, ctx) => files.filesOfClient(ctx, client.id, args),
};
