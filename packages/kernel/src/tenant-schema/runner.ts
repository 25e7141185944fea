import { badUserInput, conflict } from '../errors.js';
import { TENANT_MIGRATIONS, LATEST_SCHEMA_VERSION, type TenantMigration, type MigrationConnection } from './migrations.js';

/**
 * Per-tenant data migrations (ARCHITECTURE 3.8). A tenant moves from its schema version to a
 * target one step at a time; each step transforms the tenant's rows in batches.
 *
 * - Each batch is its own transaction, with the tenant's Row Level Security setting and the
 *   actor `system:migration:<version>`, so the audit trail and history record every row it
 *   changes, and nothing of another tenant is reachable.
 * - The batch locks the tenant's run row, migrates the rows after the run's cursor and moves
 *   the cursor, all in that one transaction. A process killed half-way loses only its open
 *   batch (rolled back); whoever resumes reads the last committed cursor. Two runners of the
 *   same tenant queue on the row lock, so no batch is ever applied twice.
 * - A row the step cannot migrate fails the batch: the run becomes FAILED with the step's
 *   message, the tenant stays on its version, and other tenants' runs go on.
 */

/** What the runner needs of a database: a pooled connection (pg.Pool fits). */
export interface MigrationDatabase {
  connect(): Promise<MigrationConnection>;
}
export type { MigrationConnection } from './migrations.js';

export type TenantMigrationStatus = 'IDLE' | 'RUNNING' | 'FAILED';

export interface TenantMigrationState {
  organizationId: string;
  schemaVersion: number;
  status: TenantMigrationStatus;
  runId: string | null;
  fromVersion: number | null;
  targetVersion: number | null;
  rowsDone: number;
  rowsTotal: number;
  /** 0 to 1; 1 when there was nothing to migrate. */
  progress: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
}

interface RunRow {
  id: string;
  from_version: number;
  target_version: number;
  step_version: number;
  status: 'RUNNING' | 'FAILED' | 'SUCCEEDED';
  cursor: string | null;
  rows_total: number;
  rows_done: number;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}

const SETTINGS_SQL = `select set_config('app.organization_id', $1, true), set_config('app.actor', $2, true), set_config('app.request_id', $3, true)`;

async function inTenantTransaction<T>(db: MigrationDatabase, organizationId: string, actor: string, requestId: string, work: (connection: MigrationConnection) => Promise<T>): Promise<T> {
  const connection = await db.connect();
  try {
    await connection.query('begin');
    await connection.query(SETTINGS_SQL, [organizationId, actor, requestId]);
    const result = await work(connection);
    await connection.query('commit');
    connection.release();
    return result;
  } catch (error) {
    await connection.query('rollback').catch(() => undefined);
    connection.release();
    throw error;
  }
}

function migrationOf(version: number): TenantMigration {
  const migration = TENANT_MIGRATIONS.find((candidate) => candidate.version === version);
  if (!migration) throw new Error(`no tenant migration to version ${version}`);
  return migration;
}

/** The state, read on a connection already in a transaction with the tenant set. */
export async function readTenantMigrationState(connection: Pick<MigrationConnection, 'query'>, organizationId: string): Promise<TenantMigrationState> {
  const { rows: organizations } = await connection.query<{ schema_version: number }>('select schema_version from organizations where id = $1', [organizationId]);
  if (organizations.length === 0) throw new Error(`organization ${organizationId} not found`);
  // Instants as epoch milliseconds: the ORM's driver hands timestamps over as strings, pg as dates.
  const { rows } = await connection.query<RunRow & { started_ms: string; finished_ms: string | null }>(
    `select *, extract(epoch from started_at) * 1000 as started_ms, extract(epoch from finished_at) * 1000 as finished_ms
       from tenant_migration_runs where organization_id = $1 order by id desc limit 1`,
    [organizationId],
  );
  const run = rows[0];
  const status: TenantMigrationStatus = !run || run.status === 'SUCCEEDED' ? 'IDLE' : run.status;
  return {
    organizationId,
    schemaVersion: organizations[0]!.schema_version,
    status,
    runId: run?.id ?? null,
    fromVersion: run?.from_version ?? null,
    targetVersion: run?.target_version ?? null,
    rowsDone: run?.rows_done ?? 0,
    rowsTotal: run?.rows_total ?? 0,
    progress: !run ? 0 : run.status === 'SUCCEEDED' || run.rows_total === 0 ? 1 : Math.min(1, run.rows_done / run.rows_total),
    startedAt: run ? new Date(Number(run.started_ms)) : null,
    finishedAt: run?.finished_ms != null ? new Date(Number(run.finished_ms)) : null,
    error: run?.error ?? null,
  };
}

/** The tenant's version and its newest migration run. */
export function tenantMigrationState(db: MigrationDatabase, organizationId: string): Promise<TenantMigrationState> {
  return inTenantTransaction(db, organizationId, 'system', 'tenant-migration-state', (connection) => readTenantMigrationState(connection, organizationId));
}

/**
 * Records that the tenant moves to `targetVersion` (or resumes its unfinished run to that
 * version) and answers the state. It does not migrate: runTenantMigration does.
 */
