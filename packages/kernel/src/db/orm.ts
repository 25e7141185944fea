import { AsyncLocalStorage } from 'node:async_hooks';
import { MikroORM, type EntitySchema } from '@mikro-orm/postgresql';
import { DEFAULT_TIMEOUTS, type Timeouts } from '../config.js';
import { logger, scrubbedText } from '../logger.js';
import { currentTenant, recordSqlDuration, registerPool } from '../metrics.js';
import { traceSqlStatements } from '../tracing.js';
import { sqlStatements, TRANSACTION_CONTROL } from './sql-stats.js';

export { type EntityManager } from '@mikro-orm/postgresql';

/**
 * The default tenant filter (isolation layer b). It is on for every tenant entity and takes
 * its parameter from the request's forked EntityManager; with no parameter set, MikroORM
 * refuses the query instead of returning every tenant's rows.
 *
 * Filters reach finds, counts, nativeUpdate and nativeDelete, but not the QueryBuilder, raw
 * SQL, em.upsert or the UPDATEs that flush issues. Row Level Security covers those.
 */
export const TENANT_FILTER = {
  tenant: {
    name: 'tenant',
    cond: (args: { organizationId: string }) => ({ organizationId: args.organizationId }),
    default: true,
  },
};

/**
 * Soft deletes: lists and lookups skip rows with deleted_at set. Federated references
 * (__resolveReference), history and admins' includeDeleted switch it off explicitly with
 * `filters: { notDeleted: false }`.
 */
export const SOFT_DELETE_FILTER = {
  notDeleted: { name: 'notDeleted', cond: { deletedAt: null }, default: true },
};

/** The filters of every main entity: its tenant, and not deleted. */
export const MAIN_ENTITY_FILTERS = { ...TENANT_FILTER, ...SOFT_DELETE_FILTER };

export interface OrmOptions {
  clientUrl: string;
  entities: EntitySchema<any, any>[];
  poolMax: number;
  name: string;
  /** statement_timeout, idle_in_transaction_session_timeout and the pool's acquire timeout; unset: DEFAULT_TIMEOUTS. */
  timeouts?: Pick<Timeouts, 'statementMs' | 'idleInTransactionMs' | 'acquireMs'>;
}

export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const orm = await MikroORM.init({
    clientUrl: options.clientUrl,
    entities: options.entities,
    // A fetch that cannot get a connection in acquireMs is refused (SERVICE_UNAVAILABLE) rather
    // than queued without bound; a connection whose server went away is dropped and replaced.
    pool: { min: 0, max: options.poolMax, idleTimeoutMillis: 30_000, acquireTimeoutMillis: timeouts.acquireMs },
    // Each request forks; the global EntityManager must never hold state.
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    debug: false,
    // Everything is typed and mapped explicitly; no reflection (tsx emits no metadata).
    ensureDatabase: false,
    // Sent in the startup message, so every session of the pool has them before its first statement.
    driverOptions: {
      connection: {
        application_name: `ubos-${options.name}`,
        statement_timeout: timeouts.statementMs,
        idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      },
      // knex's own warnings (a pooled connection found dead, say) as this process's log lines.
      log: knexLog(options.name),
    },
  });
  traceSqlStatements(orm.em.getConnection().getKnex().client);
  oneStatementAtATime(orm.em.getConnection().getKnex().client);
  sendPreambleWithBegin(orm);
  const knex = orm.em.getConnection().getKnex();
  // Each statement's duration, charged to the tenant whose fetch sent it (see currentTenant).
  const started = new Map<string, { at: number; tenant: string | null | undefined; kind: 'application' | 'transaction_control' }>();
  knex.on('query', (query: { sql: string; bindings?: unknown[]; __knexQueryUid?: string }) => {
    sqlStatements.record(query.sql, query.bindings);
    if (query.__knexQueryUid) {
      started.set(query.__knexQueryUid, { at: performance.now(), tenant: currentTenant.getStore(), kind: TRANSACTION_CONTROL.test(query.sql) ? 'transaction_control' : 'application' });
    }
  });
  const finished = (query: { __knexQueryUid?: string }) => {
    const start = query?.__knexQueryUid ? started.get(query.__knexQueryUid) : undefined;
    if (!start) return;
    started.delete(query.__knexQueryUid!);
    recordSqlDuration(start.kind, (performance.now() - start.at) / 1000, start.tenant);
  };
  knex.on('query-response', (_response: unknown, query: { __knexQueryUid?: string }) => finished(query));
  knex.on('query-error', (_error: unknown, query: { __knexQueryUid?: string }) => finished(query));
  const pool = (knex.client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } }).pool;
  if (pool) registerPool(options.name, pool);
  return orm;
}

const SERIALISED = Symbol('ubos.oneStatementAtATime');

/**
 * Sends a connection its statements one after another. A fetch's loaders share the fetch's
 * transaction, and several can ask in the same tick; pg would queue the second statement on
 * the busy client itself, but it warns that pg 9 refuses that. This queue keeps the same order
 * and makes it ours. Patched once on the dialect's prototype, like the statement tracing.
 */
function oneStatementAtATime(knexClient: object): void {
  type Query = (connection: object, statement: unknown) => Promise<unknown>;
  const prototype = Object.getPrototypeOf(knexClient) as { _query: Query; [SERIALISED]?: boolean };
  if (prototype[SERIALISED]) return;
  const send = prototype._query;
  const tails = new WeakMap<object, Promise<unknown>>();
  prototype._query = function (this: unknown, connection: object, statement: unknown) {
    const after = tails.get(connection) ?? Promise.resolve();
    const sent = after.then(() => send.call(this, connection, statement));
    tails.set(connection, sent.catch(() => undefined));
    return sent;
  };
  prototype[SERIALISED] = true;
}

function knexLog(subgraph: string) {
  const log = () => logger().child({ subgraph, component: 'knex' });
  return {
    warn: (message: unknown) => log().warn(scrubbedText(String(message))),
    error: (message: unknown) => log().error(scrubbedText(String(message))),
    deprecate: (message: unknown) => log().debug(String(message)),
    debug: (message: unknown) => log().debug(scrubbedText(String(message))),
  };
}

const beginPreamble = new AsyncLocalStorage<string>();

/**
 * Runs `begin` (an em.begin()) so that the transaction's BEGIN carries `preamble` in the same
 * round trip: `BEGIN; <preamble>` as one simple query. The request scope uses it to set the
 * tenant with set_config(..., true) at the start of every transaction without a statement of
 * its own. The preamble must be literal SQL (escape values with pg's escapeLiteral).
 */
export function beginWithPreamble<T>(preamble: string, begin: () => Promise<T>): Promise<T> {
  return beginPreamble.run(preamble, begin);
}

// Knex starts a transaction with `BEGIN;` on the connection it has just acquired. A transaction
// made while a preamble is in scope sends both in one message; PostgreSQL runs them in order on
// that connection, inside the new transaction, and fails the BEGIN's promise if either fails.
function sendPreambleWithBegin(orm: MikroORM): void {
  const client = orm.em.getConnection().getKnex().client as { transaction: (...args: unknown[]) => { begin(conn: unknown): unknown; query(conn: unknown, sql: string): unknown } };
  const makeTransaction = client.transaction.bind(client);
  client.transaction = (...args: unknown[]) => {
    const transaction = makeTransaction(...args);
    const preamble = beginPreamble.getStore();
    if (preamble) transaction.begin = (conn: unknown) => transaction.query(conn, `BEGIN; ${preamble}`);
    return transaction;
  };
}
