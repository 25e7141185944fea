import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { runTenantMigration, startTenantMigration } from '@ubos/kernel';
import { cpuAvailable, postmasterPid, treeCpuSeconds } from './lib/cpu.js';
import { paced, percentile, type Workload } from './lib/load.js';
import { root } from './lib/processes.js';
import { machine, seededBenchDatabase } from './lib/seeded.js';
import { Fleet, startSystems } from './lib/systems.js';
import { Q1, Q2 } from './scenarios.js';

/**
 * `npm run bench:migration [-- --quick]`: what one tenant's schema migration costs the others.
 *
 * On the benchmark's data, UBOS one process serves tenant B (`bulk-1`) a steady, open-loop read
 * load (Q1 and Q2 at fixed rates, evenly spaced, latency counted from each request's scheduled
 * time) while tenant A (`bulk-2`, every client with a free-text address) moves from schema
 * version 1 to 2 as `npm run tenant-migrate -- --concurrency 1` moves it (the same two kernel
 * calls over its own pool of the serving role; in the harness, so no process start-up is timed).
 * Windows alternate: B alone, then B while A migrates (the window lasts exactly as long as the
 * migration), for `--rounds` rounds; A is put back on version 1 between rounds, outside the
 * windows. Reported: B's throughput and p50/p95/p99 per window kind, the migration's duration,
 * rows and batches, and the CPU of the server and of PostgreSQL per window second.
 *
 * Before anything is timed, and after: B's answers are the same bytes in every window (the
 * load checks each one), and B's rows are untouched (a checksum of its clients before and after).
 */

// The budget: another tenant's migration never takes a tenant past its own query p95 target
// (the data-quality target, 50 ms), in any window. The rise against B alone is reported beside it.
const BUDGET_P95_MS = 50;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    tenants: { type: 'string' },
    clients: { type: 'string' },
    rounds: { type: 'string' },
    'baseline-seconds': { type: 'string' },
    'q1-rate': { type: 'string' },
    'q2-rate': { type: 'string' },
    connections: { type: 'string' },
    'batch-size': { type: 'string' },
    port: { type: 'string' },
    'pg-port': { type: 'string' },
  },
});
const quick = Boolean(values.quick);
const int = (raw: string | undefined, fallback: number) => (raw === undefined ? fallback : Number(raw));
const params = {
  quick,
  tenants: int(values.tenants, quick ? 2 : 10),
  clients: int(values.clients, quick ? 500 : 10_000),
  rounds: int(values.rounds, quick ? 1 : 9),
  baselineSeconds: int(values['baseline-seconds'], quick ? 5 : 8),
  q1Rate: int(values['q1-rate'], 50),
  q2Rate: int(values['q2-rate'], 10),
  connections: int(values.connections, 10),
  batchSize: values['batch-size'] === undefined ? undefined : Number(values['batch-size']),
  port: int(values.port, 4150),
  pgPort: int(values['pg-port'], quick ? 54359 : 54339),
};
if (params.tenants < 2) throw new Error('--tenants must be at least 2 (B reads, A migrates)');

const log = (line: string) => console.log(`[migration-impact] ${line}`);

async function graphql(url: string, token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<{ text: string; body: any }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text);
  if (response.status !== 200 || body.errors) throw new Error(`GraphQL request failed (HTTP ${response.status}): ${text.slice(0, 300)}`);
  return { text, body };
}

/** Tenant A back on version 1: every client with a free-text address the version 2 parser reads. */
async function resetTenantA(admin: pg.Client, organizationId: string): Promise<number> {
  await admin.query('begin');
  await admin.query(
    `update clients set address = null,
            full_address = (100 + abs(hashtext(id::text)) % 900)::text || ' Market Street, Springfield, IL 62701, US'
      where organization_id = $1 and full_address is null`,
    [organizationId],
  );
  await admin.query('update organizations set schema_version = 1 where id = $1', [organizationId]);
  await admin.query('commit');
  const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from clients where organization_id = $1 and full_address is not null', [organizationId]);
  return rows[0]!.n;
}

/** What B owns that a migration of A must never touch: its clients' every column. */
async function tenantChecksum(admin: pg.Client, organizationId: string): Promise<string> {
  const { rows } = await admin.query<{ sum: string }>(`select md5(string_agg(c::text, '|' order by c.id)) as sum from clients c where c.organization_id = $1`, [organizationId]);
  return rows[0]!.sum;
}

