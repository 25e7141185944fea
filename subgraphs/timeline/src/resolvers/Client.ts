import * as timeline from '../timeline.service.js';
import type { ClientResolvers } from '../__generated__/resolvers-types.js';

export const Client: ClientResolvers = {
  // Nothing to load: this subgraph only adds fields keyed by the client's id.
  __resolveReference: (reference) => ({ id: reference.id }),
  timeline: (client, args, ctx) => timeline.timelineOfClient(ctx, client.id, args),
};
