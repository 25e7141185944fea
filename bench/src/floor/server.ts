import http from 'node:http';
import pg from 'pg';
import { actorLabel, badUserInput, conflict, loadConfig, notFound, priceLineItems, sendJson, tokensFromConfig } from '@ubos/kernel';
import { authenticate } from '@ubos/gateway/request';
import type { GatewayContext } from '@ubos/gateway/request';
import { serveSqlMetrics } from '../lib/sql-metrics.js';
import { Q1, Q2, Q3, W1_CREATE_CLIENT, W1_CREATE_INVOICE, W1_RECORD_PAYMENT, W1_SEND_INVOICE, W1_UPDATE_CLIENT } from '../scenarios.js';
import { lifecycleSql } from './lifecycle.js';

const { escapeLiteral } = pg;

/**
 * THE FLOOR (benchmark code, not product code): a bare Node HTTP server with `pg`, answering the
 * benchmark's documents, and only those, with hand-written SQL and the same JSON as the
 * gateway, byte for byte. It keeps the product's safety: it verifies the caller's token with
 * the gateway's own function, connects as the serving role (Row Level Security applies),
 * sets the tenant (and actor, request id, address, user agent, as every fetch does) with
 * set_config(..., true): a read sends them with its one statement in one message (one
 * implicit transaction, read-only), as the kernel's RequestScope does, and a write in its
 * transaction. It names the tenant in every statement as the ORM's tenant filter would. Writes go through the database's write path
 * (the triggers: versions, audit events, history, chain sealing at commit) and write the
 * same outbox events as the services. Line items are priced with the kernel's pure function,
 * so that the amounts agree to the minor unit.
 */

const config = loadConfig();
const appUrl = process.env.APP_DATABASE_URL;
if (!appUrl) throw new Error('APP_DATABASE_URL is required');
const tokens = await tokensFromConfig(config);
const pool = new pg.Pool({ connectionString: appUrl, max: Number(process.env.UBOS_DB_POOL_MAX ?? 10), idleTimeoutMillis: 30_000, application_name: 'ubos-bench-floor' });

