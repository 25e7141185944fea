import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig, ONE_PROCESS_POOL_MAX } from '@ubos/kernel';

/**
 * `npm run bench`: bulk-seeds a database, starts the whole stack (`npm start` with the demo
 * off) as a child process, and measures two read queries through the gateway with autocannon:
 * throughput, latency percentiles, and the SQL statements each request costs (from /metrics).
 * Writes bench/results/latest.json.
 *
 * Without DATABASE_URL it uses its own embedded PostgreSQL under .ubos-bench, so that the
 * development database under .ubos is left alone.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsFile = path.join(root, 'bench/results/latest.json');

interface Parameters {
  tenants: number;
  clients: number;
  /** Seconds per scenario. */
  duration: number;
  connections: number;
  /** Seconds of unmeasured load before each scenario. */
  warmup: number;
  /** Sequential requests per scenario over which statements per request are counted. */
  sqlSamples: number;
  port: number;
  pgPort: number;
}

function parameters(): Parameters {
  const { values } = parseArgs({
    options: {
      tenants: { type: 'string' },
      clients: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      'sql-samples': { type: 'string' },
      port: { type: 'string' },
      'pg-port': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log('usage: npm run bench -- [--tenants 10] [--clients 10000] [--duration 10] [--connections 10] [--warmup 3] [--sql-samples 20] [--port 4100] [--pg-port 54339]');
    process.exit(0);
  }
  const integer = (name: string, value: string | undefined, fallback: number, min = 1) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new Error(`--${name} must be an integer >= ${min}, got "${value}"`);
    return parsed;
  };
  return {
    tenants: integer('tenants', values.tenants, 10),
    clients: integer('clients', values.clients, 10_000),
    duration: integer('duration', values.duration, 10),
    connections: integer('connections', values.connections, 10),
    warmup: integer('warmup', values.warmup, 3, 0),
    sqlSamples: integer('sql-samples', values['sql-samples'], 20),
    port: integer('port', values.port, 4100),
    pgPort: integer('pg-port', values['pg-port'], 54339),
  };
}

const log = (line: string) => console.log(`[bench] ${line}`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `node --import tsx <args>` in the repository root, sharing this terminal. */
function runScript(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited with ${signal ?? `code ${code}`}`))));
  });
}

class Stack {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private exitStatus: string | undefined;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        if (line.trim()) console.log(`[stack] ${line}`);
      });
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitStatus = signal ?? `code ${code}`;
        resolve();
      });
      this.child.once('error', (error) => {
        this.exitStatus = error.message;
        resolve();
      });
    });
  }

  get running(): boolean {
    return this.exitStatus === undefined;
  }

  async waitForHealth(base: string, timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the stack exited during startup (${this.exitStatus})`);
      try {
        const response = await fetch(`${base}/health`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`${base}/health did not answer 200 within ${timeoutMs / 1000}s`);
  }

  /** SIGINT, as Ctrl-C would: the stack closes its servers and stops its PostgreSQL. */
  async stop(timeoutMs = 60_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      log(`the stack did not exit ${timeoutMs / 1000}s after SIGINT; sending SIGTERM`);
      this.child.kill('SIGTERM');
      await this.exited;
    }
    log(`stack exited (${this.exitStatus})`);
  }
}

