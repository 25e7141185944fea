import { defineSubgraph } from '@ubos/kernel';
import { DeadLetterEventSchema } from './entities/dead-letter-event.entity.js';
import { WorkflowRunSchema } from './entities/workflow-run.entity.js';
import { WorkflowSchema } from './entities/workflow.entity.js';
import { createWorkflowLoaders, type WorkflowLoaders } from './loaders.js';
import { workflowEventHandlers } from './events.js';
import { resolvers } from './resolvers/index.js';

/** The workflow subgraph: workflows and their runs. */
export const workflowSubgraph = defineSubgraph<WorkflowLoaders>({
  name: 'workflow',
  resolvers,
  entities: [WorkflowSchema, WorkflowRunSchema, DeadLetterEventSchema],
  createLoaders: createWorkflowLoaders,
  events: workflowEventHandlers,
});