const counts = { application: 0, transactionControl: 0 };
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|select set_config\('app\.)/i;

type Query = <R extends pg.QueryResultRow = any>(sql: string, params?: unknown[]) => Promise<R[]>;

class GraphQLFailure extends Error {
  constructor(readonly error: { message: string; extensions?: Record<string, unknown> }) {
    super(error.message);
  }
}

/** A transaction with the tenant set, as RequestScope runs a mutation field. */
async function inTenant<T>(caller: GatewayContext, work: (query: Query) => Promise<T>): Promise<T> {
  if (!caller.organizationId) throw new GraphQLFailure({ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } });
  const client = await pool.connect();
  const query: Query = async (sql, params) => {
    if (TRANSACTION_CONTROL.test(sql)) counts.transactionControl++;
    else counts.application++;
    return (await client.query(sql, params)).rows;
  };
  try {
    await query('begin');
    await query(
      "select set_config('app.organization_id', $1, true), set_config('app.actor', $2, true), set_config('app.request_id', $3, true), " +
        "set_config('app.ip', $4, true), set_config('app.user_agent', $5, true)",
      [caller.organizationId, actorLabel(caller.actor), caller.requestId, caller.ip ?? '', caller.userAgent ?? ''],
    );
    const result = await work(query);
    await query('commit');
    return result;
  } catch (error) {
    await query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A read as RequestScope sends one: the settings and read-only travel with the statement in one
 * simple-protocol message, which PostgreSQL runs as one implicit transaction (so the
 * parameters are inlined as escaped literals).
 */
async function readInTenant(caller: GatewayContext, sql: string, params: string[]): Promise<any[]> {
  if (!caller.organizationId) throw new GraphQLFailure({ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } });
  const settings = [
    ['app.organization_id', caller.organizationId],
    ['app.actor', actorLabel(caller.actor)],
    ['app.request_id', caller.requestId],
    ['app.ip', caller.ip ?? ''],
    ['app.user_agent', caller.userAgent ?? ''],
  ].map(([name, value]) => `set_config('${name}', ${escapeLiteral(value!)}, true)`);
  const statement = sql.replace(/\$(\d+)/g, (_, index: string) => {
    const value = params[Number(index) - 1];
    if (value === undefined) throw new Error(`no parameter $${index}`);
    return escapeLiteral(value);
  });
  counts.application++;
  const results = (await pool.query(`select ${settings.join(', ')}, set_config('transaction_read_only', 'on', true); ${statement}`)) as unknown as pg.QueryResult[];
  return results[1]!.rows;
}

const utcToday = () => new Date().toISOString().slice(0, 10);

/** The derived invoice status of revenue/src/invoice-status.ts, over the invoices row `i`, for the day $today. */
const statusSql = (alias: string, today: string) => `(case when ${alias}.voided_at is not null then 'VOID'
    when ${alias}.sent_at is null then 'DRAFT'
    when ${alias}.amount_paid_minor >= ${alias}.total_minor then 'PAID'
    when ${alias}.due_date < ${today} then 'OVERDUE'
    when ${alias}.amount_paid_minor > 0 then 'PARTIALLY_PAID'
    else 'SENT' end)`;
const numberSql = (alias: string) => `('INV-' || lpad(${alias}.number::text, greatest(6, length(${alias}.number::text)), '0'))`;

type Handler = (caller: GatewayContext, variables: Record<string, any>) => Promise<unknown>;

const Q2_SQL = `
select coalesce(json_agg(json_build_object('node', json_build_object(
  'id', c.id, 'name', c.name,
  'projects', json_build_object('edges', coalesce((
    select json_agg(json_build_object('node', json_build_object('id', p.id, 'name', p.name, 'status', p.status)) order by p.id)
    from (select id, name, status from projects p where p.organization_id = $1 and p.client_id = c.id and p.deleted_at is null order by p.id limit 5) p), '[]'::json)),
  'invoices', json_build_object('edges', coalesce((
    select json_agg(json_build_object('node', json_build_object('id', i.id, 'number', ${numberSql('i')}, 'status', ${statusSql('i', '$2::date')},
                    'total', json_build_object('amountMinor', i.total_minor, 'currency', i.currency))) order by i.number, i.id)
    from (select * from invoices i where i.organization_id = $1 and i.client_id = c.id and i.deleted_at is null order by i.number, i.id limit 5) i), '[]'::json))
)) order by c.name, c.id), '[]'::json) as edges
from (select id, name from clients where organization_id = $1 and deleted_at is null order by name, id limit 50) c`;

/** Refuses a create when the tenant has a required custom field (the services' check; none in the bench). */
async function checkRequiredCustomFields(query: Query, organizationId: string, entity: string): Promise<void> {
  const rows = await query<{ key: string }>(
    `select key from custom_field_definitions where organization_id = $1 and entity_type = $2 and deleted_at is null and required and archived_at is null order by position, key`,
    [organizationId, entity],
  );
  if (rows[0]) throw new GraphQLFailure({ message: `input.customFields.${rows[0].key} is required`, extensions: { code: 'BAD_USER_INPUT' } });
}

const outbox = (event: string, aggregate: string, from: string, idColumn: string, payload: string) =>
  `insert into outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id)
   select organization_id, '${event}', '${aggregate}', ${idColumn}, ${payload}, current_setting('app.actor'), nullif(current_setting('app.request_id'), '') from ${from}`;

const handlers = new Map<string, Handler>([
  [
    Q1,
    async (caller, { id }) => {
      const [row] = await readInTenant(caller, 'select id, name, status, email from clients where organization_id = $1 and id = $2 and deleted_at is null', [caller.organizationId!, id]);
      return { client: row ? { id: row.id, name: row.name, status: row.status, email: row.email } : null };
    },
  ],
  [
    Q2,
    async (caller) => {
      const [row] = await readInTenant(caller, Q2_SQL, [caller.organizationId!, utcToday()]);
      return { clients: { edges: row!.edges } };
    },
  ],
  [
    W1_CREATE_CLIENT,
    async (caller, { name }) =>
      inTenant(caller, async (query) => {
        await checkRequiredCustomFields(query, caller.organizationId!, 'CLIENT');
        const trimmed = typeof name === 'string' ? name.trim() : '';
        if (!trimmed) throw badUserInput('input.name must not be empty', 'input.name');
        const [client] = await query(
          `with c as (
             insert into clients (organization_id, id, name, status, email, custom_fields, created_at, updated_at)
             values ($1, ubos_uuid_v7(), $2, 'LEAD', 'w1@example.test', '{}', now(), now()) returning *
           ), o as (${outbox('ClientCreated', 'Client', 'c', 'id', "jsonb_build_object('name', name, 'status', status, 'version', version)")})
           select id, name, status, email, version from c`,
          [caller.organizationId, trimmed],
        );
        return { createClient: { id: client.id, name: client.name, status: client.status, email: client.email, version: client.version } };
      }),
  ],
  [
    W1_UPDATE_CLIENT,
    async (caller, { id }) =>
      inTenant(caller, async (query) => {
        const [current] = await query('select version, status, phone from clients where organization_id = $1 and id = $2 and deleted_at is null for update', [caller.organizationId, id]);
        if (!current) throw notFound('Client', 'id');
        if (current.version !== 1) throw conflict(`Client is at version ${current.version}, not 1: reload it and try again`);
        const changed = [...(current.status !== 'ACTIVE' ? ['status'] : []), ...(current.phone !== '+1 555 0100' ? ['phone'] : [])];
        if (changed.length === 0) {
          const [row] = await query('select id, status, phone, version from clients where organization_id = $1 and id = $2', [caller.organizationId, id]);
          return { updateClient: { id: row.id, status: row.status, phone: row.phone, version: row.version } };
        }
        const [client] = await query(
          `with c as (
             update clients set status = 'ACTIVE', phone = '+1 555 0100', updated_at = now() where organization_id = $1 and id = $2 returning *
           ), o as (${outbox('ClientUpdated', 'Client', 'c', 'id', "jsonb_build_object('changed', $3::jsonb, 'version', version)")})
           select id, status, phone, version from c`,
          [caller.organizationId, id, JSON.stringify(changed)],
        );
        return { updateClient: { id: client.id, status: client.status, phone: client.phone, version: client.version } };
      }),
  ],
  [
    W1_CREATE_INVOICE,
    async (caller, { clientId }) =>
      inTenant(caller, async (query) => {
        const lines = priceLineItems([
          { description: 'Design', quantity: 10, unitPriceMinor: 15000, taxRate: 0.2 },
          { description: 'Hosting', quantity: 1, unitPriceMinor: 4999 },
        ]);
        await checkRequiredCustomFields(query, caller.organizationId!, 'INVOICE');
        let invoice: any;
        try {
          [invoice] = await query(
            `with i as (
               insert into invoices (organization_id, id, number, client_id, currency, line_items, subtotal_minor, tax_minor, total_minor, amount_paid_minor,
                                     due_date, custom_fields, created_at, updated_at)
               values ($1, ubos_uuid_v7(), 1, $2, 'USD', $3::jsonb, $4, $5, $6, 0, '2099-12-31', '{}', now(), now()) returning *
             ), o as (${outbox(
               'InvoiceCreated',
               'Invoice',
               'i',
               'id',
               `jsonb_build_object('number', ${numberSql('i')}, 'clientId', client_id, 'totalMinor', total_minor, 'currency', currency, 'version', version)`,
             )})
             select id, ${numberSql('i')} as number, ${statusSql('i', '$7::date')} as status, total_minor, currency from i`,
            [caller.organizationId, clientId, JSON.stringify(lines.lineItems), lines.subtotalMinor, lines.taxMinor, lines.totalMinor, utcToday()],
          );
        } catch (error) {
          if ((error as { code?: string }).code === '23503') throw notFound('Client', 'input.clientId');
          throw error;
        }
        return { createInvoice: { id: invoice.id, number: invoice.number, status: invoice.status, total: { amountMinor: Number(invoice.total_minor), currency: invoice.currency } } };
      }),
  ],
  [
    W1_SEND_INVOICE,
    async (caller, { id }) =>
      inTenant(caller, async (query) => {
        const today = utcToday();
        const [current] = await query(
          `select ${statusSql('i', '$3::date')} as status, ${numberSql('i')} as number from invoices i where organization_id = $1 and id = $2 and deleted_at is null for update`,
          [caller.organizationId, id, today],
        );
        if (!current) throw notFound('Invoice', 'id');
        if (current.status !== 'DRAFT') throw conflict(`Invoice ${current.number} is ${current.status}: only a DRAFT can be sent`);
        const sentPayload = `jsonb_build_object('number', ${numberSql('i')}, 'clientId', client_id, 'totalMinor', total_minor, 'currency', currency, 'dueDate', due_date)`;
        const paidPayload = `jsonb_build_object('number', ${numberSql('i')}, 'clientId', client_id, 'totalMinor', total_minor, 'currency', currency)`;
        const [invoice] = await query(
          `with i as (
             update invoices set sent_at = now(), updated_at = now(),
               issue_date = coalesce(issue_date, case when due_date < $3::date then due_date else $3::date end)
             where organization_id = $1 and id = $2 returning *
           ), o as (${outbox('InvoiceSent', 'Invoice', 'i', 'id', sentPayload)}),
           p as (${outbox('InvoicePaid', 'Invoice', 'i', 'id', paidPayload)} where i.amount_paid_minor >= i.total_minor)
           select id, ${statusSql('i', '$3::date')} as status, to_char(issue_date, 'YYYY-MM-DD') as issue_date from i`,
          [caller.organizationId, id, today],
        );
        return { sendInvoice: { id: invoice.id, status: invoice.status, issueDate: invoice.issue_date } };
      }),
  ],
  [
    W1_RECORD_PAYMENT,
    async (caller, { id }) =>
      inTenant(caller, async (query) => {
        const amount = 50000;
        const today = utcToday();
        const [current] = await query(
          `select ${statusSql('i', '$3::date')} as status, ${numberSql('i')} as number, total_minor - amount_paid_minor as balance
           from invoices i where organization_id = $1 and id = $2 and deleted_at is null for update`,
          [caller.organizationId, id, today],
        );
        if (!current) throw notFound('Invoice', 'input.invoiceId');
        if (current.status === 'DRAFT' || current.status === 'VOID') throw conflict(`Invoice ${current.number} is ${current.status}: payments are recorded on sent invoices only`);
        if (amount > Number(current.balance)) throw badUserInput(`input.amountMinor is more than the balance of ${current.balance}`, 'input.amountMinor');
        const balance = `(i.total_minor - i.amount_paid_minor)`;
        const [row] = await query(
          `with p as (
             insert into payments (organization_id, id, invoice_id, client_id, amount_minor, currency, paid_at, created_at)
             select organization_id, ubos_uuid_v7(), id, client_id, $3, currency, now(), now() from invoices where organization_id = $1 and id = $2
             returning *
           ), i as (
             update invoices set amount_paid_minor = amount_paid_minor + $3, updated_at = now() where organization_id = $1 and id = $2 returning *
           ), o as (
             insert into outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id)
             select p.organization_id, 'PaymentRecorded', 'Payment', p.id,
               jsonb_build_object('invoiceId', i.id, 'number', ${numberSql('i')}, 'clientId', i.client_id, 'amountMinor', p.amount_minor, 'currency', i.currency, 'balanceMinor', ${balance}),
               current_setting('app.actor'), nullif(current_setting('app.request_id'), '')
             from p, i
           ), paid as (${outbox('InvoicePaid', 'Invoice', 'i', 'id', `jsonb_build_object('number', ${numberSql('i')}, 'clientId', client_id, 'totalMinor', total_minor, 'currency', currency)`)} where ${balance} = 0)
           select p.id as payment_id, p.amount_minor, p.currency as payment_currency, i.id as invoice_id, ${statusSql('i', '$4::date')} as status, ${balance} as balance, i.currency
           from p, i`,
          [caller.organizationId, id, amount, today],
        );
        return {
          recordPayment: {
            payment: { id: row.payment_id, amount: { amountMinor: Number(row.amount_minor), currency: row.payment_currency } },
            invoice: { id: row.invoice_id, status: row.status, balance: { amountMinor: Number(row.balance), currency: row.currency } },
          },
        };
      }),
  ],
]);

if (lifecycleSql) {
  const sql = lifecycleSql;
  handlers.set(Q3, async (caller, { id }) => {
    const [row] = await readInTenant(caller, sql, [caller.organizationId!, id, utcToday()]);
    return { client: row?.client ?? null };
  });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** As Apollo Server writes it: compact JSON and a newline. */
function answer(res: http.ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === 'GET' && req.url === '/health') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && req.url === '/metrics') return serveSqlMetrics(res, counts);
    if (req.method !== 'POST' || req.url !== '/graphql') return sendJson(res, 404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    let caller: GatewayContext;
    try {
      caller = await authenticate(req, tokens);
    } catch (error) {
      return answer(res, 401, { errors: [{ message: (error as Error).message, extensions: (error as { extensions?: unknown }).extensions }] });
    }
    const body = JSON.parse(await readBody(req)) as { query?: string; variables?: Record<string, unknown> };
    const handler = handlers.get(body.query ?? '');
    if (!handler) return answer(res, 400, { errors: [{ message: 'The floor answers the benchmark documents only', extensions: { code: 'BAD_REQUEST' } }] });
    try {
      return answer(res, 200, { data: await handler(caller, body.variables ?? {}) });
    } catch (error) {
      const failure =
        error instanceof GraphQLFailure
          ? error.error
          : (error as { extensions?: Record<string, unknown> }).extensions
            ? { message: (error as Error).message, extensions: (error as { extensions: Record<string, unknown> }).extensions }
            : undefined;
      if (!failure) throw error;
      return answer(res, 200, { errors: [{ ...failure, path: undefined }], data: null });
    }
  } catch (error) {
    if (req.destroyed) return;
    console.error(JSON.stringify({ level: 'error', msg: 'floor request failed', error: String(error) }));
    if (!res.headersSent) answer(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  }
});
server.keepAliveTimeout = 65_000;
await new Promise<void>((resolve) => server.listen(config.port, '127.0.0.1', resolve));
console.log(JSON.stringify({ level: 'info', msg: 'floor listening', url: `http://127.0.0.1:${config.port}/graphql` }));

const shutdown = async () => {
  server.close();
  server.closeAllConnections();
  await pool.end();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
