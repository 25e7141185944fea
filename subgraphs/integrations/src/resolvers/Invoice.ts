import type { InvoiceResolvers } from '../__generated__/resolvers-types.js';

export const Invoice: InvoiceResolvers = {
  // Invoices belong to revenue; this subgraph only adds fields keyed by the invoice's id.
  __resolveReference: (reference) => ({ id: reference.id }),
  quickBooks: (invoice, _args, ctx) => ctx.loaders.invoiceOfInvoice.load(invoice.id),
};
