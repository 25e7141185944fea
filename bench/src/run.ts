import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ONE_PROCESS_POOL_MAX, STANDALONE_POOL_MAX } from '@ubos/kernel';
import { withAdminClient } from '@ubos/db';
import { cpuAvailable, postmasterPid, treeCpuSeconds } from './lib/cpu.js';
import { prepareBenchDatabase } from './lib/database.js';
import { load, paced, percentile, type LoadRun, type Workload } from './lib/load.js';
import { root, runScript, sleep } from './lib/processes.js';
import { Fleet, SYSTEMS, startSystems, type RunningSystem, type ScenarioName } from './lib/systems.js';
import { computeRatios, printRatios, printTables, spread, type HalfLoad, type Measurement } from './lib/report.js';
import { writeChart } from './lib/chart.js';
import { benchEnvironment, METRICS_TOKEN } from './lib/seeded.js';
import { GROW_LIFECYCLE, Q1, Q2, Q3, W1_STEPS, type W1State } from './scenarios.js';

/**
 * `npm run bench`: the comparison of ARCHITECTURE section 7 in one run. It prepares one
 * PostgreSQL with the generated data, starts every system side by side, checks that they all
 * give the same answers, then times them in interleaved rounds (A B C D … A B C D …) so that
 * the machine's drift falls on all alike, and reports the median of the rounds with the spread.
 * bench/README.md explains the systems, the checks, the flags and the output.
 */

const resultsDir = path.join(root, 'bench/results');

interface Parameters {
  tenants: number;
  clients: number;
  duration: number;
  warmup: number;
  /** The warm-up of each system's first round of each scenario, when it is longer. */
  firstWarmup: number;
  rounds: number;
  connections: number;
  sqlSamples: number;
  port: number;
  pgPort: number;
  quick: boolean;
  systems: string[];
  scenarios: ScenarioName[];
  halfLoad: boolean;
}

function parameters(): Parameters {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      tenants: { type: 'string' },
      clients: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'first-warmup': { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      'sql-samples': { type: 'string' },
      port: { type: 'string' },
      'pg-port': { type: 'string' },
      systems: { type: 'string' },
      scenarios: { type: 'string' },
      'no-half-load': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      'usage: npm run bench -- [--quick] [--tenants 10] [--clients 10000] [--rounds 3] [--duration 10] [--warmup 3] [--first-warmup 10]\n' +
        '                        [--connections 10] [--sql-samples 20] [--systems one,distributed,hive,monolith,floor,one-rls-off,one-filter-off,one-traced]\n' +
        '                        [--scenarios Q1,Q2,Q3,W1] [--no-half-load] [--port 4100] [--pg-port 54339]',
    );
    process.exit(0);
  }
  const quick = Boolean(values.quick);
  const integer = (name: string, value: string | undefined, fallback: number, min = 1) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new Error(`--${name} must be an integer >= ${min}, got "${value}"`);
    return parsed;
  };
  const list = <T extends string>(name: string, value: string | undefined, all: readonly T[]): T[] => {
    if (!value) return [...all];
    const chosen = value.split(',').map((item) => item.trim()) as T[];
    for (const item of chosen) if (!all.includes(item)) throw new Error(`--${name}: unknown "${item}" (one of ${all.join(', ')})`);
    return chosen;
  };
  return {
    quick,
    tenants: integer('tenants', values.tenants, quick ? 2 : 10),
    clients: integer('clients', values.clients, quick ? 500 : 10_000),
    duration: integer('duration', values.duration, quick ? 3 : 10),
    warmup: integer('warmup', values.warmup, quick ? 1 : 3, 0),
    firstWarmup: integer('first-warmup', values['first-warmup'], quick ? 1 : 10, 0),
    rounds: integer('rounds', values.rounds, quick ? 1 : 3),
    connections: integer('connections', values.connections, 10),
    sqlSamples: integer('sql-samples', values['sql-samples'], quick ? 5 : 20),
    port: integer('port', values.port, 4100),
    pgPort: integer('pg-port', values['pg-port'], quick ? 54359 : 54339),
    systems: values.systems ? list('systems', values.systems, SYSTEMS.map((system) => system.key)) : SYSTEMS.filter((system) => !system.optIn).map((system) => system.key),
    scenarios: list<ScenarioName>('scenarios', values.scenarios, ['Q1', 'Q2', 'Q3', 'W1']),
    halfLoad: !values['no-half-load'],
  };
}

