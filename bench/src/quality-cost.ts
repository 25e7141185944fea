import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DataQualityMonitor, metricsRegistry, type MigrationConnection, type MigrationDatabase } from '@ubos/kernel';
import { cpuAvailable, postmasterPid, treeCpuSeconds } from './lib/cpu.js';
import { root } from './lib/processes.js';
import { machine, seededBenchDatabase } from './lib/seeded.js';

/**
 * `npm run bench:quality [-- --quick]`: what keeping every tenant's data quality costs, on the
 * benchmark's data (10 tenants x 10,000 clients, with their contacts, deals, projects and
 * invoices). It runs the product's own refresh (DataQualityMonitor, as `npm start` schedules it
 * every UBOS_DATA_QUALITY_INTERVAL seconds) as the serving role, first right after PostgreSQL
 * started (cold buffers), then `--refreshes` more times, and reports each refresh's wall time,
 * each tenant's, the statements sent, and the CPU it cost PostgreSQL and Node. A scrape of
 * /metrics is timed too: it reads memory only.
 */

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    tenants: { type: 'string' },
    clients: { type: 'string' },
    refreshes: { type: 'string' },
    'pg-port': { type: 'string' },
  },
});
const quick = Boolean(values.quick);
const int = (raw: string | undefined, fallback: number) => (raw === undefined ? fallback : Number(raw));
const params = {
  quick,
  tenants: int(values.tenants, quick ? 2 : 10),
  clients: int(values.clients, quick ? 500 : 10_000),
  refreshes: int(values.refreshes, 5),
  intervalSeconds: 300,
  pgPort: int(values['pg-port'], quick ? 54359 : 54339),
};
const log = (line: string) => console.log(`[quality-cost] ${line}`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The serving role's pool, with every statement counted and each tenant's transaction timed. */
class MeasuredDatabase implements MigrationDatabase {
  statements = 0;
  tenantMs: number[] = [];
  constructor(private readonly pool: pg.Pool) {}
  async connect(): Promise<MigrationConnection> {
    const client = await this.pool.connect();
    let began = 0;
    return {
      query: async (sql: string, params?: unknown[]) => {
        this.statements++;
        if (sql.startsWith('begin')) began = performance.now();
        const result = await client.query(sql, params as unknown[]);
        if (sql === 'rollback') this.tenantMs.push(performance.now() - began);
        return { rows: result.rows, rowCount: result.rowCount };
      },
      release: (error?: Error | boolean) => client.release(error),
    };
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`${quick ? 'QUICK: ' : ''}${params.tenants} tenants x ${params.clients} clients; ${params.refreshes} warm refreshes after the first`);
  const { database } = await seededBenchDatabase({ quick, tenants: params.tenants, clients: params.clients, pgPort: params.pgPort, log });
  const pool = new pg.Pool({ connectionString: database.appUrl, max: 2, application_name: 'ubos-quality-bench' });
  // An idle connection cut when PostgreSQL stops at the end is no failure of the refresh.
  pool.on('error', () => undefined);
  try {
    const admin = new pg.Client({ connectionString: database.adminUrl });
    await admin.connect();
    const { rows: sizes } = await admin.query<{ entity: string; rows: number }>(
      `select 'clients' as entity, count(*)::int as rows from clients union all select 'contacts', count(*)::int from contacts
       union all select 'deals', count(*)::int from deals union all select 'projects', count(*)::int from projects
       union all select 'invoices', count(*)::int from invoices union all select 'organizations', count(*)::int from organizations`,
    );
    await admin.end();
    const rows = Object.fromEntries(sizes.map((size) => [size.entity, size.rows]));
    log(`rows: ${JSON.stringify(rows)}`);

    const db = new MeasuredDatabase(pool);
    const monitor = new DataQualityMonitor(db, 0, 0);
    const pgPid = database.pgDataDir ? postmasterPid(database.pgDataDir) : undefined;
    const refreshes: Array<{ kind: 'first' | 'warm'; seconds: number; statements: number; tenants: number; tenantMs: { min: number; median: number; max: number }; postgresCpuSeconds: number | null; nodeCpuSeconds: number }> = [];
    for (let index = 0; index <= params.refreshes; index++) {
      db.statements = 0;
      db.tenantMs = [];
      const pgBefore = pgPid && cpuAvailable ? treeCpuSeconds([pgPid]) : Number.NaN;
      const nodeBefore = process.cpuUsage();
      const t0 = performance.now();
      await monitor.refresh();
      const seconds = (performance.now() - t0) / 1000;
      const node = process.cpuUsage(nodeBefore);
      const pgCpu = pgPid && cpuAvailable ? treeCpuSeconds([pgPid]) - pgBefore : Number.NaN;
      const sorted = [...db.tenantMs].sort((a, b) => a - b);
      refreshes.push({
        kind: index === 0 ? 'first' : 'warm',
        seconds: round(seconds, 2),
        statements: db.statements,
        tenants: sorted.length,
        tenantMs: { min: round(sorted[0] ?? 0), median: round(sorted[Math.floor(sorted.length / 2)] ?? 0), max: round(sorted.at(-1) ?? 0) },
        postgresCpuSeconds: Number.isNaN(pgCpu) ? null : round(pgCpu, 2),
        nodeCpuSeconds: round((node.user + node.system) / 1e6, 3),
      });
      const last = refreshes.at(-1)!;
      log(`${last.kind} refresh: ${last.seconds} s for ${last.tenants} tenants (${last.tenantMs.min}-${last.tenantMs.max} ms each), ${last.statements} statements, PostgreSQL CPU ${last.postgresCpuSeconds} s, Node CPU ${last.nodeCpuSeconds} s`);
      if (last.tenants !== rows.organizations) throw new Error(`the refresh covered ${last.tenants} tenants of ${rows.organizations}`);
    }

    // A scrape reads what the refresh left in memory.
    const scrapes: number[] = [];
    for (let index = 0; index < 20; index++) {
      const t0 = performance.now();
      await metricsRegistry.metrics();
      scrapes.push(performance.now() - t0);
    }
    scrapes.sort((a, b) => a - b);

    const warm = refreshes.filter((refresh) => refresh.kind === 'warm').map((refresh) => refresh.seconds).sort((a, b) => a - b);
    const warmMedian = warm[Math.floor(warm.length / 2)] ?? refreshes[0]!.seconds;
    const report = {
      benchmark: 'quality-cost',
      date: new Date().toISOString(),
      quick,
      parameters: params,
      machine: await machine(),
      method:
        "The product's DataQualityMonitor.refresh() as the serving role over one pooled connection: per tenant one read-only transaction under its RLS setting, per entity type one statement for completeness and one for accuracy, plus four small ones. First refresh right after PostgreSQL started, then warm ones.",
      rows,
      refreshes,
      summary: {
        firstSeconds: refreshes[0]!.seconds,
        warmMedianSeconds: warmMedian,
        perTenantWarmMedianMs: round(refreshes.filter((refresh) => refresh.kind === 'warm').map((refresh) => refresh.tenantMs.median).sort((a, b) => a - b)[Math.floor(params.refreshes / 2)] ?? 0),
        statementsPerRefresh: refreshes[0]!.statements,
        shareOfOneConnectionAtDefaultInterval: round(warmMedian / params.intervalSeconds, 4),
        scrapeMs: { median: round(scrapes[10]!, 2), max: round(scrapes.at(-1)!, 2) },
      },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    const file = path.join(root, 'bench/results', quick ? 'quality-cost-quick.json' : 'quality-cost.json');
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report.summary, null, 2));
    log(`wrote ${path.relative(root, file)} in ${report.totalSeconds} s`);
  } finally {
    await pool.end().catch(() => undefined);
    await database.stop().catch((error) => console.error(error));
  }
}

await main();
