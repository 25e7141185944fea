import { createByIdLoader, createChildPageLoader, createHistoryLoaders, defineLoaders } from '@ubos/kernel';
import { WorkflowRunSchema } from './entities/workflow-run.entity.js';
import { WorkflowSchema } from './entities/workflow.entity.js';

const NEWEST_FIRST = { properties: ['id'] as Array<'id'>, direction: 'DESC' as const };

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export const createWorkflowLoaders = defineLoaders({
  workflowById: ({ em }) => createByIdLoader(em, WorkflowSchema),
  /** For references (a run's workflow, other subgraphs): deleted workflows still resolve. */
  workflowReference: ({ em }) => createByIdLoader(em, WorkflowSchema, { includeDeleted: true }),
  workflowHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Workflow', WorkflowSchema),
  runById: ({ em }) => createByIdLoader(em, WorkflowRunSchema),
  /** Client.workflowRuns for every client of a list in one statement, newest first. */
  runsOfClient: (scope) => createChildPageLoader(scope, { entity: WorkflowRunSchema, parent: 'clientId', sort: NEWEST_FIRST }),
  /** Workflow.runs for every workflow of a list in one statement, newest first. */
  runsOfWorkflow: (scope) => createChildPageLoader(scope, { entity: WorkflowRunSchema, parent: 'workflowId', sort: NEWEST_FIRST }),
});

export type WorkflowLoaders = ReturnType<typeof createWorkflowLoaders>;
