import { invoiceCustomFields } from '../custom-fields.js';
import * as revenue from '../revenue.service.js';
import { formatInvoiceNumber } from '../invoice-status.js';
import { lineItemsOf, money } from '../mappers.js';
import type { InvoiceResolvers } from '../__generated__/resolvers-types.js';

export const Invoice: InvoiceResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.invoiceReference.load(reference.id),
  number: (invoice) => formatInvoiceNumber(invoice.number),
  client: (invoice) => ({ id: invoice.clientId }),
  engagement: (invoice) => (invoice.engagementId ? { id: invoice.engagementId } : null),
  lineItems: (invoice) => lineItemsOf(invoice),
  subtotal: (invoice) => money(invoice.subtotalMinor, invoice.currency),
  tax: (invoice) => money(invoice.taxMinor, invoice.currency),
  total: (invoice) => money(invoice.totalMinor, invoice.currency),
  amountPaid: (invoice) => money(invoice.amountPaidMinor, invoice.currency),
  balance: (invoice) => money(Number(invoice.totalMinor) - Number(invoice.amountPaidMinor), invoice.currency),
  status: (invoice, _args, ctx) => revenue.statusOf(ctx, invoice),
  customFields: (invoice) => invoice.customFields ?? {},
  customField: (invoice, { key }, ctx) => invoiceCustomFields.typed(ctx, invoice.customFields, key),
  payments: (invoice, _args, ctx) => ctx.loaders.paymentsOfInvoice.load(invoice.id),
  history: (invoice, args, ctx) => ctx.loaders.invoiceHistory.versions(invoice.id, args),
};
