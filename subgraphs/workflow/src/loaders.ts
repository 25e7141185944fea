import { createByIdLoader, createChildPageLoader, createHistoryLoaders, type EntityManager } from '@ubos/kernel';
import { WorkflowRunSchema } from './entities/workflow-run.entity.js';
import { WorkflowSchema } from './entities/workflow.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createWorkflowLoaders(em: EntityManager, organizationId: string | null) {
  return {
    workflowById: createByIdLoader(em, WorkflowSchema),
    /** For references (a run's workflow, other subgraphs): deleted workflows still resolve. */
    workflowReference: createByIdLoader(em, WorkflowSchema, { includeDeleted: true }),
    workflowHistory: createHistoryLoaders(em, organizationId, 'Workflow', WorkflowSchema),
    runById: createByIdLoader(em, WorkflowRunSchema),
    /** Client.workflowRuns for every client of a list in one statement, newest first. */
    runsOfClient: createChildPageLoader(em, organizationId, {
      entity: WorkflowRunSchema,
      table: 'workflow_runs',
      parentColumn: 'client_id',
      sort: { properties: ['id'], columns: ['id'], direction: 'DESC' },
    }),
    /** Workflow.runs for every workflow of a list in one statement, newest first. */
    runsOfWorkflow: createChildPageLoader(em, organizationId, {
      entity: WorkflowRunSchema,
      table: 'workflow_runs',
      parentColumn: 'workflow_id',
      sort: { properties: ['id'], columns: ['id'], direction: 'DESC' },
    }),
  };
}

export type WorkflowLoaders = ReturnType<typeof createWorkflowLoaders>;
