import DataLoader from 'dataloader';
import { badUserInput, decodeCursor, encodeCursor, pageSize, pgArray, toConnection, type Connection, type EntityManager, type SqlCondition } from '@ubos/kernel';
import { InvoiceSchema, type InvoiceEntity } from './entities/invoice.entity.js';
import { invoiceStatusSql } from './invoice-status.js';

// Invoice lists are raw SQL because the status they filter on is derived (invoiceStatusSql),
// not a column. The ORM's tenant filter does not reach raw SQL: the explicit organization_id
// condition is its equivalent, and Row Level Security stands behind both.

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

/** The conditions of a list on the invoices row `t`, with their parameters. */
function conditions(organizationId: string | null, today: string, page: ParsedPage, extra: { sql: string; params: unknown[] }) {
  const sql = ['t.organization_id = ?', extra.sql];
  const params: unknown[] = [organizationId, ...extra.params];
  if (!page.includeDeleted) sql.push('t.deleted_at is null');
  if (page.statuses) {
    sql.push(`${invoiceStatusSql('t', today)} = any(?::text[])`);
    params.push(pgArray(page.statuses));
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
  const nodes = rows.map((row) => em.map(InvoiceSchema, row as any));
  return toConnection(nodes, page.first, invoiceCursor, Boolean(page.after), async () => {
    const [row] = await em.execute<Array<{ count: string }>>(`select count(*) as count from invoices t where ${where.sql}`, where.params);
    return Number(row?.count ?? 0);
  });
}

/**
 * The invoices of many clients in one statement: a LATERAL page per client, each stopping at
 * the page size, with each client's total. Keys with the same page arguments share a statement.
 */
export function createInvoicesOfClientLoader(em: EntityManager, organizationId: string | null, today: string) {
  const signature = (page: ParsedPage) => JSON.stringify([page.first, page.after ?? null, page.statuses ?? null, page.includeDeleted]);
  const loader = new DataLoader<{ clientId: string; page: ParsedPage }, Connection<InvoiceEntity>, string>(
    async (keys) => {
      const groups = new Map<string, Array<{ clientId: string; page: ParsedPage }>>();
      for (const key of keys) groups.set(signature(key.page), [...(groups.get(signature(key.page)) ?? []), key]);
      const results = new Map<string, Connection<InvoiceEntity>>();
      for (const group of groups.values()) {
        const page = group[0]!.page;
        const where = conditions(organizationId, today, page, { sql: 't.client_id = k.client_id', params: [] });
        const cursorSql = page.after ? 'and (t.number, t.id) > (?, ?::uuid)' : '';
        const rows = await em.execute<Array<Record<string, unknown>>>(
          `select k.client_id as ubos_parent, c.total as ubos_total, p.*
           from unnest(?::uuid[]) as k(client_id)
           cross join lateral (select count(*) as total from invoices t where ${where.sql}) c
           left join lateral (select t.* from invoices t where ${where.sql} ${cursorSql} order by t.number, t.id limit ?) p on true
           order by k.client_id, p.number, p.id`,
          [pgArray(group.map((key) => key.clientId)), ...where.params, ...where.params, ...(page.after ?? []), page.first + 1],
        );
        const byClient = new Map<string, { nodes: InvoiceEntity[]; total: number }>();
        for (const row of rows) {
          const clientId = row.ubos_parent as string;
          const bucket = byClient.get(clientId) ?? { nodes: [], total: Number(row.ubos_total) };
          byClient.set(clientId, bucket);
          delete row.ubos_parent;
          delete row.ubos_total;
          if (row.id) bucket.nodes.push(em.map(InvoiceSchema, row as any));
        }
        for (const key of group) {
          const bucket = byClient.get(key.clientId) ?? { nodes: [], total: 0 };
          results.set(`${key.clientId}:${signature(page)}`, toConnection(bucket.nodes, page.first, invoiceCursor, Boolean(page.after), () => bucket.total));
        }
      }
      return keys.map((key) => results.get(`${key.clientId}:${signature(key.page)}`)!);
    },
    { cacheKeyFn: (key) => `${key.clientId}:${signature(key.page)}` },
  );
  return (clientId: string, page: ParsedPage) => loader.load({ clientId, page });
}
