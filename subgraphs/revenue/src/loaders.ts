import DataLoader from 'dataloader';
import { createByIdLoader, createChildPageLoader, createHistoryLoaders, type EntityManager } from '@ubos/kernel';
import { BillPaymentSchema, type BillPaymentEntity } from './entities/bill-payment.entity.js';
import { BillSchema } from './entities/bill.entity.js';
import { InvoiceSchema } from './entities/invoice.entity.js';
import { PaymentSchema, type PaymentEntity } from './entities/payment.entity.js';
import { VendorSchema } from './entities/vendor.entity.js';
import { createInvoicesOfClientLoader } from './invoice-pages.js';
import { utcToday } from './invoice-status.js';

/** Child rows of many parents in one statement, in paid order (a bounded, plain list). */
function createPaymentsLoader<T>(load: (parentIds: string[]) => Promise<T[]>, parentOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const rows = await load([...parentIds]);
    const byParent = new Map<string, T[]>();
    for (const row of rows) byParent.set(parentOf(row), [...(byParent.get(parentOf(row)) ?? []), row]);
    return parentIds.map((parentId) => byParent.get(parentId) ?? []);
  });
}

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createRevenueLoaders(em: EntityManager, organizationId: string | null) {
  // One day per fetch, shared by the derived statuses and the status filters, so they agree.
  const today = utcToday();
  const byPaidAt = { orderBy: { paidAt: 'ASC', id: 'ASC' } } as const;
  return {
    today,
    invoiceById: createByIdLoader(em, InvoiceSchema),
    /** For references from payments and other subgraphs: deleted invoices still resolve. */
    invoiceReference: createByIdLoader(em, InvoiceSchema, { includeDeleted: true }),
    invoiceHistory: createHistoryLoaders(em, organizationId, 'Invoice', InvoiceSchema),
    invoicesOfClient: createInvoicesOfClientLoader(em, organizationId, today),
    paymentById: createByIdLoader(em, PaymentSchema),
    paymentsOfInvoice: createPaymentsLoader<PaymentEntity>(
      (invoiceIds) => em.find(PaymentSchema, { invoiceId: { $in: invoiceIds } }, byPaidAt),
      (payment) => payment.invoiceId,
    ),
    vendorById: createByIdLoader(em, VendorSchema),
    vendorReference: createByIdLoader(em, VendorSchema, { includeDeleted: true }),
    vendorHistory: createHistoryLoaders(em, organizationId, 'Vendor', VendorSchema),
    billById: createByIdLoader(em, BillSchema),
    billReference: createByIdLoader(em, BillSchema, { includeDeleted: true }),
    billHistory: createHistoryLoaders(em, organizationId, 'Bill', BillSchema),
    billsOfVendor: createChildPageLoader(em, organizationId, {
      entity: BillSchema,
      table: 'bills',
      parentColumn: 'vendor_id',
      softDeletable: true,
      sort: { properties: ['id'], columns: ['id'], direction: 'ASC' },
    }),
    paymentsOfBill: createPaymentsLoader<BillPaymentEntity>(
      (billIds) => em.find(BillPaymentSchema, { billId: { $in: billIds } }, byPaidAt),
      (payment) => payment.billId,
    ),
  };
}

export type RevenueLoaders = ReturnType<typeof createRevenueLoaders>;
