import type { DomainCases } from '../cross-tenant.js';

/** The engagements domain's cross-tenant probes. */
export const engagementsCases: DomainCases = {
  idTables: { engagement: 'engagements' },
  cases: [
    { field: 'engagement', what: 'engagement', operation: (id) => ({ query: 'query($id: ID!) { engagement(id: $id) { id name client { id } contract { id } projects { id } } }', variables: { id } }) },
    { field: 'engagement', what: 'engagement', operation: (id) => ({ query: 'query($id: ID!) { engagement(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
    { field: 'createEngagement', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { createEngagement(input: { clientId: $id, name: "X", type: RETAINER }) { id } }', variables: { id } }) },
    {
      field: 'createEngagement',
      what: 'contract',
      operation: (id, own) => ({ query: 'mutation($id: ID!, $c: ID!) { createEngagement(input: { clientId: $c, contractId: $id, name: "X", type: RETAINER }) { id } }', variables: { id, c: own.client } }),
    },
    {
      field: 'createEngagement',
      what: 'project',
      operation: (id, own) => ({ query: 'mutation($id: ID!, $c: ID!) { createEngagement(input: { clientId: $c, name: "X", type: FIXED_FEE, projectIds: [$id] }) { id } }', variables: { id, c: own.client } }),
    },
    { field: 'updateEngagement', what: 'engagement', operation: (id) => ({ query: 'mutation($id: ID!) { updateEngagement(id: $id, input: { name: "Hijacked" }) { id } }', variables: { id } }) },
    {
      field: 'updateEngagement',
      what: 'contract',
      operation: (id, own) => ({ query: 'mutation($id: ID!, $e: ID!) { updateEngagement(id: $e, input: { contractId: $id }) { id } }', variables: { id, e: own.engagement } }),
    },
    { field: 'addProjectToEngagement', what: 'engagement', operation: (id, own) => ({ query: 'mutation($id: ID!, $p: ID!) { addProjectToEngagement(id: $id, projectId: $p) { id } }', variables: { id, p: own.project } }) },
    { field: 'addProjectToEngagement', what: 'project', operation: (id, own) => ({ query: 'mutation($id: ID!, $e: ID!) { addProjectToEngagement(id: $e, projectId: $id) { id } }', variables: { id, e: own.engagement } }) },
    { field: 'removeProjectFromEngagement', what: 'engagement', operation: (id, own) => ({ query: 'mutation($id: ID!, $p: ID!) { removeProjectFromEngagement(id: $id, projectId: $p) { id } }', variables: { id, p: own.project } }) },
    { field: 'removeProjectFromEngagement', what: 'project', operation: (id, own) => ({ query: 'mutation($id: ID!, $e: ID!) { removeProjectFromEngagement(id: $e, projectId: $id) { id } }', variables: { id, e: own.engagement } }) },
    { field: 'deleteEngagement', what: 'engagement', operation: (id) => ({ query: 'mutation($id: ID!) { deleteEngagement(id: $id) { id } }', variables: { id } }) },
    { field: 'restoreEngagement', what: 'engagement', operation: (id) => ({ query: 'mutation($id: ID!) { restoreEngagement(id: $id) { id } }', variables: { id } }) },
  ],
  withoutId: ['engagements'],
  lists: {
    selection: `
      engagements(first: 100) { totalCount edges { node { id client { id } contract { id engagements { edges { node { id } } } } projects { id } } } }
      engagementsOfClients: clients(first: 100) { edges { node { engagements(first: 100) { totalCount edges { node { id } } } } } }`,
    tables: ['engagements'],
  },
};
