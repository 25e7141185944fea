import type { DomainCases } from '../cross-tenant.js';

/**
 * The integrations domain's cross-tenant probes: another tenant's QuickBooks mapping is as absent
 * as a missing one (NOT_FOUND), and the lists show only the own tenant's connection and mappings.
 * connectQuickBooks, completeQuickBooksConnection, disconnectIntegration and resyncIntegration
 * take no id: they act on the caller's own tenant (the OAuth state is bound to it).
 */
export const integrationsCases: DomainCases = {
  idTables: { quickBooksSync: 'integration_quickbooks_customers' },
  cases: [
    {
      field: 'resolveQuickBooksConflict',
      what: 'quickBooksSync',
      operation: (id) => ({ query: 'mutation($id: ID!) { resolveQuickBooksConflict(id: $id, keep: UBOS) { id syncState } }', variables: { id } }),
    },
  ],
  withoutId: ['integrations', 'connectQuickBooks', 'completeQuickBooksConnection', 'disconnectIntegration', 'resyncIntegration'],
  lists: {
    selection: `integrations { provider status realmId pendingCount conflictCount }
      quickBooksOfClients: clients(first: 100) { edges { node { quickBooks { id customerId syncState conflict { fields } } } } }
      quickBooksOfInvoices: invoices(first: 100) { edges { node { quickBooks { id invoiceId syncState } } } }`,
    tables: ['integration_connections', 'integration_quickbooks_customers', 'integration_quickbooks_invoices'],
  },
};
