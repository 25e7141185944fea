import * as workflows from '../workflow.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  createWorkflow: (_parent, { input }, ctx) => workflows.createWorkflow(ctx, input),
  updateWorkflow: (_parent, { id, input, expectedVersion }, ctx) => workflows.updateWorkflow(ctx, id, input, expectedVersion),
  enableWorkflow: (_parent, { id }, ctx) => workflows.setWorkflowEnabled(ctx, id, true),
  disableWorkflow: (_parent, { id }, ctx) => workflows.setWorkflowEnabled(ctx, id, false),
  deleteWorkflow: (_parent, { id, expectedVersion }, ctx) => workflows.deleteWorkflow(ctx, id, expectedVersion),
  restoreWorkflow: (_parent, { id }, ctx) => workflows.restoreWorkflow(ctx, id),
  retryWorkflowRun: (_parent, { id }, ctx) => workflows.retryWorkflowRun(ctx, id),
  replayDeadLetterEvent: (_parent, { id }, ctx) => workflows.replayDeadLetterEvent(ctx, id),
};