const log = (line: string) => console.log(`[bench] ${line}`);

/* ---------------------------------------------------------------------------------------------
 * GraphQL over HTTP, as the harness checks things (not timed).
 * ------------------------------------------------------------------------------------------- */

async function post(url: string, token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<{ status: number; text: string; body: any }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body };
}

async function ok(url: string, token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await post(url, token, query, variables);
  if (response.status !== 200 || !response.body?.data || response.body.errors) throw new Error(`GraphQL request to ${url} failed (HTTP ${response.status}): ${response.text.slice(0, 500)}`);
  return response.body.data;
}

/* ---------------------------------------------------------------------------------------------
 * SQL statements (the kernel's counters, as /metrics exports them) and CPU.
 * ------------------------------------------------------------------------------------------- */

interface SqlCounts {
  application: number;
  transactionControl: number;
}

async function readMetrics(urls: string[]): Promise<SqlCounts> {
  const total: SqlCounts = { application: 0, transactionControl: 0 };
  for (const url of urls) {
    const text = await (await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const read = (kind: string) => {
      const match = new RegExp(`^ubos_sql_statements_total\\{kind="${kind}"\\} (\\d+)$`, 'm').exec(text);
      if (!match) throw new Error(`${url} has no ubos_sql_statements_total{kind="${kind}"}`);
      return Number(match[1]);
    };
    total.application += read('application');
    total.transactionControl += read('transaction_control');
  }
  return total;
}

/** Waits until the counters stop moving (requests cut off at the end of a load still finish). */
async function settledMetrics(urls: string[]): Promise<SqlCounts> {
  let previous = await readMetrics(urls);
  for (let attempt = 0; attempt < 40; attempt++) {
    await sleep(250);
    const current = await readMetrics(urls);
    if (current.application === previous.application && current.transactionControl === previous.transactionControl) return current;
    previous = current;
  }
  throw new Error(`${urls[0]}: the SQL counters kept changing with no requests being sent`);
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/* ---------------------------------------------------------------------------------------------
 * Setup: data, tokens, the Q3 client's lifecycle.
 * ------------------------------------------------------------------------------------------- */

interface Tokens {
  /** The owner of bulk-1: reads. */
  reader: string;
  /** The owner of bulk-2: W1 writes there, so the reads' data never changes during the run. */
  writer: string;
}

async function login(url: string, email: string): Promise<string> {
  const data = await ok(url, undefined, 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', { email, password: 'ubos-demo' });
  return data.login.token as string;
}

/** Gives the Q3 client one of everything, once (as lifecycle.test.ts's growLifecycle does). */
async function growLifecycle(url: string, token: string, clientId: string): Promise<void> {
  const existing = await ok(url, token, 'query($id: ID!) { client(id: $id) { proposals(first: 1) { totalCount } } }', { id: clientId });
  if (existing.client.proposals.totalCount > 0) return;
  log(`giving client ${clientId} a whole lifecycle for Q3 (deal, proposal, contract, engagement, project, invoice, payment, thread, file)`);
  const ids: Record<string, string> = { client: clientId };
  for (const step of GROW_LIFECYCLE) {
    const data = await ok(url, token, step.query, step.variables(ids));
    if (step.keep) ids[step.keep[0]] = step.keep[1](data);
  }
}

/* ---------------------------------------------------------------------------------------------
 * Fairness: the same answers, byte for byte, before anything is timed.
 * ------------------------------------------------------------------------------------------- */

/** Apollo Server ends a body with a newline, Hive Gateway does not: the only difference allowed. */
const canonical = (text: string) => text.replace(/\n$/, '');

function firstDifference(a: string, b: string): string {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index++;
  return `at byte ${index}: …${a.slice(Math.max(0, index - 80), index + 80)}… against …${b.slice(Math.max(0, index - 80), index + 80)}…`;
}

interface ReadCase {
  scenario: ScenarioName;
  query: string;
  variables?: Record<string, unknown>;
}

async function checkReads(systems: RunningSystem[], cases: ReadCase[], tokens: Tokens, foreignClientId: string | undefined): Promise<Map<string, string>> {
  const expected = new Map<string, string>();
  for (const readCase of cases) {
    const answering = systems.filter((system) => system.spec.scenarios.includes(readCase.scenario));
    let reference: { system: RunningSystem; text: string } | undefined;
    for (const system of answering) {
      const response = await post(system.url, tokens.reader, readCase.query, readCase.variables);
      if (response.status !== 200 || !response.body?.data || response.body.errors) {
        throw new Error(`${readCase.scenario}: ${system.spec.label} answered HTTP ${response.status}: ${response.text.slice(0, 500)}`);
      }
      expected.set(`${system.spec.key}:${readCase.scenario}`, response.text);
      if (!reference) reference = { system, text: response.text };
      else if (canonical(response.text) !== canonical(reference.text)) {
        throw new Error(`${readCase.scenario}: ${system.spec.label} and ${reference.system.spec.label} answer differently, ${firstDifference(canonical(response.text), canonical(reference.text))}`);
      }
    }
    log(`${readCase.scenario}: ${answering.length} systems answer the same ${Buffer.byteLength(canonical(reference!.text))} bytes`);
  }
  // The same safety: a tenant asking for another tenant's client gets nothing, everywhere.
  if (!foreignClientId) return expected;
  for (const system of systems.filter((system) => system.spec.scenarios.includes('Q1'))) {
    const response = await post(system.url, tokens.writer, Q1, { id: foreignClientId });
    if (canonical(response.text) !== '{"data":{"client":null}}') throw new Error(`${system.spec.label} answered another tenant's client: ${response.text.slice(0, 300)}`);
  }
  log('Q1 across tenants: every system answers {"data":{"client":null}}');
  return expected;
}

/** Replaces ids and invoice numbers by placeholders in order of appearance, so that two runs compare. */
function normalise(text: string, names = new Map<string, string>()): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!names.has(id)) names.set(id, `<id${names.size + 1}>`);
      return names.get(id)!;
    })
    .replace(/INV-\d{6,}/g, 'INV-<n>')
    .replace(/W1 client \d+/g, 'W1 client <n>');
}

