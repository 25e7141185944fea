import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What a readiness probe reports: each check's state, and whether all of them pass. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

// The SQL migrations this code was built with; the database must have applied every one.
const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../db/migrations/', import.meta.url));
let expectedMigrations: string[] | undefined;
function migrationFiles(): string[] {
  expectedMigrations ??= fs.readdirSync(MIGRATIONS_DIR).filter((file) => file.endsWith('.sql')).sort();
  return expectedMigrations;
}

/** A probe answers within this time or reports what hung: a load balancer's probe has its own short timeout. */
export const READINESS_TIMEOUT_MS = 2_000;

export function withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = READINESS_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * PostgreSQL is reachable through `query` (the serving pool, so a probe fails when serving
 * would), and every migration of this code is applied: a process started before `npm run
 * migrate` finished is not ready yet.
 */
export async function databaseReadiness(query: (sql: string) => Promise<{ name: string }[]>): Promise<Readiness> {
  try {
    const rows = await withTimeout(query('select name from schema_migrations'), 'PostgreSQL');
    const applied = new Set(rows.map((row) => row.name));
    const pending = migrationFiles().filter((file) => !applied.has(file));
    return {
      ready: pending.length === 0,
      checks: { database: 'ok', migrations: pending.length === 0 ? 'ok' : `${pending.length} not applied (${pending.slice(0, 3).join(', ')}${pending.length > 3 ? ', …' : ''}); run npm run migrate` },
    };
  } catch (error) {
    // The message names the state, never an address or a password.
    return { ready: false, checks: { database: `unreachable: ${(error as Error).message.replace(/postgres(ql)?:\/\/\S+/g, '<url>')}`, migrations: 'unknown' } };
  }
}