export async function startTenantMigration(
  db: MigrationDatabase,
  organizationId: string,
  targetVersion: number,
  startedBy: string,
  requestId = 'tenant-migration-start',
): Promise<TenantMigrationState> {
  if (!Number.isInteger(targetVersion) || targetVersion < 1 || targetVersion > LATEST_SCHEMA_VERSION) {
    throw badUserInput(`targetVersion must be a schema version from 1 to ${LATEST_SCHEMA_VERSION}`, 'targetVersion');
  }
  // Like every change, a start (or a resume) announces itself in the transaction that records it.
  const announce = (connection: MigrationConnection, eventType: string, runId: string, payload: Record<string, unknown>) =>
    connection.query(
      `insert into outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id) values ($1, $2, 'TenantMigration', $3, $4::jsonb, $5, $6)`,
      [organizationId, eventType, runId, JSON.stringify(payload), startedBy, requestId],
    );
  return inTenantTransaction(db, organizationId, startedBy, requestId, async (connection) => {
    // Serialises starts of one tenant: the partial unique index would refuse the second anyway.
    await connection.query('select 1 from organizations where id = $1 for update', [organizationId]);
    const state = await readTenantMigrationState(connection, organizationId);
    if (state.status !== 'IDLE') {
      if (state.targetVersion !== targetVersion) {
        throw conflict(`A migration to version ${state.targetVersion} is ${state.status === 'RUNNING' ? 'running' : 'failed and waiting to be resumed'}; resume it with targetVersion ${state.targetVersion}`, { field: 'targetVersion' });
      }
      await connection.query(`update tenant_migration_runs set status = 'RUNNING', error = null, updated_at = now() where organization_id = $1 and id = $2`, [organizationId, state.runId]);
      await announce(connection, 'TenantMigrationResumed', state.runId!, { fromVersion: state.schemaVersion, targetVersion });
      return readTenantMigrationState(connection, organizationId);
    }
    if (targetVersion <= state.schemaVersion) {
      throw badUserInput(`The organization is already on schema version ${state.schemaVersion}; versions only go up`, 'targetVersion');
    }
    const firstStep = state.schemaVersion + 1;
    const rowsTotal = await migrationOf(firstStep).countPending(connection, organizationId);
    const { rows: started } = await connection.query<{ id: string }>(
      `insert into tenant_migration_runs (organization_id, from_version, target_version, step_version, status, rows_total, started_by)
       values ($1, $2, $3, $4, 'RUNNING', $5, $6) returning id`,
      [organizationId, state.schemaVersion, targetVersion, firstStep, rowsTotal, startedBy],
    );
    await announce(connection, 'TenantMigrationStarted', started[0]!.id, { fromVersion: state.schemaVersion, targetVersion, rowsTotal });
    return readTenantMigrationState(connection, organizationId);
  });
}

export interface RunOptions {
  /** Rows per batch (each batch one transaction); the step's default when unset. */
  batchSize?: number;
  /** Called after every committed batch. */
  onBatch?: (state: TenantMigrationState) => void;
}

/**
 * Applies the tenant's open run batch by batch until it succeeds or fails, and answers the
 * final state. Safe to call for a tenant whose run another process is applying, and after a
 * crash: it continues from the last committed batch.
 */
export async function runTenantMigration(db: MigrationDatabase, organizationId: string, options: RunOptions = {}): Promise<TenantMigrationState> {
  for (;;) {
    let step: number | null = null;
    let runId = '';
    try {
      const more = await inTenantTransaction(db, organizationId, 'system:migration', 'tenant-migration', async (connection) => {
        const { rows } = await connection.query<RunRow>(
          `select * from tenant_migration_runs where organization_id = $1 and status = 'RUNNING' order by id desc limit 1 for update`,
          [organizationId],
        );
        const run = rows[0];
        if (!run) return false;
        step = run.step_version;
        runId = run.id;
        const migration = migrationOf(run.step_version);
        // The batch's changes are audited as this step's: the settings are transaction-local.
        await connection.query(SETTINGS_SQL, [organizationId, `system:migration:${run.step_version}`, `migration:${run.id}`]);
        const batch = await migration.up(connection, { organizationId, after: run.cursor, limit: options.batchSize ?? migration.batchSize });
        if (batch.rows > 0) {
          await connection.query(
            `update tenant_migration_runs set cursor = $3, rows_done = rows_done + $4, batches = batches + 1, updated_at = now()
              where organization_id = $1 and id = $2`,
            [organizationId, run.id, batch.lastKey, batch.rows],
          );
          return true;
        }
        if (run.cursor !== null) {
          // Nothing after the cursor; one pass from the start catches a row written in the old
          // shape behind it (a write that began before the run did). Migrated rows are not picked again.
          await connection.query('update tenant_migration_runs set cursor = null, updated_at = now() where organization_id = $1 and id = $2', [organizationId, run.id]);
          return true;
        }
        // The step found nothing left: the tenant is on its version from this commit on.
        await connection.query('update organizations set schema_version = $2, updated_at = now() where id = $1', [organizationId, run.step_version]);
        if (run.step_version === run.target_version) {
          await connection.query(
            `update tenant_migration_runs set status = 'SUCCEEDED', finished_at = now(), updated_at = now() where organization_id = $1 and id = $2`,
            [organizationId, run.id],
          );
          return false;
        }
        const next = run.step_version + 1;
        const pending = await migrationOf(next).countPending(connection, organizationId);
        await connection.query(
          `update tenant_migration_runs set step_version = $3, cursor = null, rows_total = rows_total + $4, updated_at = now()
            where organization_id = $1 and id = $2`,
          [organizationId, run.id, next, pending],
        );
        return true;
      });
      if (options.onBatch) options.onBatch(await tenantMigrationState(db, organizationId));
      if (!more) return tenantMigrationState(db, organizationId);
    } catch (error) {
      if (step === null) throw error;
      const message = `version ${step}: ${error instanceof Error ? error.message : String(error)}`;
      await inTenantTransaction(db, organizationId, 'system:migration', 'tenant-migration', (connection) =>
        connection.query(
          `update tenant_migration_runs set status = 'FAILED', error = $3, updated_at = now() where organization_id = $1 and id = $2 and status = 'RUNNING'`,
          [organizationId, runId, message],
        ),
      );
      return tenantMigrationState(db, organizationId);
    }
  }
}