/** One W1 iteration per system; answers and the rows it leaves (outbox, audit, history) must agree. */
async function checkWrites(systems: RunningSystem[], tokens: Tokens, adminUrl: string): Promise<void> {
  const answering = systems.filter((system) => system.spec.scenarios.includes('W1'));
  let reference: { system: RunningSystem; answers: string; effects: string } | undefined;
  for (const system of answering) {
    const state: W1State = { iteration: 0 };
    const names = new Map<string, string>();
    const answers: string[] = [];
    for (const step of W1_STEPS) {
      const response = await post(system.url, tokens.writer, step.query, step.variables(state));
      if (response.status !== 200 || !response.body?.data || response.body.errors) throw new Error(`W1: ${system.spec.label} answered HTTP ${response.status}: ${response.text.slice(0, 500)}`);
      step.capture(response.body.data, state);
      answers.push(normalise(canonical(response.text), names));
    }
    const effects = await withAdminClient(adminUrl, async (client) => {
      const outbox = await client.query(
        `select event_type, aggregate_type, payload, actor is not null and actor like 'user:%' as by_user, request_id is not null as has_request
           from outbox where aggregate_id = $1 or payload->>'clientId' = $1::text order by event_type, aggregate_type`,
        [state.clientId],
      );
      const audit = await client.query(
        `select entity_type, action, (select array_agg(k order by k) from jsonb_object_keys(changes) k) as keys, hash is not null as sealed, actor like 'user:%' as by_user
           from activity_events where client_id = $1 order by entity_type, action, keys`,
        [state.clientId],
      );
      const history = await client.query(`select entity_type, version, valid_to is null as current from entity_history where client_id = $1 order by entity_type, version`, [state.clientId]);
      const rows = await client.query(
        `select c.name, c.status, c.email, c.phone, c.version, c.custom_fields,
                i.currency, i.line_items, i.subtotal_minor, i.tax_minor, i.total_minor, i.amount_paid_minor, i.issue_date::text, i.due_date::text, i.sent_at is not null as sent, i.version as invoice_version,
                p.amount_minor, p.currency as payment_currency, p.method, p.reference
           from clients c join invoices i on i.client_id = c.id join payments p on p.invoice_id = i.id where c.id = $1`,
        [state.clientId],
      );
      if (audit.rows.some((row) => !row.sealed)) throw new Error(`W1: ${system.spec.label} left unsealed audit events`);
      return normalise(JSON.stringify({ outbox: outbox.rows, audit: audit.rows, history: history.rows, rows: rows.rows }), names);
    });
    const joined = answers.join('\n');
    if (!reference) reference = { system, answers: joined, effects };
    else {
      if (joined !== reference.answers) throw new Error(`W1: ${system.spec.label} and ${reference.system.spec.label} answer differently, ${firstDifference(joined, reference.answers)}`);
      if (effects !== reference.effects) throw new Error(`W1: ${system.spec.label} and ${reference.system.spec.label} leave different rows, ${firstDifference(effects, reference.effects)}`);
    }
  }
  log(`W1: ${answering.length} systems give the same answers and leave the same outbox events, audit events (sealed), history and rows`);
}

