import path from 'node:path';

/**
 * Process configuration, read once from the environment. ARCHITECTURE section 5 is the
 * contract; the README keeps a copy of the table in step with this file.
 */
export interface UbosConfig {
  port: number;
  production: boolean;
  /** Admin/owner connection used for migrations; undefined = embedded PostgreSQL. */
  databaseUrl?: string;
  /** The serving role's connection, when given explicitly. */
  appDatabaseUrl?: string;
  appRole: string;
  appPassword?: string;
  demo: boolean;
  dataDir: string;
  embeddedPostgresPort: number;
  poolMax: number;
  jwtPrivateKey?: string;
  jwtPublicKey?: string;
  internalSecret?: string;
  /** Distributed mode: subgraph name to URL. Empty = in-process. */
  subgraphUrls: Record<string, string>;
  metricsToken?: string;
}

function parseBoolean(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new Error(`${name} must be 1 or 0, got "${value}"`);
}

function parseInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

export function parseSubgraphUrls(value: string | undefined): Record<string, string> {
  const urls: Record<string, string> = {};
  if (!value) return urls;
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new Error(`UBOS_SUBGRAPH_URLS entries look like name=url, got "${entry}"`);
    urls[entry.slice(0, separator)] = entry.slice(separator + 1);
  }
  return urls;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): UbosConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const appDatabaseUrl = env.APP_DATABASE_URL || undefined;
  return {
    port: parseInteger('PORT', env.PORT, 4000),
    production: env.NODE_ENV === 'production',
    databaseUrl,
    appDatabaseUrl,
    appRole: appDatabaseUrl ? decodeURIComponent(new URL(appDatabaseUrl).username) : 'ubos_app',
    appPassword: env.UBOS_APP_PASSWORD || undefined,
    demo: parseBoolean('UBOS_DEMO', env.UBOS_DEMO) ?? !databaseUrl,
    // npm runs a workspace script (npm start -w subgraphs/crm) inside the workspace folder;
    // INIT_CWD is where the user typed the command, so every process finds the same ./.ubos.
    dataDir: path.resolve(env.INIT_CWD || process.cwd(), env.UBOS_DATA_DIR || '.ubos'),
    embeddedPostgresPort: parseInteger('UBOS_EMBEDDED_PG_PORT', env.UBOS_EMBEDDED_PG_PORT, 54329),
    poolMax: parseInteger('UBOS_DB_POOL_MAX', env.UBOS_DB_POOL_MAX, 10),
    jwtPrivateKey: env.UBOS_JWT_PRIVATE_KEY || undefined,
    jwtPublicKey: env.UBOS_JWT_PUBLIC_KEY || undefined,
    internalSecret: env.UBOS_INTERNAL_SECRET || undefined,
    subgraphUrls: parseSubgraphUrls(env.UBOS_SUBGRAPH_URLS),
    metricsToken: env.UBOS_METRICS_TOKEN || undefined,
  };
}
