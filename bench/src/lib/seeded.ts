import path from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { prepareBenchDatabase, type BenchDatabase } from './database.js';
import { root, runScript } from './processes.js';

export const METRICS_TOKEN = randomBytes(18).toString('base64url');

/**
 * The environment of every process of a benchmark run: one set of keys and secrets, so one token
 * works everywhere, and every system as deployed.
 */
export function benchEnvironment(dataDir: string): NodeJS.ProcessEnv {
  const keys = generateKeyPairSync('ed25519');
  return {
    ...process.env,
    UBOS_DATA_DIR: dataDir,
    UBOS_DEMO: '0',
    UBOS_WORKER: '0',
    UBOS_RATE_LIMIT_ACTOR: '0',
    UBOS_RATE_LIMIT_TENANT: '0',
    // Q3 (the whole lifecycle) is far above the default cost limit on purpose, as in lifecycle.test.ts.
    UBOS_MAX_COST: '1000000',
    // Tokens are logged in once for the whole run, which outlasts a 15-minute access token.
    UBOS_ACCESS_TOKEN_SECONDS: '86400',
    UBOS_JWT_PRIVATE_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    UBOS_JWT_PUBLIC_KEY: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    UBOS_INTERNAL_SECRET: randomBytes(32).toString('base64url'),
    // Every system runs as deployed: graphql-js, Apollo and Hive all take their production
    // paths, and UBOS's /metrics then wants its token.
    NODE_ENV: 'production',
    UBOS_METRICS_TOKEN: METRICS_TOKEN,
    // No line per request: the other systems write none, and earlier runs had none.
    LOG_LEVEL: 'warn',
    // Tracing is on only where a system asks for it (one-traced).
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
  };
}

/**
 * The benchmark's database with its generated tenants (`npm run seed:bulk`, idempotent: a
 * seeded tenant is skipped), in the same place `npm run bench` keeps it, so the side benchmarks
 * (migration impact, data quality cost) reuse its data; and the environment every product
 * process of a run gets, as in run.ts (one key pair and secret, production mode, no worker,
 * rate limits off).
 */
export async function seededBenchDatabase(options: { quick: boolean; tenants: number; clients: number; pgPort: number; log: (line: string) => void }): Promise<{ database: BenchDatabase; base: NodeJS.ProcessEnv; dataDir: string }> {
  const dataDir = path.join(root, options.quick ? '.ubos-bench/quick' : '.ubos-bench');
  const base = benchEnvironment(dataDir);
  const database = await prepareBenchDatabase(base, { pgPort: options.pgPort, dataDir, log: options.log });
  try {
    base.DATABASE_URL = database.adminUrl;
    await runScript(['db/src/bulk-seed.ts', '--tenants', String(options.tenants), '--clients', String(options.clients)], base);
    return { database, base, dataDir };
  } catch (error) {
    await database.stop().catch(() => undefined);
    throw error;
  }
}

/** The machine, for the result files. */
export async function machine(): Promise<Record<string, unknown>> {
  const os = await import('node:os');
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() };
}
