import { Gauge } from 'prom-client';
import { metricsRegistry } from '../metrics.js';
import type { MigrationDatabase } from '../tenant-schema/runner.js';
import { computeDataQuality, type DataQualityReport } from './data-quality.js';
import { tenantLatencies } from './latency.js';

/**
 * Keeps every tenant's data quality for /metrics, on a schedule: a scrape only reads memory.
 * A refresh walks the tenants one at a time, each in one transaction under its own RLS setting
 * (computeDataQuality: per entity type one pass over the tenant's live rows), so its cost is
 * the sum of the tenants' scans, spread over one connection, once per interval.
 */
interface TenantReport {
  slug: string;
  schemaVersion: number;
  deadLetters: number;
  report: DataQualityReport;
}

const reports = new Map<string, TenantReport>();
const monitors = new Set<DataQualityMonitor>();
let lastRefreshSeconds = 0;

/**
 * The worker's queues as /metrics labels: the three the product makes, and `other` for any
 * queue someone added by hand (their counts are summed), so the label stays bounded.
 */
export const QUEUE_LABELS = ['ubos-event', 'ubos-step', 'ubos-integration'] as const;
interface QueueCounts {
  waiting: number;
  active: number;
  failed: number;
  oldestWaitingSeconds: number;
}
let queues = new Map<string, QueueCounts>();

export class DataQualityMonitor {
  private timer: NodeJS.Timeout | undefined;
  private queueTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readingQueues: Promise<void> | undefined;

  constructor(
    private readonly db: MigrationDatabase,
    private readonly intervalSeconds: number,
    /** The queue's counts are cheap and go stale fast, so they have a schedule of their own. */
    private readonly queueIntervalSeconds = 0,
  ) {}

  start(): void {
    monitors.add(this);
    if (this.queueIntervalSeconds > 0) {
      void this.refreshQueues();
      this.queueTimer = setInterval(() => void this.refreshQueues(), this.queueIntervalSeconds * 1000);
      this.queueTimer.unref();
    }
    if (this.intervalSeconds <= 0) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.queueTimer);
    monitors.delete(this);
    await this.running;
    await this.readingQueues;
  }

  /** Recomputes every tenant (one refresh at a time per monitor). */
  refresh(): Promise<void> {
    this.running ??= this.refreshAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Reads the queue's counts per queue name through ubos_queue_metrics() (migration 0065): the
   * serving role cannot read pg-boss's tables, and needs no more than these numbers.
   */
  refreshQueues(): Promise<void> {
    this.readingQueues ??= this.readQueues().finally(() => (this.readingQueues = undefined));
    return this.readingQueues;
  }

  private async readQueues(): Promise<void> {
    let connection: Awaited<ReturnType<MigrationDatabase['connect']>> | undefined;
    try {
      connection = await this.db.connect();
      const { rows } = await connection.query<{ queue: string; waiting: string; active: string; failed: string; oldest_waiting_seconds: number }>(
        'select queue, waiting, active, failed, oldest_waiting_seconds from ubos_queue_metrics()',
      );
      const next = new Map<string, QueueCounts>();
      for (const row of rows) {
        const label = (QUEUE_LABELS as readonly string[]).includes(row.queue) ? row.queue : 'other';
        const counts = next.get(label) ?? { waiting: 0, active: 0, failed: 0, oldestWaitingSeconds: 0 };
        counts.waiting += Number(row.waiting);
        counts.active += Number(row.active);
        counts.failed += Number(row.failed);
        counts.oldestWaitingSeconds = Math.max(counts.oldestWaitingSeconds, Number(row.oldest_waiting_seconds));
        next.set(label, counts);
      }
      queues = next;
    } catch (error) {
      // Stale counts would look healthy: a queue that cannot be read has no series until it can.
      queues = new Map();
      console.error(JSON.stringify({ level: 'error', msg: 'queue metrics read failed', error: String(error) }));
    } finally {
      connection?.release();
    }
  }

  private async refreshAll(): Promise<void> {
    const startedAt = performance.now();
    const connection = await this.db.connect();
    try {
      const { rows: tenants } = await connection.query<{ id: string; slug: string }>('select id, slug from ubos_organizations_for_metrics()');
      const seen = new Set<string>();
      for (const tenant of tenants) {
        seen.add(tenant.id);
        await connection.query('begin read only');
        try {
          await connection.query(`select set_config('app.organization_id', $1, true)`, [tenant.id]);
          const report = await computeDataQuality(connection, tenant.id);
          const { rows } = await connection.query<{ schema_version: number; dead_letters: string }>(
            `select o.schema_version, (select count(*) from event_dead_letters d where d.organization_id = o.id) as dead_letters from organizations o where o.id = $1`,
            [tenant.id],
          );
          reports.set(tenant.id, { slug: tenant.slug, schemaVersion: rows[0]?.schema_version ?? 1, deadLetters: Number(rows[0]?.dead_letters ?? 0), report });
        } finally {
          await connection.query('rollback');
        }
      }
      for (const id of reports.keys()) if (!seen.has(id)) reports.delete(id);
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', msg: 'data quality refresh failed', error: String(error) }));
    } finally {
      connection.release();
      lastRefreshSeconds = (performance.now() - startedAt) / 1000;
    }
  }
}

