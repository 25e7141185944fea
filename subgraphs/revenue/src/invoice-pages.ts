import { badUserInput, decodeCursor, encodeCursor, pageSize, pgArray, rowMapper, toConnection, type Connection, type EntityManager, type SqlCondition } from '@ubos/kernel';
import { InvoiceSchema, type InvoiceEntity } from './entities/invoice.entity.js';
import { invoiceStatusSql } from './invoice-status.js';

// The organization's invoice list is raw SQL because the status it filters on is derived
// (invoiceStatusSql), not a column; a client's invoices go through the kernel's child pages
// with the same condition. The ORM's tenant filter does not reach raw SQL: the explicit
// organization_id condition is its equivalent, and Row Level Security stands behind both.

export interface InvoicePageArgs {
  first?: number | null;
  after?: string | null;
  statuses?: readonly string[] | null;
  includeDeleted?: boolean;
}

interface ParsedPage {
  first: number;
  /** The (number, id) of the row the page starts after. */
  after?: [number, string];
  statuses?: readonly string[] | null;
  includeDeleted: boolean;
}

export const invoiceCursor = (invoice: InvoiceEntity) => encodeCursor([invoice.number, invoice.id]);

/** Invoices are listed by (number, id); a cursor is those two values. */
export function parseInvoicePage(args: InvoicePageArgs): ParsedPage {
  const first = pageSize(args.first);
  let after: [number, string] | undefined;
  if (args.after) {
    const [number, id] = decodeCursor(args.after, 2);
    if (!Number.isSafeInteger(number)) throw badUserInput('after is not a valid cursor for this list', 'after');
    after = [number as number, id as string];
  }
  return { first, after, statuses: args.statuses, includeDeleted: Boolean(args.includeDeleted) };
}

/** Invoices whose derived status is one of `statuses`, on the day `today`. */
export function invoiceStatusCondition(statuses: readonly string[], today: string): SqlCondition {
  return { sql: (alias) => `${invoiceStatusSql(alias, today)} = any(?::text[])`, params: [pgArray(statuses)] };
}

/** The conditions of a list on the invoices row `t`, with their parameters. */
function conditions(organizationId: string | null, today: string, page: ParsedPage, extra: { sql: string; params: unknown[] }) {
  const sql = ['t.organization_id = ?', extra.sql];
  const params: unknown[] = [organizationId, ...extra.params];
  if (!page.includeDeleted) sql.push('t.deleted_at is null');
  if (page.statuses) {
    const status = invoiceStatusCondition(page.statuses, today);
    sql.push(status.sql('t'));
    params.push(...status.params);
  }
  return { sql: sql.filter(Boolean).join(' and '), params };
}

/** One page of the organization's invoices (optionally one client's); the total is counted only when asked for. */
export async function findInvoicePage(
  em: EntityManager,
  organizationId: string | null,
  today: string,
  page: ParsedPage,
  clientId?: string,
  customFields: SqlCondition[] = [],
): Promise<Connection<InvoiceEntity>> {
  const extra = [...(clientId ? [{ sql: () => 't.client_id = ?', params: [clientId] }] : []), ...customFields];
  const where = conditions(organizationId, today, page, { sql: extra.map((condition) => condition.sql('t')).join(' and '), params: extra.flatMap((condition) => condition.params) });
  const cursorSql = page.after ? 'and (t.number, t.id) > (?, ?::uuid)' : '';
  const rows =
    page.first === 0 && !page.after
      ? []
      : await em.execute<Array<Record<string, unknown>>>(
          `select t.* from invoices t where ${where.sql} ${cursorSql} order by t.number, t.id limit ?`,
          [...where.params, ...(page.after ?? []), page.first + 1],
        );
  const nodes = rows.map(rowMapper(em, InvoiceSchema));
  return toConnection(nodes, page.first, invoiceCursor, Boolean(page.after), async () => {
    const [row] = await em.execute<Array<{ count: string }>>(`select count(*) as count from invoices t where ${where.sql}`, where.params);
    return Number(row?.count ?? 0);
  });
}