interface GraphQLResponse {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

async function graphql(base: string, query: string, variables: Record<string, unknown> | undefined, token?: string): Promise<GraphQLResponse> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse;
  if (response.status !== 200 || body.errors?.length || !body.data) {
    throw new Error(`GraphQL request failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body;
}

interface SqlCounts {
  application: number;
  transactionControl: number;
}

async function readMetrics(base: string): Promise<SqlCounts> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const read = (kind: string) => {
    const match = new RegExp(`^ubos_sql_statements_total\\{kind="${kind}"\\} (\\d+)$`, 'm').exec(text);
    if (!match) throw new Error(`/metrics has no ubos_sql_statements_total{kind="${kind}"}`);
    return Number(match[1]);
  };
  return { application: read('application'), transactionControl: read('transaction_control') };
}

/**
 * autocannon drops the requests still in flight when its time is up, but the server finishes
 * them. Waits until their statements are counted: two equal readings 250 ms apart.
 */
async function settledMetrics(base: string): Promise<SqlCounts> {
  let previous = await readMetrics(base);
  for (let attempt = 0; attempt < 40; attempt++) {
    await sleep(250);
    const current = await readMetrics(base);
    if (current.application === previous.application && current.transactionControl === previous.transactionControl) return current;
    previous = current;
  }
  throw new Error('/metrics kept changing with no requests being sent');
}

function perRequest(before: SqlCounts, after: SqlCounts, requests: number) {
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    application: round((after.application - before.application) / requests),
    transactionControl: round((after.transactionControl - before.transactionControl) / requests),
    requests,
    applicationDelta: after.application - before.application,
    transactionControlDelta: after.transactionControl - before.transactionControl,
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

const ms = (value: number) => Math.round(value * 100) / 100;

interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Answers what is wrong with a response's data, if anything. */
  check(data: Record<string, any>): string | undefined;
}

function scenarios(clientId: string): Scenario[] {
  return [
    {
      name: 'Q1',
      query: 'query Q1($id: ID!) { client(id: $id) { id name status email } }',
      variables: { id: clientId },
      check: (data) => (data.client?.id === clientId ? undefined : `expected client ${clientId}, got ${JSON.stringify(data.client)}`),
    },
    {
      name: 'Q2',
      // ARCHITECTURE section 7: 50 clients with their projects and invoices.
      query:
        '{ clients(first: 50) { edges { node { id name projects(first: 5) { edges { node { id name status } } } invoices(first: 5) { edges { node { id number status total { amountMinor currency } } } } } } } }',
      check: (data) => {
        const edges = data.clients?.edges as Array<{ node: { projects?: { edges?: unknown[] }; invoices?: { edges?: unknown[] } } }> | undefined;
        if (!edges || edges.length !== 50) return `expected 50 clients, got ${edges?.length}`;
        // Every bulk client has one or two projects and one or two invoices.
        const without = edges.filter((edge) => !edge.node.projects?.edges?.length || !edge.node.invoices?.edges?.length).length;
        return without ? `${without} of 50 clients came back without projects or invoices` : undefined;
      },
    },
  ];
}

interface LoadRun {
  result: autocannon.Result;
  /** Per-request latencies of the 200 responses, ms, sorted. */
  latencies: number[];
}

async function load(base: string, token: string, scenario: Scenario, seconds: number, connections: number): Promise<LoadRun> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: `${base}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
    connections,
    duration: seconds,
    // A body with errors (or without data) counts as a mismatch and fails the run.
    verifyBody: (body) => body.startsWith('{"data":') && !body.includes('"errors":'),
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) latencies.push(responseTime);
  });
  const result = await instance;
  const failures = { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches };
  if (Object.values(failures).some((count) => count > 0)) throw new Error(`${scenario.name}: failed requests under load: ${JSON.stringify(failures)}`);
  latencies.sort((a, b) => a - b);
  return { result, latencies };
}

async function measure(base: string, token: string, scenario: Scenario, params: Parameters) {
  // One response checked in full before anything is timed.
  const first = await graphql(base, scenario.query, scenario.variables, token);
  const problem = scenario.check(first.data!);
  if (problem) throw new Error(`${scenario.name}: ${problem}`);

  if (params.warmup > 0) {
    log(`${scenario.name}: warm-up ${params.warmup}s`);
    await load(base, token, scenario, params.warmup, params.connections);
  }

  // Statements per request, exactly: a fixed number of sequential requests and nothing else.
  const sqlBefore = await settledMetrics(base);
  for (let index = 0; index < params.sqlSamples; index++) {
    const response = await graphql(base, scenario.query, scenario.variables, token);
    const issue = scenario.check(response.data!);
    if (issue) throw new Error(`${scenario.name}: ${issue}`);
  }
  const sql = perRequest(sqlBefore, await readMetrics(base), params.sqlSamples);

  log(`${scenario.name}: ${params.duration}s with ${params.connections} connections`);
  const loadBefore = await readMetrics(base);
  const { result, latencies } = await load(base, token, scenario, params.duration, params.connections);
  // Requests sent, not completed: the ones cut off at the end reached the server and ran.
  const underLoad = perRequest(loadBefore, await settledMetrics(base), result.requests.sent);

  return {
    name: scenario.name,
    query: scenario.query,
    requests: {
      total: result.requests.total,
      sent: result.requests.sent,
      durationSeconds: result.duration,
      perSecondMean: result.requests.mean,
      perSecondStddev: result.requests.stddev,
      perSecondMin: result.requests.min,
      perSecondMax: result.requests.max,
    },
    // Percentiles over every 200 response of the timed run (nearest rank), in milliseconds.
    latencyMs: {
      samples: latencies.length,
      mean: ms(latencies.reduce((sum, value) => sum + value, 0) / latencies.length),
      min: ms(latencies[0] ?? Number.NaN),
      p50: ms(percentile(latencies, 50)),
      p90: ms(percentile(latencies, 90)),
      p95: ms(percentile(latencies, 95)),
      p97_5: ms(percentile(latencies, 97.5)),
      p99: ms(percentile(latencies, 99)),
      max: ms(latencies[latencies.length - 1] ?? Number.NaN),
    },
    // autocannon's own histogram (whole milliseconds), for comparison.
    autocannonLatencyMs: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    failures: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches },
    sqlPerRequest: { ...sql, method: `${params.sqlSamples} sequential requests, /metrics read before and after` },
    sqlPerRequestUnderLoad: {
      ...underLoad,
      method: 'timed run: /metrics delta / requests sent (a cross-check; it includes the requests cut off at the end, which the server still ran)',
    },
  };
}

