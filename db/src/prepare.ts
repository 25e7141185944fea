import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { appPasswordFile, deriveAppDatabaseUrl, type UbosConfig } from '@ubos/kernel';
import { ensureDatabase, withDatabase } from './admin.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrate } from './migrate.js';
import { ensureAppRole, grantAppPrivileges } from './roles.js';
import { prepareWorkerDatabase } from './queue.js';
import { seedDemo, type SeededOrganization } from './seed/demo.js';

export const EMBEDDED_DATABASE = 'ubos';

export interface PreparedDatabase {
  adminUrl: string;
  appUrl: string;
  /** The worker role's connection (outbox, workflow runs, the pg-boss queue). */
  workerUrl: string;
  embedded: boolean;
  demoOrganizations?: Record<string, SeededOrganization>;
  stop(): Promise<void>;
}

function appPassword(config: UbosConfig): string {
  if (config.appPassword) return config.appPassword;
  const file = appPasswordFile(config.dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * Everything `npm start` does to the database before serving: start the embedded server when
 * DATABASE_URL is unset, create the serving role, migrate, grant, and seed the demo tenants.
 */
export async function prepareDatabase(
  config: UbosConfig,
  log: (line: string) => void = () => {},
  /** The caller stops PostgreSQL itself on SIGINT, SIGTERM and SIGHUP (startEmbeddedPostgres). */
  options: { ownProcessGroup?: boolean } = {},
): Promise<PreparedDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, notice: log, ownProcessGroup: options.ownProcessGroup });
  try {
    let adminUrl = config.databaseUrl!;
    if (embedded) {
      await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
      adminUrl = withDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
      log(`embedded PostgreSQL on port ${config.embeddedPostgresPort}, data in ${config.dataDir}`);
    }
    // With APP_DATABASE_URL the role is the operator's: use it as given, create nothing.
    if (!config.appDatabaseUrl) await ensureAppRole(adminUrl, config.appRole, appPassword(config));
    const { applied } = await migrate(adminUrl, log);
    if (applied.length === 0) log('database schema is up to date');
    await grantAppPrivileges(adminUrl, config.appRole);
    const workerUrl = await prepareWorkerDatabase(adminUrl, config);
    const demoOrganizations = config.demo ? await seedDemo(adminUrl) : undefined;
    const appUrl = config.appDatabaseUrl ?? deriveAppDatabaseUrl({ ...config, appPassword: appPassword(config) }, adminUrl);
    return { adminUrl, appUrl, workerUrl, embedded: Boolean(embedded), demoOrganizations, stop: async () => embedded?.stop() };
  } catch (error) {
    // Never leave a stray postgres holding the port and the data directory.
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
