import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { UbosConfig } from '@ubos/kernel';
import { quoteIdent, withAdminClient } from './admin.js';
import { ensureAppRole } from './roles.js';

/**
 * The job queue of the worker: pg-boss 10, in its own schema. Its tables (`pgboss.job` and its
 * per-queue partitions, `pgboss.archive`, `pgboss.queue`, `pgboss.version`, `pgboss.schedule`,
 * `pgboss.subscription`) are global, not per tenant: a job carries its tenant in its data, and
 * the handler sets that tenant on each of its transactions.
 *
 * The migrating role installs the schema and the queues (DDL), so the worker role needs only
 * DML there.
 */
export const QUEUE_SCHEMA = 'pgboss';
/** One job per outbox event (its id is the event's id): routes it to the workflows it triggers. */
export const EVENT_QUEUE = 'ubos-event';
/** One job per step of a workflow run. */
export const STEP_QUEUE = 'ubos-step';
/** One job per change an integration must push (QuickBooks), and its periodic pulls. */
export const INTEGRATION_QUEUE = 'ubos-integration';

export async function installQueue(adminUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: adminUrl, schema: QUEUE_SCHEMA, max: 1, supervise: false, schedule: false, migrate: true });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    for (const queue of [EVENT_QUEUE, STEP_QUEUE, INTEGRATION_QUEUE]) {
      if (!(await boss.getQueue(queue))) await boss.createQueue(queue, { name: queue, policy: 'standard' });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  await grantQueueMetricsReader(adminUrl);
}

/** The role that owns ubos_queue_metrics() (migration 0065). */
export const QUEUE_METRICS_READER = 'ubos_queue_reader';

/**
 * What ubos_queue_metrics() reads, and nothing else: the queue names, and of each job its
 * queue, state and creation time (never its data). Granted here because the schema is made
 * after the migrations; a database migrated before 0065 has no reader yet and is skipped.
 */
export async function grantQueueMetricsReader(adminUrl: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [QUEUE_METRICS_READER]);
    if (!rowCount) return;
    const who = quoteIdent(QUEUE_METRICS_READER);
    await client.query(`
      grant usage on schema ${QUEUE_SCHEMA} to ${who};
      grant select (name) on ${QUEUE_SCHEMA}.queue to ${who};
      grant select (name, state, created_on) on ${QUEUE_SCHEMA}.job to ${who};
    `);
  });
}

export function workerPasswordFile(dataDir: string): string {
  return path.join(dataDir, 'worker-password');
}

function workerPassword(config: UbosConfig): string {
  if (config.worker.password) return config.worker.password;
  const file = workerPasswordFile(config.dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * The worker role's connection: WORKER_DATABASE_URL as given, or the admin URL with the
 * ubos_worker role and its password (UBOS_WORKER_PASSWORD, or the one generated into ./.ubos).
 */
export function deriveWorkerDatabaseUrl(config: UbosConfig, adminUrl: string | undefined = config.databaseUrl): string {
  if (config.worker.databaseUrl) return config.worker.databaseUrl;
  if (!adminUrl) throw new Error('Set WORKER_DATABASE_URL, or DATABASE_URL with UBOS_WORKER_PASSWORD, to run the worker on its own');
  const url = new URL(adminUrl);
  url.username = config.worker.role;
  url.password = workerPassword(config);
  return url.toString();
}

/** Creates (or re-passwords) the worker's login role; with WORKER_DATABASE_URL the role is the operator's. */
export async function ensureWorkerRole(adminUrl: string, config: UbosConfig): Promise<void> {
  if (config.worker.databaseUrl) return;
  await ensureAppRole(adminUrl, config.worker.role, workerPassword(config));
}

/**
 * What the worker may do, and no more (ARCHITECTURE 3.1): read the outbox of every tenant and
 * mark rows dispatched (through the ubos_dispatcher policies of migration 0012), keep the
 * engine's own tables (runs, inbox, dead letters) under each tenant's Row Level Security, read
 * workflows, and use the queue. It gets nothing on the domain tables: its domain changes go
 * through the graph. Run after every migration, like the serving role's grants.
 */
export async function grantWorkerPrivileges(adminUrl: string, role: string): Promise<void> {
  const who = quoteIdent(role);
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`
      grant usage on schema public to ${who};
      grant ubos_dispatcher to ${who};
      grant select, update (dispatched_at) on outbox to ${who};
      grant select on workflows, workflow_secrets to ${who};
      grant select, insert, update on workflow_runs, inbox, event_dead_letters to ${who};
      grant execute on function ubos_install_default_workflows() to ${who};
      -- The mail step (migration 0030): pending mail of every tenant and of no tenant.
      grant select, update on mail_outbox to ${who};
      -- QuickBooks sync (migration 0045): the mappings, the tokens it refreshes, and the connection's state.
      grant select, insert, update, delete on integration_quickbooks_customers, integration_quickbooks_invoices, integration_quickbooks_payments to ${who};
      grant select, update on integration_connection_secrets, integration_sync_status to ${who};
      grant select, update (status, last_error, updated_at) on integration_connections to ${who};
      -- The CDC poll's round of connected tenants (migration 0055).
      grant execute on function integration_quickbooks_connected() to ${who};
      grant usage on schema ${QUEUE_SCHEMA} to ${who};
      grant select, insert, update, delete on all tables in schema ${QUEUE_SCHEMA} to ${who};
      grant usage, select on all sequences in schema ${QUEUE_SCHEMA} to ${who};
    `);
  });
}

/** Everything the worker needs in a database: the queue, the role and its grants. */
export async function prepareWorkerDatabase(adminUrl: string, config: UbosConfig): Promise<string> {
  await installQueue(adminUrl);
  await ensureWorkerRole(adminUrl, config);
  await grantWorkerPrivileges(adminUrl, config.worker.role);
  return deriveWorkerDatabaseUrl(config, adminUrl);
}
