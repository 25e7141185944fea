import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { createPool } from '@ubos/db';

export type Client = pg.PoolClient;

/** PostgreSQL's limits on the worker role's sessions, sent when each connection starts. */
export interface SessionTimeouts {
  statement_timeout: number;
  idle_in_transaction_session_timeout: number;
}

export function sessionTimeouts(settings: { statementTimeoutMs: number; idleInTransactionTimeoutMs: number }): SessionTimeouts {
  return { statement_timeout: settings.statementTimeoutMs, idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs };
}

/**
 * The worker's own connections, as its role (ubos_worker). Every transaction that touches a
 * tenant's rows sets the tenant first, exactly like a subgraph fetch, so Row Level Security
 * keeps a job of one tenant away from every other tenant's rows; only the outbox is open
 * across tenants (to the dispatcher).
 */
export class WorkerDatabase {
  readonly pool: pg.Pool;
  /** The transaction the current async call chain is inside, if any (open until it ends). */
  private readonly current = new AsyncLocalStorage<{ open: boolean }>();

  constructor(url: string, max: number, timeouts: SessionTimeouts) {
    // PostgreSQL restarting must not end the process (createPool). A wait for a connection is
    // bounded like a statement: all of them held that long means something is stuck, and the
    // job fails and is retried instead of the worker waiting for ever.
    this.pool = createPool({ connectionString: url, max, application_name: 'ubos-worker', idleTimeoutMillis: 30_000, connectionTimeoutMillis: timeouts.statement_timeout, ...timeouts });
  }

  /** Whether the calling code runs inside one of this database's transactions. */
  get inTransaction(): boolean {
    return this.current.getStore()?.open === true;
  }

  /**
   * One transaction with no tenant: only the outbox is visible (the dispatcher's view).
   * Never from inside another: with every connection held by transactions that each wait for a
   * second one, none is ever freed (the pool is small, concurrency × 2 + 2). So that is refused
   * at once, and code inside a transaction does all its reading on the client it was given.
   */
  async transaction<T>(work: (client: Client) => Promise<T>): Promise<T> {
    if (this.inTransaction) throw new Error('A worker transaction was opened inside another: use the client of the one already open');
    const client = await this.pool.connect();
    const scope = { open: true };
    try {
      await client.query('begin');
      const result = await this.current.run(scope, () => work(client));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      scope.open = false;
      client.release();
    }
  }

  /** One transaction in a tenant, with the actor the audit trail should name. */
  async inTenant<T>(organizationId: string, actor: string, work: (client: Client) => Promise<T>): Promise<T> {
    return this.transaction(async (client) => {
      await client.query("select set_config('app.organization_id', $1, true), set_config('app.actor', $2, true), set_config('app.request_id', $3, true)", [
        organizationId,
        actor,
        'worker',
      ]);
      return work(client);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** pg-boss's `db` option: its statements run in our transaction, so a job is sent exactly when the transaction commits. */
export function inTransaction(client: Client) {
  return { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) };
}
