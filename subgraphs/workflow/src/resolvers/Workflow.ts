import * as workflows from '../workflow.service.js';
import type { WorkflowResolvers } from '../__generated__/resolvers-types.js';

export const Workflow: WorkflowResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.workflowReference.load(reference.id),
  trigger: (workflow) => ({ eventType: workflow.triggerEventType, conditions: workflow.triggerConditions }),
  steps: (workflow) => workflow.steps,
  history: (workflow, args, ctx) => ctx.loaders.workflowHistory.versions(workflow.id, args),
  runs: (workflow, args, ctx) => workflows.runsOfWorkflow(ctx, workflow.id, args),
};
