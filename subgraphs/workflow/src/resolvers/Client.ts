import * as workflows from '../workflow.service.js';
import type { ClientResolvers } from '../__generated__/resolvers-types.js';

export const Client: ClientResolvers = {
  // Nothing to load: this subgraph only adds fields keyed by the client's id.
  __resolveReference: (reference) => ({ id: reference.id }),
  workflowRuns: (client, args, ctx) => workflows.runsOfClient(ctx, client.id, args),
};
