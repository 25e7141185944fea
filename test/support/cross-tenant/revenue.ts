import type { DomainCases, IdCase } from '../cross-tenant.js';

const LINE = '[{ description: "Work", quantity: 1, unitPriceMinor: 100 }]';

/** A mutation `name(id: $id…)` selecting the id, for each transition and lifecycle field. */
const byId = (field: string, what: string, extra = ''): IdCase => ({
  field,
  what,
  operation: (id) => ({ query: `mutation($id: ID!) { ${field}(id: $id${extra}) { id } }`, variables: { id } }),
});

/** The revenue domain's cross-tenant probes. */
export const revenueCases: DomainCases = {
  idTables: { invoice: 'invoices', payment: 'payments', vendor: 'vendors', bill: 'bills' },
  cases: [
    { field: 'invoice', what: 'invoice', operation: (id) => ({ query: 'query($id: ID!) { invoice(id: $id) { id number status client { id } payments { id } } }', variables: { id } }) },
    { field: 'invoice', what: 'invoice', operation: (id) => ({ query: 'query($id: ID!) { invoice(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
    { field: 'payment', what: 'payment', operation: (id) => ({ query: 'query($id: ID!) { payment(id: $id) { id amount { amountMinor } invoice { id } } }', variables: { id } }) },
    { field: 'vendor', what: 'vendor', operation: (id) => ({ query: 'query($id: ID!) { vendor(id: $id) { id name bills { totalCount } } }', variables: { id } }) },
    { field: 'vendor', what: 'vendor', operation: (id) => ({ query: 'query($id: ID!) { vendor(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
    { field: 'bill', what: 'bill', operation: (id) => ({ query: 'query($id: ID!) { bill(id: $id) { id status vendor { id } payments { id } } }', variables: { id } }) },
    { field: 'bill', what: 'bill', operation: (id) => ({ query: 'query($id: ID!) { bill(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
    {
      field: 'createInvoice',
      what: 'client',
      operation: (id) => ({ query: `mutation($id: ID!) { createInvoice(input: { clientId: $id, currency: "USD", lineItems: ${LINE} }) { id } }`, variables: { id } }),
    },
    {
      field: 'createInvoice',
      what: 'engagement',
      operation: (id, own) => ({
        query: `mutation($id: ID!, $c: ID!) { createInvoice(input: { clientId: $c, engagementId: $id, currency: "USD", lineItems: ${LINE} }) { id } }`,
        variables: { id, c: own.client },
      }),
    },
    byId('updateInvoice', 'invoice', ', input: { notes: "Hijacked" }'),
    {
      field: 'updateInvoice',
      what: 'engagement',
      operation: (id, own) => ({ query: 'mutation($id: ID!, $i: ID!) { updateInvoice(id: $i, input: { engagementId: $id }) { id } }', variables: { id, i: own.invoice } }),
    },
    byId('sendInvoice', 'invoice'),
    byId('voidInvoice', 'invoice'),
    byId('deleteInvoice', 'invoice'),
    byId('restoreInvoice', 'invoice'),
    {
      field: 'recordPayment',
      what: 'invoice',
      operation: (id) => ({ query: 'mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 1 }) { payment { id } invoice { id } } }', variables: { id } }),
    },
    byId('updateVendor', 'vendor', ', input: { name: "Hijacked" }'),
    byId('deleteVendor', 'vendor'),
    byId('restoreVendor', 'vendor'),
    {
      field: 'createBill',
      what: 'vendor',
      operation: (id) => ({ query: `mutation($id: ID!) { createBill(input: { vendorId: $id, currency: "USD", lineItems: ${LINE} }) { id } }`, variables: { id } }),
    },
    byId('updateBill', 'bill', ', input: { notes: "Hijacked" }'),
    byId('approveBill', 'bill'),
    byId('voidBill', 'bill'),
    {
      field: 'recordBillPayment',
      what: 'bill',
      operation: (id) => ({ query: 'mutation($id: ID!) { recordBillPayment(input: { billId: $id, amountMinor: 1 }) { payment { id } bill { id } } }', variables: { id } }),
    },
    byId('deleteBill', 'bill'),
    byId('restoreBill', 'bill'),
  ],
  withoutId: ['invoices', 'vendors', 'bills', 'createVendor'],
  lists: {
    selection: `
      invoices(first: 100) { totalCount edges { node { id client { id } engagement { id } payments { id invoice { id } } } } }
      vendors(first: 100) { totalCount edges { node { id bills(first: 100) { totalCount edges { node { id payments { id bill { id } } } } } } } }
      bills(first: 100) { totalCount edges { node { id vendor { id } } } }
      revenueOfClients: clients(first: 100) { edges { node { invoices(first: 100) { totalCount edges { node { id payments { id } } } } } } }`,
    tables: ['invoices', 'payments', 'vendors', 'bills', 'bill_payments'],
  },
};
