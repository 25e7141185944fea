import type { DomainCases } from '../cross-tenant.js';

/**
 * The workflow domain's cross-tenant probes: another tenant's workflow, run or dead letter is as
 * absent as a missing one, for lookups (null) and mutations (NOT_FOUND) alike.
 */
export const workflowCases: DomainCases = {
  idTables: { workflow: 'workflows', workflowRun: 'workflow_runs', deadLetterEvent: 'event_dead_letters' },
  cases: [
    { field: 'workflow', what: 'workflow', operation: (id) => ({ query: 'query($id: ID!) { workflow(id: $id) { id name } }', variables: { id } }) },
    { field: 'workflow', what: 'workflow', operation: (id) => ({ query: 'query($id: ID!) { workflow(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
    { field: 'workflowRun', what: 'workflowRun', operation: (id) => ({ query: 'query($id: ID!) { workflowRun(id: $id) { id status steps { key } } }', variables: { id } }) },
    {
      field: 'updateWorkflow',
      what: 'workflow',
      operation: (id) => ({ query: 'mutation($id: ID!) { updateWorkflow(id: $id, input: { name: "Hijacked" }) { id } }', variables: { id } }),
    },
    { field: 'enableWorkflow', what: 'workflow', operation: (id) => ({ query: 'mutation($id: ID!) { enableWorkflow(id: $id) { id } }', variables: { id } }) },
    { field: 'disableWorkflow', what: 'workflow', operation: (id) => ({ query: 'mutation($id: ID!) { disableWorkflow(id: $id) { id } }', variables: { id } }) },
    { field: 'deleteWorkflow', what: 'workflow', operation: (id) => ({ query: 'mutation($id: ID!) { deleteWorkflow(id: $id) { id } }', variables: { id } }) },
    { field: 'restoreWorkflow', what: 'workflow', operation: (id) => ({ query: 'mutation($id: ID!) { restoreWorkflow(id: $id) { id } }', variables: { id } }) },
    { field: 'retryWorkflowRun', what: 'workflowRun', operation: (id) => ({ query: 'mutation($id: ID!) { retryWorkflowRun(id: $id) { id } }', variables: { id } }) },
    {
      field: 'replayDeadLetterEvent',
      what: 'deadLetterEvent',
      operation: (id) => ({ query: 'mutation($id: ID!) { replayDeadLetterEvent(id: $id) { id } }', variables: { id } }),
    },
  ],
  withoutId: ['workflows', 'workflowRuns', 'deadLetterEvents', 'createWorkflow'],
  lists: {
    selection: `workflows(first: 100, includeDeleted: true) { totalCount edges { node { id runs(first: 100) { edges { node { id } } } } } }
      workflowRuns(first: 100) { totalCount edges { node { id workflow { id } client { id } event { id aggregateId } } } }
      deadLetterEvents(first: 100, includeReplayed: true) { totalCount edges { node { id } } }
      workflowRunsOfClients: clients(first: 100) { edges { node { workflowRuns(first: 100) { edges { node { id } } } } } }`,
    tables: ['workflows', 'workflow_runs', 'event_dead_letters'],
  },
};
