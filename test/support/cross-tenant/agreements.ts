import type { DomainCases, IdCase } from '../cross-tenant.js';

const LINE = '[{ description: "Work", quantity: 1, unitPriceMinor: 100 }]';

/** A mutation `name(id: $id…)` selecting the id, for each transition and lifecycle field. */
const byId = (field: string, what: string, extra = ''): IdCase => ({
  field,
  what,
  operation: (id) => ({ query: `mutation($id: ID!) { ${field}(id: $id${extra}) { id } }`, variables: { id } }),
});

/** The agreements domain's cross-tenant probes. */
export const agreementsCases: DomainCases = {
  idTables: { proposal: 'proposals', contract: 'contracts' },
  cases: [
    { field: 'proposal', what: 'proposal', operation: (id) => ({ query: 'query($id: ID!) { proposal(id: $id) { id title status client { id } } }', variables: { id } }) },
    { field: 'proposal', what: 'proposal', operation: (id) => ({ query: 'query($id: ID!) { proposal(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
    { field: 'contract', what: 'contract', operation: (id) => ({ query: 'query($id: ID!) { contract(id: $id) { id title proposal { id } } }', variables: { id } }) },
    { field: 'contract', what: 'contract', operation: (id) => ({ query: 'query($id: ID!) { contract(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
    {
      field: 'createProposal',
      what: 'client',
      operation: (id) => ({ query: `mutation($id: ID!) { createProposal(input: { clientId: $id, title: "X", currency: "USD", lineItems: ${LINE} }) { id } }`, variables: { id } }),
    },
    byId('updateProposal', 'proposal', ', input: { title: "Hijacked" }'),
    byId('sendProposal', 'proposal'),
    byId('acceptProposal', 'proposal'),
    byId('declineProposal', 'proposal'),
    byId('deleteProposal', 'proposal'),
    byId('restoreProposal', 'proposal'),
    { field: 'createContract', what: 'proposal', operation: (id) => ({ query: 'mutation($id: ID!) { createContract(input: { proposalId: $id }) { id } }', variables: { id } }) },
    {
      field: 'createContract',
      what: 'client',
      operation: (id) => ({ query: 'mutation($id: ID!) { createContract(input: { clientId: $id, title: "X", value: { amountMinor: 1, currency: "USD" } }) { id } }', variables: { id } }),
    },
    byId('updateContract', 'contract', ', input: { notes: "Hijacked" }'),
    byId('signContract', 'contract', ', input: { signedBy: "Mallory" }'),
    byId('completeContract', 'contract'),
    byId('terminateContract', 'contract'),
    byId('deleteContract', 'contract'),
    byId('restoreContract', 'contract'),
  ],
  withoutId: ['proposals', 'contracts'],
  lists: {
    selection: `
      proposals(first: 100) { totalCount edges { node { id client { id } contract { id } lineItems { total { amountMinor } } } } }
      contracts(first: 100) { totalCount edges { node { id client { id } proposal { id } } } }
      agreementsOfClients: clients(first: 100) { edges { node { proposals(first: 100) { totalCount edges { node { id } } } contracts(first: 100) { totalCount edges { node { id } } } } } }`,
    tables: ['proposals', 'contracts'],
  },
};
