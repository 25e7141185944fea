import type { InvoiceEntity } from './entities/invoice.entity.js';

export const INVOICE_STATUSES = ['DRAFT', 'SENT', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'VOID'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

type StatusFields = Pick<InvoiceEntity, 'voidedAt' | 'sentAt' | 'totalMinor' | 'amountPaidMinor' | 'dueDate'>;

/** Today in UTC as YYYY-MM-DD: due dates are compared with it. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function dateText(value: string | Date | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/**
 * The status of an invoice, derived and never stored, with this precedence:
 * VOID > DRAFT > PAID > OVERDUE > PARTIALLY_PAID > SENT. `invoiceStatusSql` is the same rule
 * in SQL, for filtering lists; keep the two in step.
 */
export function invoiceStatus(invoice: StatusFields, today: string): InvoiceStatus {
  if (invoice.voidedAt) return 'VOID';
  if (!invoice.sentAt) return 'DRAFT';
  const paid = Number(invoice.amountPaidMinor);
  if (paid >= Number(invoice.totalMinor)) return 'PAID';
  const due = dateText(invoice.dueDate as string | Date | null);
  if (due && due < today) return 'OVERDUE';
  if (paid > 0) return 'PARTIALLY_PAID';
  return 'SENT';
}

/** `invoiceStatus` as a SQL expression over the invoices row `alias`, for the day `today` (YYYY-MM-DD). */
export function invoiceStatusSql(alias: string, today: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`not a date: ${today}`);
  return `(case when ${alias}.voided_at is not null then 'VOID'
    when ${alias}.sent_at is null then 'DRAFT'
    when ${alias}.amount_paid_minor >= ${alias}.total_minor then 'PAID'
    when ${alias}.due_date < date '${today}' then 'OVERDUE'
    when ${alias}.amount_paid_minor > 0 then 'PARTIALLY_PAID'
    else 'SENT' end)`;
}

/** INV- and the sequence number, at least six digits: INV-000042. */
export function formatInvoiceNumber(number: number): string {
  return `INV-${String(number).padStart(6, '0')}`;
}
