import { parseArgs } from 'node:util';
import {
  LATEST_SCHEMA_VERSION,
  deriveAppDatabaseUrl,
  loadConfig,
  runTenantMigration,
  startTenantMigration,
  type TenantMigrationState,
} from '@ubos/kernel';
import { prepareDatabase } from './prepare.js';
import { createPool, withAdminClient } from './admin.js';

/**
 * `npm run tenant-migrate -- --to 2 --tenants all|<id,id> --concurrency N [--batch-size N]`:
 * moves tenants to a schema version, a few at a time, with a progress bar. Each tenant's rows
 * move in batches under that tenant's RLS setting, as the serving role; the admin connection
 * only lists the organizations. Interrupted (Ctrl-C, SIGKILL), run it again: every tenant
 * continues from its last committed batch. Exits 1 when a tenant's migration failed.
 */
const { values } = parseArgs({
  options: {
    to: { type: 'string', default: String(LATEST_SCHEMA_VERSION) },
    tenants: { type: 'string', default: 'all' },
    concurrency: { type: 'string', default: '2' },
    'batch-size': { type: 'string' },
  },
});
const target = Number(values.to);
const concurrency = Number(values.concurrency);
const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
if (!Number.isInteger(target) || !Number.isInteger(concurrency) || concurrency < 1 || (batchSize !== undefined && !(batchSize >= 1))) {
  console.error('usage: npm run tenant-migrate -- --to <version> --tenants all|<id,id,...> --concurrency <n> [--batch-size <n>]');
  process.exit(2);
}

/** One bar over every tenant's rows; redrawn in place on a terminal, a line per step of 5% otherwise. */
class ProgressBar {
  private readonly states = new Map<string, TenantMigrationState>();
  private finished = 0;
  private failed = 0;
  private lastPrinted = -1;

  constructor(private readonly tenants: number) {}

  update(state: TenantMigrationState): void {
    this.states.set(state.organizationId, state);
    this.draw();
  }

  finish(state: TenantMigrationState): void {
    this.update(state);
    this.finished++;
    if (state.status === 'FAILED') this.failed++;
    this.draw(true);
  }

  done(): void {
    if (process.stdout.isTTY) process.stdout.write('\n');
  }

  private draw(force = false): void {
    let done = 0;
    let total = 0;
    for (const state of this.states.values()) {
      done += state.rowsDone;
      total += state.rowsTotal;
    }
    const share = total === 0 ? (this.finished === this.tenants ? 1 : 0) : done / total;
    const width = 30;
    const filled = Math.round(share * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% rows ${done}/${total}, tenants ${this.finished}/${this.tenants} done${this.failed ? `, ${this.failed} failed` : ''}`;
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${line}`);
      return;
    }
    const step = Math.floor(share * 20);
    if (force || step !== this.lastPrinted) {
      this.lastPrinted = step;
      console.log(line);
    }
  }
}

const config = loadConfig();
// With DATABASE_URL (a superuser, as for seeding: it lists every organization), the server is
// the operator's and may be serving; without it, the embedded one is started, so npm start must not be running.
const database = config.databaseUrl ? null : await prepareDatabase({ ...config, demo: false });
const adminUrl = config.databaseUrl ?? database!.adminUrl;
const appUrl = config.appDatabaseUrl ?? database?.appUrl ?? deriveAppDatabaseUrl(config, adminUrl);
const pool = createPool({ connectionString: appUrl, max: concurrency + 1, application_name: 'ubos-tenant-migrate' });

try {
  const organizations = await withAdminClient(adminUrl, async (client) => (await client.query<{ id: string; name: string; schema_version: number }>('select id, name, schema_version from organizations order by id')).rows);
  const wanted = values.tenants === 'all' ? organizations : organizations.filter((organization) => values.tenants!.split(',').map((id) => id.trim()).includes(organization.id));
  if (values.tenants !== 'all') {
    const unknown = values.tenants!.split(',').map((id) => id.trim()).filter((id) => !organizations.some((organization) => organization.id === id));
    if (unknown.length > 0) throw new Error(`no organization with id ${unknown.join(', ')}`);
  }
  const queue = wanted.filter((organization) => organization.schema_version < target);
  const progress = new ProgressBar(queue.length);
  console.log(`${queue.length} of ${wanted.length} organizations to move to schema version ${target} (${wanted.length - queue.length} already there), ${concurrency} at a time`);
  const failures: TenantMigrationState[] = [];
  const next = async (): Promise<void> => {
    for (let organization = queue.shift(); organization; organization = queue.shift()) {
      const started = await startTenantMigration(pool, organization.id, target, 'system:tenant-migrate');
      progress.update(started);
      const final = await runTenantMigration(pool, organization.id, { batchSize, onBatch: (state) => progress.update(state) });
      progress.finish(final);
      if (final.status === 'FAILED') failures.push(final);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, next));
  progress.done();
  for (const failure of failures) console.error(`FAILED ${failure.organizationId}: ${failure.error}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await pool.end();
  await database?.stop();
}