/* ---------------------------------------------------------------------------------------------
 * Timing.
 * ------------------------------------------------------------------------------------------- */

interface Context {
  params: Parameters;
  tokens: Tokens;
  pgDataDir?: string;
  adminUrl: string;
}

async function writePathMs(adminUrl: string): Promise<{ selfMs: number; calls: number }> {
  return withAdminClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ self_ms: string | null; calls: string | null }>(
      `select sum(f.self_time) as self_ms, sum(f.calls) as calls from pg_stat_user_functions f join pg_proc p on p.oid = f.funcid where p.prorettype = 'trigger'::regtype`,
    );
    return { selfMs: Number(rows[0]?.self_ms ?? 0), calls: Number(rows[0]?.calls ?? 0) };
  });
}

function pgCpu(dataDir: string | undefined): number {
  const pid = dataDir ? postmasterPid(dataDir) : undefined;
  return pid ? treeCpuSeconds([pid]) : Number.NaN;
}

async function sqlPerRequest(system: RunningSystem, scenario: ScenarioName, workload: Workload, ctx: Context) {
  const before = await settledMetrics(system.metricsUrls);
  let requests = 0;
  if (workload.read) {
    const body = JSON.parse(workload.read.body) as { query: string; variables?: Record<string, unknown> };
    for (let index = 0; index < ctx.params.sqlSamples; index++) {
      const response = await post(system.url, ctx.tokens.reader, body.query, body.variables);
      if (response.text !== workload.read.expected) throw new Error(`${scenario}: ${system.spec.label} changed its answer`);
      requests++;
    }
  } else {
    const iterations = Math.max(1, Math.ceil(ctx.params.sqlSamples / W1_STEPS.length));
    for (let index = 0; index < iterations; index++) {
      const state: W1State = { iteration: -index - 1 };
      for (const step of W1_STEPS) {
        step.capture(await ok(system.url, ctx.tokens.writer, step.query, step.variables(state)), state);
        requests++;
      }
    }
  }
  const after = await readMetrics(system.metricsUrls);
  return {
    application: round2((after.application - before.application) / requests),
    transactionControl: round2((after.transactionControl - before.transactionControl) / requests),
    requests,
  };
}

