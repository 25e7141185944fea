import path from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { prepareBenchDatabase, type BenchDatabase } from './database.js';
import { root, runScript } from './processes.js';

export const METRICS_TOKEN = randomBytes(18).toString('base64url');

/**
 * The benchmark's database with its generated tenants (`npm run seed:bulk`, idempotent: a
 * seeded tenant is skipped), in the same place `npm run bench` keeps it, so the side benchmarks
 * (migration impact, data quality cost) reuse its data; and the environment every product
 * process of a run gets, as in run.ts (one key pair and secret, production mode, no worker,
 * rate limits off).
 */
export async function seededBenchDatabase(options: { quick: boolean; tenants: number; clients: number; pgPort: number; log: (line: string) => void }): Promise<{ database: BenchDatabase; base: NodeJS.ProcessEnv; dataDir: string }> {
  const dataDir = path.join(root, options.quick ? '.ubos-bench/quick' : '.ubos-bench');
  const keys = generateKeyPairSync('ed25519');
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    UBOS_DATA_DIR: dataDir,
    UBOS_DEMO: '0',
    UBOS_WORKER: '0',
    UBOS_RATE_LIMIT_ACTOR: '0',
    UBOS_RATE_LIMIT_TENANT: '0',
    UBOS_ACCESS_TOKEN_SECONDS: '86400',
    UBOS_JWT_PRIVATE_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    UBOS_JWT_PUBLIC_KEY: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    UBOS_INTERNAL_SECRET: randomBytes(32).toString('base64url'),
    NODE_ENV: 'production',
    UBOS_METRICS_TOKEN: METRICS_TOKEN,
    LOG_LEVEL: 'warn',
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
  };
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
