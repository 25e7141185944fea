import * as workflows from '../workflow.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  workflows: (_parent, args, ctx) => workflows.listWorkflows(ctx, args),
  workflow: (_parent, { id, asOf }, ctx) => workflows.getWorkflow(ctx, id, asOf),
  workflowRuns: (_parent, args, ctx) => workflows.listRuns(ctx, args),
  workflowRun: (_parent, { id }, ctx) => workflows.getRun(ctx, id),
  deadLetterEvents: (_parent, args, ctx) => workflows.listDeadLetters(ctx, args),
};