async function timedRun(system: RunningSystem, scenario: ScenarioName, workload: Workload, ctx: Context, round: number): Promise<Measurement> {
  const token = scenario === 'W1' ? ctx.tokens.writer : ctx.tokens.reader;
  // A system meets each scenario's operations for the first time in round 1: its plans, its
  // compiled operations and V8's optimised code are made then. Eleven processes (distributed,
  // Hive) took longer than 3 s, and their first round of Q3 measured a cold system.
  const warmup = round === 1 ? Math.max(ctx.params.warmup, ctx.params.firstWarmup) : ctx.params.warmup;
  if (warmup > 0) await load(system.url, token, workload, { seconds: warmup, connections: ctx.params.connections });
  await settledMetrics(system.metricsUrls);
  if (scenario === 'W1') await sleep(1500); // function statistics reach pg_stat_user_functions within a second of idling
  const sqlBefore = await readMetrics(system.metricsUrls);
  const nodeBefore = treeCpuSeconds(system.pids());
  const pgBefore = pgCpu(ctx.pgDataDir);
  const triggersBefore = scenario === 'W1' ? await writePathMs(ctx.adminUrl) : undefined;
  const run: LoadRun = await load(system.url, token, workload, { seconds: ctx.params.duration, connections: ctx.params.connections });
  const sqlAfter = await settledMetrics(system.metricsUrls);
  const nodeCpu = treeCpuSeconds(system.pids()) - nodeBefore;
  const pgCpuSeconds = pgCpu(ctx.pgDataDir) - pgBefore;
  let writePath: Measurement['writePath'];
  if (triggersBefore) {
    await sleep(1500);
    const after = await writePathMs(ctx.adminUrl);
    const triggerMs = after.selfMs - triggersBefore.selfMs;
    writePath = {
      triggerMsPerWrite: round2(triggerMs / run.result.requests.sent),
      shareOfRequestTime: round2(triggerMs / run.totalLatencyMs),
      triggerCalls: after.calls - triggersBefore.calls,
    };
  }
  const sent = run.result.requests.sent;
  const latencies = run.latencies;
  return {
    system: system.spec.key,
    scenario,
    round,
    requests: run.result.requests.total,
    seconds: run.result.duration,
    rps: round2(run.result.requests.total / run.result.duration),
    p50: round2(percentile(latencies, 50)),
    p95: round2(percentile(latencies, 95)),
    p99: round2(percentile(latencies, 99)),
    max: round2(latencies[latencies.length - 1] ?? Number.NaN),
    sqlUnderLoad: { application: round2((sqlAfter.application - sqlBefore.application) / sent), transactionControl: round2((sqlAfter.transactionControl - sqlBefore.transactionControl) / sent) },
    cpuSecondsPer1000: { node: round2((nodeCpu / sent) * 1000), postgres: round2((pgCpuSeconds / sent) * 1000) },
    writePath,
  };
}

/* ---------------------------------------------------------------------------------------------
 * Main.
 * ------------------------------------------------------------------------------------------- */

