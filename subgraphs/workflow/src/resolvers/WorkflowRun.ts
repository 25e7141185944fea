import type { WorkflowRunResolvers } from '../__generated__/resolvers-types.js';

export const WorkflowRun: WorkflowRunResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.runById.load(reference.id),
  workflow: async (run, _args, ctx) => (await ctx.loaders.workflowReference.load(run.workflowId))!,
  event: (run) => ({ id: run.eventId, type: run.eventType, aggregateType: run.eventAggregateType, aggregateId: run.eventAggregateId, payload: run.eventPayload, occurredAt: run.eventOccurredAt }),
  client: (run) => (run.clientId ? { id: run.clientId } : null),
  steps: (run) => run.steps,
  retries: (run) => run.generation,
};
