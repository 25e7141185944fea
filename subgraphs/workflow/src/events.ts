import { clientMergeHandlers } from '@ubos/kernel';

/**
 * What a client merge means here (the kernel's client merge protocol): Workflow runs are listed under their client, so they follow it; the events they ran for stay as they were.
 */
export const workflowEventHandlers = clientMergeHandlers('workflow', [{ table: 'workflow_runs', entityType: 'WorkflowRun' }]);
