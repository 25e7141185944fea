import pg from 'pg';

/** Runs `work` on a single admin connection and always closes it. */
export async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A pg pool whose connections can lose their session (a restart, a failover, a timeout) without
 * ending the process. pg emits 'error' on a connection that PostgreSQL ends while no statement
 * is running on it, and an 'error' event nobody listens to ends the process. The pool listens
 * on idle connections only; a checked-out one has no listener of its own, and PostgreSQL can
 * end a session before the code holding it has run at all (a shutdown's FATAL may come in the
 * packet that completed the session's startup, and pg parses both at once). So every
 * connection listens from the moment it exists. The error still fails the statement that meets
 * it, and the pool drops a connection that is no longer queryable when it is released.
 */
export function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  await withAdminClient(withDatabase(adminUrl, 'postgres'), async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database ${quoteIdent(database)}`);
  });
}