async function main(): Promise<void> {
  const started = Date.now();
  const params = parameters();
  const dataDir = path.join(root, params.quick ? '.ubos-bench/quick' : '.ubos-bench');
  const workDir = path.join(dataDir, 'run');
  fs.mkdirSync(workDir, { recursive: true });
  const base = benchEnvironment(dataDir);

  log(`${params.quick ? 'QUICK: ' : ''}${params.tenants} tenants x ${params.clients} clients; ${params.rounds} round(s) of ${params.duration}s per system and scenario (+${params.warmup}s warm-up, ${Math.max(params.warmup, params.firstWarmup)}s in the first), ${params.connections} connections`);
  log(`systems: ${params.systems.join(', ')}; scenarios: ${params.scenarios.join(', ')}`);

  const database = await prepareBenchDatabase(base, { pgPort: params.pgPort, dataDir, log: (line) => log(line) });
  const fleet = new Fleet();
  const stopEverything = async () => {
    await fleet.stopAll().catch((error) => console.error(error));
    await database.stop().catch((error) => console.error(error));
  };
  const interrupt = () => {
    log('interrupted');
    void stopEverything().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  try {
    base.DATABASE_URL = database.adminUrl;
    const seedStarted = Date.now();
    await runScript(['db/src/bulk-seed.ts', '--tenants', String(params.tenants), '--clients', String(params.clients)], base);
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const running = await startSystems(params.systems, { base, appUrl: database.appUrl, bypassRlsUrl: database.bypassRlsUrl, adminUrl: database.adminUrl, port: params.port, workDir }, fleet, log);
    const systems = params.systems.map((key) => running.get(key)!);
    const one = running.get('one') ?? systems[0]!;
    log(`all ${systems.length} systems are up after ${((Date.now() - started) / 1000).toFixed(0)}s`);

    const tokens: Tokens = { reader: await login(one.url, 'owner@bulk-1.test'), writer: await login(one.url, params.tenants >= 2 ? 'owner@bulk-2.test' : 'owner@bulk-1.test') };
    if (params.tenants < 2) log('one tenant only: W1 writes into the tenant the reads use (Q2 stays stable: it lists by name and W1 clients sort after the bulk ones)');
    const first = await ok(one.url, tokens.reader, '{ clients(first: 1) { edges { node { id } } } }');
    const clientId = first.clients.edges[0]?.node.id as string | undefined;
    if (!clientId) throw new Error('bulk-1 has no clients');
    if (params.scenarios.includes('Q3')) await growLifecycle(one.url, tokens.reader, clientId);

    // Fairness, before anything is timed.
    const readCases: ReadCase[] = [
      { scenario: 'Q1' as const, query: Q1, variables: { id: clientId } },
      { scenario: 'Q2' as const, query: Q2 },
      { scenario: 'Q3' as const, query: Q3, variables: { id: clientId } },
    ].filter((readCase) => params.scenarios.includes(readCase.scenario));
    const expected = await checkReads(systems, readCases, tokens, params.tenants >= 2 ? clientId : undefined);
    if (params.scenarios.includes('W1')) await checkWrites(systems, tokens, database.adminUrl);

    const workloads = new Map<string, Workload>();
    for (const system of systems) {
      for (const readCase of readCases) {
        const text = expected.get(`${system.spec.key}:${readCase.scenario}`);
        if (text) workloads.set(`${system.spec.key}:${readCase.scenario}`, { name: readCase.scenario, read: { body: JSON.stringify({ query: readCase.query, variables: readCase.variables }), expected: text } });
      }
      if (system.spec.scenarios.includes('W1')) workloads.set(`${system.spec.key}:W1`, { name: 'W1', writeMix: true });
    }
    const ctx: Context = { params, tokens, pgDataDir: database.pgDataDir, adminUrl: database.adminUrl };

    // Statements per request: sequential requests, nothing else running, counters before and after.
    const sql = new Map<string, { application: number; transactionControl: number; requests: number }>();
    for (const scenario of params.scenarios) {
      for (const system of systems) {
        const workload = workloads.get(`${system.spec.key}:${scenario}`);
        if (workload) sql.set(`${system.spec.key}:${scenario}`, await sqlPerRequest(system, scenario, workload, ctx));
      }
    }

    // Interleaved rounds: every scenario, every system in turn, round after round.
    const measurements: Measurement[] = [];
    for (let round = 1; round <= params.rounds; round++) {
      for (const scenario of params.scenarios) {
        for (const system of systems) {
          const workload = workloads.get(`${system.spec.key}:${scenario}`);
          if (!workload) continue;
          const measurement = await timedRun(system, scenario, workload, ctx, round);
          measurement.sql = sql.get(`${system.spec.key}:${scenario}`);
          measurements.push(measurement);
          log(`round ${round}/${params.rounds} ${scenario} ${system.spec.label}: ${measurement.rps} req/s, p95 ${measurement.p95} ms`);
        }
      }
    }

    // p95 at half of UBOS one-process's own saturation (its median req/s above), fixed rate, in
    // as many windows as there are rounds: like every other figure, the median of the windows,
    // with their spread (a single window caught whatever pause the shared machine had then).
    const halfLoad: HalfLoad[] = [];
    if (params.halfLoad && running.has('one')) {
      for (const scenario of params.scenarios.filter((name) => name !== 'W1')) {
        const rates = measurements.filter((m) => m.system === 'one' && m.scenario === scenario).map((m) => m.rps).sort((a, b) => a - b);
        if (!rates.length) continue;
        const rate = Math.max(1, Math.round(rates[Math.floor(rates.length / 2)]! / 2));
        const windows: HalfLoad['windows'] = [];
        for (let round = 1; round <= params.rounds; round++) {
          const run = await paced(one.url, tokens.reader, workloads.get(`one:${scenario}`)!, { seconds: Math.max(params.duration, 5), connections: params.connections, rate });
          const generatorDelay = { p99: round2(run.generatorDelay.p99), max: round2(run.generatorDelay.max) };
          windows.push({ p50: round2(percentile(run.latencies, 50)), p95: round2(percentile(run.latencies, 95)), p99: round2(percentile(run.latencies, 99)), requests: run.requests, generatorDelay });
          log(`${scenario} at half load (${rate} req/s) on UBOS one process, window ${round}/${params.rounds}: p95 ${windows.at(-1)!.p95} ms (the load generator's own stalls: p99 ${generatorDelay.p99}, longest ${generatorDelay.max} ms)`);
        }
        const median = (pick: (window: HalfLoad['windows'][number]) => number) => spread(windows.map(pick)).median;
        const p95s = windows.map((window) => window.p95);
        halfLoad.push({ scenario, rate, p50: median((w) => w.p50), p95: median((w) => w.p95), p95Min: Math.min(...p95s), p95Max: Math.max(...p95s), p99: median((w) => w.p99), requests: windows.reduce((sum, w) => sum + w.requests, 0), windows });
      }
    }

    const tables = printTables(measurements, params.scenarios, systems.map((system) => system.spec));
    const ratios = computeRatios(measurements, halfLoad);
    printRatios(ratios);

    const cpus = os.cpus();
    const report = {
      date: new Date().toISOString(),
      quick: params.quick,
      machine: { os: `${os.type()} ${os.release()}`, arch: os.arch(), cpuModel: cpus[0]?.model ?? 'unknown', cpuCount: cpus.length, totalMemGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10 },
      node: process.version,
      parameters: {
        tenants: params.tenants,
        clients: params.clients,
        rounds: params.rounds,
        durationSeconds: params.duration,
        warmupSeconds: params.warmup,
        firstRoundWarmupSeconds: Math.max(params.warmup, params.firstWarmup),
        connections: params.connections,
        sqlSamples: params.sqlSamples,
        database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded',
        poolMax: { oneProcessPerSubgraph: ONE_PROCESS_POOL_MAX, distributedPerSubgraph: STANDALONE_POOL_MAX, monolith: 10, floor: 10 },
        readTenant: 'bulk-1',
        writeTenant: params.tenants >= 2 ? 'bulk-2' : 'bulk-1',
        cpuMeasured: cpuAvailable,
      },
      systems: systems.map((system) => ({ key: system.spec.key, label: system.spec.label, description: system.spec.description, scenarios: system.spec.scenarios })),
      fairness: 'every system answered Q1, Q2 and Q3 with the same bytes (a trailing newline aside); Q1 across tenants answered null everywhere; one W1 iteration per system gave the same answers (ids, numbers normalised) and the same outbox events, sealed audit events, history versions and rows; every response under load equalled the checked one',
      timings: { seedSeconds: Math.round(seedSeconds * 10) / 10, totalSeconds: Math.round((Date.now() - started) / 100) / 10 },
      tables,
      ratios,
      halfLoad,
      measurements,
    };
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeChart(tables, path.join(resultsDir, 'chart.svg'), `${params.quick ? 'QUICK smoke run, not a result: ' : ''}${params.tenants} tenants x ${params.clients} clients, ${params.connections} connections, median of ${params.rounds} round(s), ${report.date.slice(0, 10)}`);
    log(`wrote bench/results/latest.json and bench/results/chart.svg; seed ${seedSeconds.toFixed(1)}s, total ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } finally {
    process.removeListener('SIGINT', interrupt);
    await stopEverything();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