/** Refreshes every running monitor of this process now (tests; an operator's nudge). */
export async function refreshDataQualityMetrics(): Promise<void> {
  await Promise.all([...monitors].flatMap((monitor) => [monitor.refresh(), monitor.refreshQueues()]));
}

function tenantGauge(name: string, help: string, value: (tenant: TenantReport, id: string) => number | null) {
  return new Gauge({
    name,
    help,
    labelNames: ['tenant'] as const,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      for (const [id, tenant] of reports) {
        const measured = value(tenant, id);
        if (measured !== null) this.set({ tenant: tenant.slug }, measured);
      }
    },
  });
}

tenantGauge('ubos_tenant_data_completeness_ratio', 'Share of expected and required custom fields filled (target above 0.95).', (t) => t.report.completeness);
tenantGauge('ubos_tenant_data_accuracy_ratio', "Share of live rows passing today's validation rules (target above 0.99).", (t) => t.report.accuracy);
tenantGauge('ubos_tenant_data_freshness_seconds', 'Age of the oldest undispatched outbox event (target under 3600).', (t) => t.report.freshnessSeconds);
tenantGauge('ubos_tenant_last_migration_seconds', 'Duration of the last successful schema migration (target under 300).', (t) => t.report.lastMigrationSeconds);
tenantGauge('ubos_tenant_schema_version', 'The schema version the tenant is served on.', (t) => t.schemaVersion);
tenantGauge('ubos_tenant_data_quality_breaches', 'Data quality measures missing their target at the last refresh.', (t) => t.report.breaches.length);
tenantGauge('ubos_tenant_dead_letters', 'Events and steps that exhausted their attempts.', (t) => t.deadLetters);

new Gauge({
  name: 'ubos_tenant_query_p95_seconds',
  help: "95th percentile over the last 5 minutes of the tenant's GraphQL operations and SQL statements in this process (target under 0.05).",
  labelNames: ['tenant', 'kind'] as const,
  registers: [metricsRegistry],
  // Several server processes (UBOS_PROCESSES): each knows only its own requests; their p95s cannot
  // be combined exactly, and the largest is the one a target must be checked against.
  aggregator: 'max',
  collect() {
    this.reset();
    for (const [id, tenant] of reports) {
      for (const kind of ['operation', 'sql'] as const) {
        const p95 = tenantLatencies.p95(id, kind);
        if (p95 !== null) this.set({ tenant: tenant.slug, kind }, p95 / 1000);
      }
    }
  },
});
new Gauge({
  name: 'ubos_outbox_backlog',
  help: 'Outbox events not yet dispatched, over every tenant, at the last refresh.',
  registers: [metricsRegistry],
  collect() {
    this.set([...reports.values()].reduce((sum, tenant) => sum + tenant.report.outboxBacklog, 0));
  },
});
new Gauge({
  name: 'ubos_outbox_dispatch_lag_seconds',
  help: 'Age of the oldest undispatched outbox event of any tenant, at the last refresh.',
  registers: [metricsRegistry],
  collect() {
    this.set(Math.max(0, ...[...reports.values()].map((tenant) => tenant.report.freshnessSeconds)));
  },
});
new Gauge({
  name: 'ubos_dead_letters',
  help: 'Dead letters over every tenant, at the last refresh.',
  registers: [metricsRegistry],
  collect() {
    this.set([...reports.values()].reduce((sum, tenant) => sum + tenant.deadLetters, 0));
  },
});
new Gauge({
  name: 'ubos_data_quality_refresh_seconds',
  help: "Duration of the last refresh of every tenant's data quality: the cost of the schedule.",
  registers: [metricsRegistry],
  collect() {
    this.set(lastRefreshSeconds);
  },
});

function queueGauge(name: string, help: string, value: (counts: QueueCounts) => number) {
  return new Gauge({
    name,
    help,
    labelNames: ['queue'] as const,
    registers: [metricsRegistry],
    // Several server processes (UBOS_PROCESSES): the first member reads the counts, the others
    // have none; were two to read them, the sum would count each job twice.
    aggregator: 'max',
    collect() {
      this.reset();
      for (const [queue, counts] of queues) this.set({ queue }, value(counts));
    },
  });
}

queueGauge('ubos_queue_depth', 'Jobs of the worker queue waiting to run (created, or retrying after a failed attempt), at the last read.', (q) => q.waiting);
queueGauge('ubos_queue_active_jobs', 'Jobs of the worker queue being run, at the last read.', (q) => q.active);
queueGauge('ubos_queue_dead_letters', 'Jobs of the worker queue that failed their last attempt (pg-boss state failed, until it archives them), at the last read.', (q) => q.failed);
queueGauge('ubos_queue_oldest_waiting_seconds', 'Age of the oldest waiting job of the worker queue, at the last read (0 when none waits).', (q) => q.oldestWaitingSeconds);
