import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensureDatabase, grantAppPrivileges, prepareDatabase, quoteIdent, quoteLiteral, startEmbeddedPostgres, withAdminClient, withDatabase, type RunningPostgres } from '@ubos/db';
import { loadConfig } from '@ubos/kernel';

/** The benchmark's own role with BYPASSRLS, for the "RLS off" measurement only. Same grants as the serving role. */
export const BYPASS_RLS_ROLE = 'ubos_bench_bypassrls';

export interface BenchDatabase {
  adminUrl: string;
  /** The serving role (RLS applies). */
  appUrl: string;
  /** The bench-only role that bypasses RLS, otherwise granted exactly as the serving role. */
  bypassRlsUrl: string;
  /** PostgreSQL's data directory, when embedded (for its CPU time). */
  pgDataDir?: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL for every system of the benchmark: embedded under `dataDir` unless DATABASE_URL is
 * set, migrated and granted as `npm start` does it (with no demo data), with a connection limit
 * that fits several stacks at once, the bench-only BYPASSRLS role, and function timing for
 * the write path's triggers (track_functions = pl, read from pg_stat_user_functions in W1).
 */
export async function prepareBenchDatabase(env: NodeJS.ProcessEnv, options: { pgPort: number; dataDir: string; log: (line: string) => void }): Promise<BenchDatabase> {
  let embedded: RunningPostgres | undefined;
  let adminUrl = env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.pgPort, maxConnections: 500 });
    await ensureDatabase(embedded.adminUrl, 'ubos');
    adminUrl = withDatabase(embedded.adminUrl, 'ubos');
  }
  try {
    const config = loadConfig({ ...env, DATABASE_URL: adminUrl, UBOS_DEMO: '0' });
    const prepared = await prepareDatabase(config, options.log);
    const password = randomBytes(18).toString('base64url');
    await withAdminClient(adminUrl, async (client) => {
      const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [BYPASS_RLS_ROLE]);
      const verb = rowCount ? 'alter' : 'create';
      await client.query(`${verb} role ${quoteIdent(BYPASS_RLS_ROLE)} login nosuperuser bypassrls nocreatedb nocreaterole password ${quoteLiteral(password)}`);
      const database = new URL(adminUrl!).pathname.slice(1);
      await client.query(`alter database ${quoteIdent(database)} set track_functions = 'pl'`);
    });
    await grantAppPrivileges(adminUrl, BYPASS_RLS_ROLE);
    const bypass = new URL(prepared.appUrl);
    bypass.username = BYPASS_RLS_ROLE;
    bypass.password = password;
    return {
      adminUrl,
      appUrl: prepared.appUrl,
      bypassRlsUrl: bypass.toString(),
      pgDataDir: embedded ? path.join(options.dataDir, 'pg') : undefined,
      stop: async () => embedded?.stop(),
    };
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