interface Window {
  kind: 'baseline' | 'migrating';
  round: number;
  seconds: number;
  /** The machine's 1-minute load average as the window began: other work on a shared machine. */
  loadAverage: number;
  q1: { requests: number; reqPerSec: number; p50: number; p95: number; p99: number };
  q2: { requests: number; reqPerSec: number; p50: number; p95: number; p99: number };
  cpuSecondsPerSecond?: { server: number; postgres: number };
  migration?: { seconds: number; rows: number; batches: number; status: string };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
function summary(run: { latencies: number[]; requests: number; seconds: number }) {
  return { requests: run.requests, reqPerSec: round2(run.latencies.length / run.seconds), p50: round2(percentile(run.latencies, 50)), p95: round2(percentile(run.latencies, 95)), p99: round2(percentile(run.latencies, 99)) };
}
const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const started = Date.now();
  log(`${quick ? 'QUICK: ' : ''}${params.tenants} tenants x ${params.clients} clients; B reads Q1 at ${params.q1Rate}/s and Q2 at ${params.q2Rate}/s; ${params.rounds} round(s)`);
  const { database, base, dataDir } = await seededBenchDatabase({ quick, tenants: params.tenants, clients: params.clients, pgPort: params.pgPort, log });
  const fleet = new Fleet();
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  const migrationPool = new pg.Pool({ connectionString: database.appUrl, max: 2, application_name: 'ubos-tenant-migrate' });
  migrationPool.on('error', () => undefined);
  try {
    const [b, a] = await Promise.all(['bulk-1', 'bulk-2'].map(async (slug) => (await admin.query<{ id: string }>('select id from organizations where slug = $1', [slug])).rows[0]!.id));
    const rowsOfA = await resetTenantA(admin, a!);
    log(`tenant A (bulk-2) on version 1 with ${rowsOfA} free-text addresses; tenant B (bulk-1) reads`);

    // The scheduled data quality refresh and queue reads are off: the window measures the migration alone.
    const env = { base: { ...base, UBOS_DATA_QUALITY_INTERVAL: '0', UBOS_QUEUE_METRICS_INTERVAL: '0' }, appUrl: database.appUrl, bypassRlsUrl: database.bypassRlsUrl, adminUrl: database.adminUrl, port: params.port, workDir: path.join(dataDir, 'run') };
    fs.mkdirSync(env.workDir, { recursive: true });
    const systems = await startSystems(['one'], env, fleet, log);
    const one = systems.get('one')!;
    const token = (await graphql(one.url, undefined, 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', { email: 'owner@bulk-1.test', password: 'ubos-demo' })).body.data.login.token as string;
    const clientId = (await graphql(one.url, token, '{ clients(first: 1) { edges { node { id } } } }')).body.data.clients.edges[0].node.id as string;
    const q1Body = JSON.stringify({ query: Q1, variables: { id: clientId } });
    const q2Body = JSON.stringify({ query: Q2 });
    const workloads: Record<'q1' | 'q2', Workload> = {
      q1: { name: 'Q1', read: { body: q1Body, expected: (await graphql(one.url, token, Q1, { id: clientId })).text } },
      q2: { name: 'Q2', read: { body: q2Body, expected: (await graphql(one.url, token, Q2)).text } },
    };
    const checksumBefore = await tenantChecksum(admin, b!);

    // Warm-up, unmeasured.
    await Promise.all([
      paced(one.url, token, workloads.q1, { seconds: 3, connections: params.connections, rate: params.q1Rate }),
      paced(one.url, token, workloads.q2, { seconds: 3, connections: params.connections, rate: params.q2Rate }),
    ]);

    const pgPid = database.pgDataDir ? postmasterPid(database.pgDataDir) : undefined;
    const cpu = (pids: number[]) => (cpuAvailable ? treeCpuSeconds(pids) : 0);
    const windows: Window[] = [];
    for (let round = 1; round <= params.rounds; round++) {
      // B alone.
      {
        const load0 = os.loadavg()[0]!;
        const serverBefore = cpu(one.pids());
        const pgBefore = pgPid ? cpu([pgPid]) : 0;
        const t0 = performance.now();
        const [q1, q2] = await Promise.all([
          paced(one.url, token, workloads.q1, { seconds: params.baselineSeconds, connections: params.connections, rate: params.q1Rate }),
          paced(one.url, token, workloads.q2, { seconds: params.baselineSeconds, connections: params.connections, rate: params.q2Rate }),
        ]);
        const seconds = (performance.now() - t0) / 1000;
        windows.push({
          kind: 'baseline',
          round,
          seconds: round2(seconds),
          loadAverage: round2(load0),
          q1: summary(q1),
          q2: summary(q2),
          cpuSecondsPerSecond: { server: round2((cpu(one.pids()) - serverBefore) / seconds), postgres: round2(((pgPid ? cpu([pgPid]) : 0) - pgBefore) / seconds) },
        });
        log(`round ${round} B alone: Q1 p95 ${windows.at(-1)!.q1.p95} ms, Q2 p95 ${windows.at(-1)!.q2.p95} ms over ${seconds.toFixed(1)} s`);
      }
      // B while A migrates: the window is the migration's lifetime.
      {
        if (round > 1) log(`tenant A back on version 1: ${await resetTenantA(admin, a!)} rows`);
        await admin.query('vacuum analyze clients');
        const load0 = os.loadavg()[0]!;
        const serverBefore = cpu(one.pids());
        const pgBefore = pgPid ? cpu([pgPid]) : 0;
        const t0 = performance.now();
        // What `npm run tenant-migrate -- --to 2 --tenants <A> --concurrency 1` does (its own pool of
        // the serving role, one start and one run), here in the harness, so that a Node process's
        // start-up (a second of a core) is not in the window.
        let finished = false;
        let migrationSeconds = 0;
        const until = () => finished;
        const migrate = (async () => {
          try {
            await startTenantMigration(migrationPool, a!, 2, 'system:tenant-migrate');
            return await runTenantMigration(migrationPool, a!, { batchSize: params.batchSize });
          } finally {
            migrationSeconds = (performance.now() - t0) / 1000;
            finished = true;
          }
        })();
        const [q1, q2, final] = await Promise.all([
          paced(one.url, token, workloads.q1, { seconds: 3600, connections: params.connections, rate: params.q1Rate, until }),
          paced(one.url, token, workloads.q2, { seconds: 3600, connections: params.connections, rate: params.q2Rate, until }),
          migrate,
        ]);
        const seconds = (performance.now() - t0) / 1000;
        if (final.status !== 'IDLE' || final.error) throw new Error(`the migration of A failed: ${JSON.stringify(final)}`);
        const { rows } = await admin.query<{ status: string; rows_done: number; batches: number; schema_version: number; left: number }>(
          `select r.status, r.rows_done, r.batches, o.schema_version, (select count(*)::int from clients c where c.organization_id = o.id and c.full_address is not null) as left
             from tenant_migration_runs r join organizations o on o.id = r.organization_id where r.organization_id = $1 order by r.id desc limit 1`,
          [a],
        );
        const run = rows[0]!;
        if (run.status !== 'SUCCEEDED' || run.schema_version !== 2 || run.left !== 0) throw new Error(`tenant A's migration did not finish: ${JSON.stringify(run)}`);
        windows.push({
          kind: 'migrating',
          round,
          seconds: round2(seconds),
          loadAverage: round2(load0),
          q1: summary(q1),
          q2: summary(q2),
          cpuSecondsPerSecond: { server: round2((cpu(one.pids()) - serverBefore) / seconds), postgres: round2(((pgPid ? cpu([pgPid]) : 0) - pgBefore) / seconds) },
          migration: { seconds: round2(migrationSeconds), rows: run.rows_done, batches: run.batches, status: run.status },
        });
        log(`round ${round} B while A migrates ${run.rows_done} rows in ${run.batches} batches (${migrationSeconds.toFixed(1)} s): Q1 p95 ${windows.at(-1)!.q1.p95} ms, Q2 p95 ${windows.at(-1)!.q2.p95} ms`);
      }
    }

    const checksumAfter = await tenantChecksum(admin, b!);
    if (checksumAfter !== checksumBefore) throw new Error("tenant B's clients changed while A migrated");
    const [{ version: bVersion }] = (await admin.query<{ version: number }>('select schema_version as version from organizations where id = $1', [b])).rows as [{ version: number }];

    const of = (kind: Window['kind'], pick: (window: Window) => number) => round2(median(windows.filter((window) => window.kind === kind).map(pick)));
    // Each round's migrating window against the B-alone window just before it: drift on a shared
    // machine (other work comes and goes over minutes) falls on both halves of a pair alike.
    const pairRise = (query: 'q1' | 'q2') =>
      Array.from({ length: params.rounds }, (_, index) => {
        const alone = windows.find((window) => window.kind === 'baseline' && window.round === index + 1)!;
        const during = windows.find((window) => window.kind === 'migrating' && window.round === index + 1)!;
        return during[query].p95 / alone[query].p95 - 1;
      });
    const verdict = (['q1', 'q2'] as const).map((query) => {
      const rises = pairRise(query);
      const rise = round2(median(rises));
      const worst = round2(Math.max(...windows.filter((window) => window.kind === 'migrating').map((window) => window[query].p95)));
      return {
        query: query.toUpperCase(),
        offeredPerSec: query === 'q1' ? params.q1Rate : params.q2Rate,
        reqPerSec: { alone: of('baseline', (window) => window[query].reqPerSec), migrating: of('migrating', (window) => window[query].reqPerSec) },
        p95Ms: { alone: of('baseline', (window) => window[query].p95), migrating: of('migrating', (window) => window[query].p95) },
        p99Ms: { alone: of('baseline', (window) => window[query].p99), migrating: of('migrating', (window) => window[query].p99) },
        p95RisePerRound: rises.map(round2),
        p95Rise: rise,
        worstMigratingP95Ms: worst,
        budget: `p95 under ${BUDGET_P95_MS} ms in every window while another tenant migrates`,
        met: worst < BUDGET_P95_MS,
      };
    });
    const report = {
      benchmark: 'migration-impact',
      date: new Date().toISOString(),
      quick,
      parameters: params,
      machine: await machine(),
      method:
        "UBOS one process (npm start) serves tenant B a steady open-loop read load (Q1 and Q2 at fixed rates, evenly spaced, latency from each request's scheduled time); tenant A migrates from schema version 1 to 2 as npm run tenant-migrate does it with --concurrency 1 (startTenantMigration, then runTenantMigration over its own pool of the serving role, batches of --batch-size rows), run in the harness so that no process start-up falls in the window. Windows alternate: B alone, B while A migrates (the window is the migration). Medians over rounds.",
      checks: { tenantBRowsUntouched: true, tenantBSchemaVersion: bVersion, everyAnswerChecked: true },
      result: verdict,
      migration: { rows: rowsOfA, medianSeconds: of('migrating', (window) => window.migration!.seconds), rowsPerSecond: round2(rowsOfA / of('migrating', (window) => window.migration!.seconds)) },
      windows,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    const file = path.join(root, 'bench/results', quick ? 'migration-impact-quick.json' : 'migration-impact.json');
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log('');
    console.log(`| B's reads (tenant bulk-1) | offered/s | req/s alone | req/s while A migrates | p95 alone | p95 while A migrates | p95 rise per round | median rise | worst p95 while A migrates | budget (< ${BUDGET_P95_MS} ms) |`);
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const row of verdict) {
      console.log(
        `| ${row.query} | ${row.offeredPerSec} | ${row.reqPerSec.alone} | ${row.reqPerSec.migrating} | ${row.p95Ms.alone} ms | ${row.p95Ms.migrating} ms | ${row.p95RisePerRound.map((rise) => `${Math.round(rise * 100)}%`).join(', ')} | ${Math.round(row.p95Rise * 100)}% | ${row.worstMigratingP95Ms} ms | ${row.met ? 'met' : 'not met'} |`,
      );
    }
    console.log(`migration of A: ${rowsOfA} rows, median ${report.migration.medianSeconds} s (${report.migration.rowsPerSecond} rows/s)`);
    log(`wrote ${path.relative(root, file)} in ${report.totalSeconds} s`);
  } finally {
    await migrationPool.end().catch(() => undefined);
    await admin.end().catch(() => undefined);
    await fleet.stopAll().catch((error) => console.error(error));
    await database.stop().catch((error) => console.error(error));
  }
}

await main();