type ScenarioFigures = Awaited<ReturnType<typeof measure>>;

function printTable(rows: ScenarioFigures[]): void {
  const header = ['scenario', 'requests', 'req/s (mean)', 'p50 ms', 'p95 ms', 'p99 ms', 'app SQL/req', 'tx-control SQL/req'];
  const cells = rows.map((row) => [
    row.name,
    String(row.requests.total),
    row.requests.perSecondMean.toFixed(1),
    row.latencyMs.p50.toFixed(2),
    row.latencyMs.p95.toFixed(2),
    row.latencyMs.p99.toFixed(2),
    String(row.sqlPerRequest.application),
    String(row.sqlPerRequest.transactionControl),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]!.length)));
  const line = (values: string[]) => `| ${values.map((value, column) => (column === 0 ? value.padEnd(widths[column]!) : value.padStart(widths[column]!))).join(' | ')} |`;
  console.log('');
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of cells) console.log(line(row));
  console.log('');
}

async function main(): Promise<void> {
  const started = Date.now();
  const params = parameters();
  const external = Boolean(process.env.DATABASE_URL);
  // One user at full speed is the point here, so the per-actor and per-tenant rate limits are off.
  const env: NodeJS.ProcessEnv = { ...process.env, UBOS_DEMO: '0', PORT: String(params.port), UBOS_RATE_LIMIT_ACTOR: '0', UBOS_RATE_LIMIT_TENANT: '0' };
  if (!external) {
    env.UBOS_DATA_DIR = path.join(root, '.ubos-bench');
    env.UBOS_EMBEDDED_PG_PORT = String(params.pgPort);
  }
  const base = `http://127.0.0.1:${params.port}`;
  log(`${params.tenants} tenants x ${params.clients} clients, ${params.duration}s per scenario, ${params.connections} connections`);
  log(external ? 'database: DATABASE_URL' : `database: embedded PostgreSQL on port ${params.pgPort}, data in ${env.UBOS_DATA_DIR}`);

  const seedStarted = Date.now();
  await runScript(['db/src/bulk-seed.ts', '--tenants', String(params.tenants), '--clients', String(params.clients)], env);
  const seedSeconds = (Date.now() - seedStarted) / 1000;

  log(`starting the stack on port ${params.port}`);
  const stack = new Stack(env);
  const interrupt = () => {
    log('interrupted');
    void stack.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  try {
    await stack.waitForHealth(base);
    log('stack is healthy');

    const login = await graphql(base, 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', {
      email: 'owner@bulk-1.test',
      password: 'ubos-demo',
    });
    const token = login.data!.login.token as string;
    const first = await graphql(base, '{ clients(first: 1) { edges { node { id } } } }', undefined, token);
    const clientId = first.data!.clients.edges[0]?.node.id as string | undefined;
    if (!clientId) throw new Error('bulk-1 has no clients');

    const figures: ScenarioFigures[] = [];
    for (const scenario of scenarios(clientId)) figures.push(await measure(base, token, scenario, params));

    printTable(figures);
    const cpus = os.cpus();
    const report = {
      date: new Date().toISOString(),
      machine: {
        os: `${os.type()} ${os.release()}`,
        arch: os.arch(),
        cpuModel: cpus[0]?.model ?? 'unknown',
        cpuCount: cpus.length,
        totalMemBytes: os.totalmem(),
        totalMemGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      },
      node: process.version,
      parameters: {
        tenants: params.tenants,
        clients: params.clients,
        duration: params.duration,
        connections: params.connections,
        warmup: params.warmup,
        sqlSamples: params.sqlSamples,
        pipelining: 1,
        database: external ? 'DATABASE_URL' : 'embedded',
        poolMax: loadConfig(env).poolMax ?? ONE_PROCESS_POOL_MAX,
        tenantUnderTest: 'bulk-1',
      },
      timings: { seedSeconds: Math.round(seedSeconds * 10) / 10, totalSeconds: 0 },
      scenarios: figures,
    };
    await stack.stop();
    report.timings.totalSeconds = Math.round((Date.now() - started) / 100) / 10;
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${path.relative(root, resultsFile)}; seed ${seedSeconds.toFixed(1)}s, total ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } finally {
    process.removeListener('SIGINT', interrupt);
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
