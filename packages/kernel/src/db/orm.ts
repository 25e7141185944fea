import { AsyncLocalStorage } from 'node:async_hooks';
import { MikroORM, type EntitySchema } from '@mikro-orm/postgresql';
import { DEFAULT_TIMEOUTS, type Timeouts } from '../config.js';
import { logger, scrubbedText } from '../logger.js';
import { recordSqlDuration, registerPool } from '../metrics.js';
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
  sendStatementsInScope(orm.em.getConnection().getKnex().client);
  sendPreambleWithBegin(orm);
  const knex = orm.em.getConnection().getKnex();
  // Each statement's duration, charged to the tenant whose fetch sent it (see StatementScope).
  const started = new Map<string, { at: number; tenant: string | null | undefined; kind: 'application' | 'transaction_control' }>();
  knex.on('query', (query: { sql: string; bindings?: unknown[]; __knexQueryUid?: string }) => {
    sqlStatements.record(query.sql, query.bindings);
    if (query.__knexQueryUid) {
      started.set(query.__knexQueryUid, { at: performance.now(), tenant: statementScope.getStore()?.organizationId, kind: TRANSACTION_CONTROL.test(query.sql) ? 'transaction_control' : 'application' });
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

/**
 * The fetch a statement is sent for, as the ORM's driver sees it. Reads run outside any
 * explicit transaction: a statement a fetch sends outside one carries the fetch's settings
 * (the tenant, the actor, read-only) in the same message, `<settings>; <statement>`, which
 * PostgreSQL runs as one implicit transaction. The settings (set_config(..., true)) hold for
 * that statement and end with it, so a pooled connection never keeps them, and a read costs one
 * round trip instead of three (BEGIN with the settings, the statement, ROLLBACK). Under READ
 * COMMITTED, which the read transaction had, every statement took its own snapshot anyway.
 */
export interface StatementScope {
  /** The tenant whose fetch this is: its statements' durations are charged to it. */
  readonly organizationId: string | null;
  /**
   * The settings, as literal SQL, that a statement of this knex client sent outside a
   * transaction must carry; undefined when it carries none (another pool's statement, or
   * the fetch has ended and this is work it left behind, a timer say).
   */
  readSettingsFor(knexClient: object): string | undefined;
}

const statementScope = new AsyncLocalStorage<StatementScope>();

/** Runs a fetch's work so that the statements it sends outside a transaction carry its settings. */
export function runInStatementScope<T>(scope: StatementScope, work: () => Promise<T>): Promise<T> {
  return statementScope.run(scope, work);
}

const IN_SCOPE = Symbol('ubos.sendStatementsInScope');

interface KnexStatement {
  sql: string;
  bindings?: unknown[];
  method?: string;
  options?: object;
  response?: unknown;
}
type Send = (this: object, connection: object, statement: KnexStatement) => Promise<KnexStatement>;

/**
 * Patched once on the dialect's prototype, like the statement tracing:
 * - a statement sent outside a transaction for a fetch carries the fetch's read settings
 *   (see StatementScope);
 * - a connection gets its statements one after another. A transaction's loaders share its
 *   connection, and several can ask in the same tick; pg would queue the second statement on
 *   the busy client itself, but it warns that pg 9 refuses that. This queue keeps the same
 *   order and makes it ours.
 */
function sendStatementsInScope(knexClient: object): void {
  const prototype = Object.getPrototypeOf(knexClient) as { _query: Send; [IN_SCOPE]?: boolean };
  if (prototype[IN_SCOPE]) return;
  const send = prototype._query;
  const tails = new WeakMap<object, Promise<unknown>>();
  prototype._query = function (this: object, connection: object, statement: KnexStatement) {
    // knex marks a connection with its transaction's id while a transaction holds it.
    const inTransaction = (connection as { __knexTxId?: unknown }).__knexTxId !== undefined;
    const settings = inTransaction ? undefined : statementScope.getStore()?.readSettingsFor(this);
    const after = tails.get(connection) ?? Promise.resolve();
    const sent = after.then(() => (settings ? sendWithSettings(send, this, connection, statement, settings) : send.call(this, connection, statement)));
    tails.set(connection, sent.catch(() => undefined));
    return sent;
  };
  prototype[IN_SCOPE] = true;
}

async function sendWithSettings(send: Send, client: object, connection: object, statement: KnexStatement, settings: string): Promise<KnexStatement> {
  if (statement.bindings?.length) return sendInReadTransaction(send, client, connection, statement, settings);
  // One simple-protocol message; its first result is the settings' own.
  const carried = await send.call(client, connection, { ...statement, sql: `${settings}; ${statement.sql}` });
  const results = (carried.response as unknown[]).slice(1);
  statement.response = results.length === 1 ? results[0] : results;
  return statement;
}

/**
 * A statement with bound parameters travels in the extended protocol, which takes one
 * statement per message: it reads inside an explicit transaction with the settings, as every
 * read did before. The ORM inlines its parameters, so only raw knex with bindings lands here.
 */
async function sendInReadTransaction(send: Send, client: object, connection: object, statement: KnexStatement, settings: string): Promise<KnexStatement> {
  const control = (sql: string) => {
    sqlStatements.record(sql);
    return send.call(client, connection, { method: 'raw', sql, bindings: [], options: {} });
  };
  await control(`BEGIN; ${settings}`);
  try {
    return await send.call(client, connection, statement);
  } finally {
    await control('ROLLBACK');
  }
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
