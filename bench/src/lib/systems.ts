import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_NAMES, supergraphPath } from '@ubos/gateway';
import { NodeProcess, root } from './processes.js';
import { lifecycleSql } from '../floor/lifecycle.js';
import { startOtlpSink } from './otlp-sink.js';

export type ScenarioName = 'Q1' | 'Q2' | 'Q3' | 'W1';

export interface SystemSpec {
  key: string;
  label: string;
  /** The scenarios this system is timed on. */
  scenarios: ScenarioName[];
  description: string;
  /** Timed only when named in --systems. */
  optIn?: boolean;
}

/** The systems, in the order of every round (A B C D … A B C D …); the isolation variants run next to `one`, so that drift between them is least. */
export const SYSTEMS: SystemSpec[] = [
  { key: 'one', label: 'UBOS one process', scenarios: ['Q1', 'Q2', 'Q3', 'W1'], description: '`npm start` (gateway/src/main.ts): the gateway with the ten subgraphs in-process' },
  { key: 'cluster', label: 'UBOS one, 2 processes', scenarios: ['Q1', 'Q2', 'Q3'], description: '`npm start` with UBOS_PROCESSES=2: the same stack in two processes sharing the port (one per core of this machine)' },
  { key: 'one-rls-off', label: 'UBOS one, RLS off', scenarios: ['Q2'], description: 'as "one", connected as the bench-only BYPASSRLS role (benchmark only)' },
  { key: 'one-filter-off', label: 'UBOS one, filter off', scenarios: ['Q2'], description: 'as "one", with the ORM tenant filter switched off by a bench preload (benchmark only)' },
  { key: 'one-traced', label: 'UBOS one, traced', scenarios: ['Q1', 'Q2'], description: 'as "one", with OpenTelemetry tracing on, exporting over OTLP/HTTP to a sink in the harness', optIn: true },
  { key: 'distributed', label: 'UBOS distributed', scenarios: ['Q1', 'Q2', 'Q3', 'W1'], description: 'the project gateway over HTTP to one process per subgraph' },
  { key: 'hive', label: 'Hive Gateway', scenarios: ['Q1', 'Q2', 'Q3', 'W1'], description: '@graphql-hive/gateway 2.15.1, one fork, the committed supergraph, the same subgraph processes, signing plugin' },
  { key: 'hive-2', label: 'Hive Gateway, 2 forks', scenarios: ['Q1', 'Q2', 'Q3'], description: 'as "Hive Gateway", with --fork 2: two gateway processes, the peer of "UBOS one, 2 processes"' },
  { key: 'monolith', label: 'Monolith', scenarios: ['Q1', 'Q2', 'Q3', 'W1'], description: 'one Apollo Server over the union schema with the subgraphs\' resolvers, one ORM, no gateway' },
  { key: 'floor', label: 'Floor (pg)', scenarios: lifecycleSql ? ['Q1', 'Q2', 'Q3', 'W1'] : ['Q1', 'Q2', 'W1'], description: 'bare Node http + pg, hand-written SQL, serving role under RLS' },
];

export interface RunningSystem {
  spec: SystemSpec;
  url: string;
  /** Processes whose CPU is this system's (its own and, when distributed, the subgraphs'). */
  pids(): number[];
  /** Endpoints whose SQL counters (the gateway /metrics format) together count this system's statements. */
  metricsUrls: string[];
}

export interface Environment {
  /** The environment every product process gets (database, keys, secret, data dir, limits). */
  base: NodeJS.ProcessEnv;
  appUrl: string;
  bypassRlsUrl: string;
  adminUrl: string;
  port: number;
  poolMax?: number;
  /** Directory for generated files (the Hive supergraph copy). */
  workDir: string;
}

/** Every process started, to stop them all at the end (subgraphs last). */
export class Fleet {
  readonly processes: NodeProcess[] = [];

  start(name: string, args: string[], env: NodeJS.ProcessEnv, options: { hooks?: boolean } = {}): NodeProcess {
    const process = new NodeProcess(name, args, env, { ...options, quiet: true });
    this.processes.push(process);
    return process;
  }

  async stopAll(): Promise<void> {
    const [subgraphs, others] = [this.processes.filter((p) => p.name.startsWith('subgraph-')), this.processes.filter((p) => !p.name.startsWith('subgraph-'))];
    await Promise.all(others.map((p) => p.stop()));
    await Promise.all(subgraphs.map((p) => p.stop()));
  }
}

const ports = (base: number) => ({
  one: base,
  distributed: base + 1,
  hive: base + 2,
  monolith: base + 3,
  floor: base + 4,
  'one-rls-off': base + 5,
  'one-filter-off': base + 6,
  'one-traced': base + 7,
  cluster: base + 8,
  'hive-2': base + 9,
  subgraph: (index: number) => base + 11 + index,
  subgraphMetrics: (index: number) => base + 31 + index,
});

/** The committed supergraph with each subgraph's URL pointing at this run's processes; nothing else changes. */
function hiveSupergraph(env: Environment): string {
  let sdl = fs.readFileSync(supergraphPath, 'utf8');
  SUBGRAPH_NAMES.forEach((name, index) => {
    const pattern = new RegExp(`@join__graph\\(name: "${name}", url: "[^"]*"\\)`);
    if (!pattern.test(sdl)) throw new Error(`the committed supergraph has no join__graph for ${name}`);
    sdl = sdl.replace(pattern, `@join__graph(name: "${name}", url: "http://127.0.0.1:${ports(env.port).subgraph(index)}/graphql")`);
  });
  const file = path.join(env.workDir, 'hive-supergraph.graphql');
  fs.writeFileSync(file, sdl);
  return file;
}

/**
 * Starts every system of `keys`. The UBOS one-process stacks start one after the other (each
 * runs `npm start`'s database preparation, which must not race with itself); the rest start
 * together.
 */
export async function startSystems(keys: string[], env: Environment, fleet: Fleet, log: (line: string) => void): Promise<Map<string, RunningSystem>> {
  const p = ports(env.port);
  const systems = new Map<string, RunningSystem>();
  const want = (key: string) => keys.includes(key);
  const spec = (key: string) => SYSTEMS.find((system) => system.key === key)!;
  const pool = env.poolMax ? { UBOS_DB_POOL_MAX: String(env.poolMax) } : {};

  const oneProcess = async (key: string, extra: NodeJS.ProcessEnv, hooks = false) => {
    const port = p[key as 'one'];
    const url = `http://127.0.0.1:${port}`;
    log(`starting ${spec(key).label} on ${url}`);
    const process = fleet.start(key, ['gateway/src/main.ts'], { ...env.base, ...pool, APP_DATABASE_URL: env.appUrl, PORT: String(port), ...extra }, { hooks });
    await process.waitForHealth(`${url}/health`);
    systems.set(key, { spec: spec(key), url, pids: () => [process.pid], metricsUrls: [`${url}/metrics`] });
  };

  const starting: Array<Promise<void>> = [];
  const needSubgraphs = want('distributed') || want('hive');
  let subgraphProcesses: NodeProcess[] = [];
  if (needSubgraphs) {
    log(`starting ${SUBGRAPH_NAMES.length} subgraph processes on ports ${p.subgraph(0)}-${p.subgraph(SUBGRAPH_NAMES.length - 1)}`);
    subgraphProcesses = SUBGRAPH_NAMES.map((name, index) =>
      fleet.start(`subgraph-${name}`, [`subgraphs/${name}/src/main.ts`], { ...env.base, ...pool, APP_DATABASE_URL: env.appUrl, PORT: String(p.subgraph(index)), BENCH_METRICS_PORT: String(p.subgraphMetrics(index)) }, { hooks: true }),
    );
    starting.push(...subgraphProcesses.map((process, index) => process.waitForHealth(`http://127.0.0.1:${p.subgraph(index)}/health`)));
  }
  const subgraphMetrics = SUBGRAPH_NAMES.map((_name, index) => `http://127.0.0.1:${p.subgraphMetrics(index)}/metrics`);
  const subgraphPids = () => subgraphProcesses.map((process) => process.pid);

  if (want('monolith')) {
    const url = `http://127.0.0.1:${p.monolith}`;
    log(`starting the monolith on ${url}`);
    const process = fleet.start('monolith', ['bench/src/monolith/server.ts'], { ...env.base, APP_DATABASE_URL: env.appUrl, PORT: String(p.monolith), UBOS_DB_POOL_MAX: String(env.poolMax ?? 10) });
    starting.push(process.waitForHealth(`${url}/health`).then(() => void systems.set('monolith', { spec: spec('monolith'), url, pids: () => [process.pid], metricsUrls: [`${url}/metrics`] })));
  }
  if (want('floor')) {
    const url = `http://127.0.0.1:${p.floor}`;
    log(`starting the floor on ${url}`);
    const process = fleet.start('floor', ['bench/src/floor/server.ts'], { ...env.base, APP_DATABASE_URL: env.appUrl, PORT: String(p.floor), UBOS_DB_POOL_MAX: String(env.poolMax ?? 10) });
    starting.push(process.waitForHealth(`${url}/health`).then(() => void systems.set('floor', { spec: spec('floor'), url, pids: () => [process.pid], metricsUrls: [`${url}/metrics`] })));
  }

  // The one-process stacks, one at a time, while the others start.
  if (want('one')) await oneProcess('one', {});
  if (want('cluster')) await oneProcess('cluster', { UBOS_PROCESSES: '2' });
  if (want('one-rls-off')) await oneProcess('one-rls-off', { APP_DATABASE_URL: env.bypassRlsUrl });
  if (want('one-filter-off')) await oneProcess('one-filter-off', { BENCH_TENANT_FILTER: 'off' }, true);
  if (want('one-traced')) {
    const sink = await startOtlpSink();
    await oneProcess('one-traced', { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_SERVICE_NAME: 'ubos-bench' });
  }
  await Promise.all(starting);

  if (want('distributed')) {
    const url = `http://127.0.0.1:${p.distributed}`;
    log(`starting the distributed gateway on ${url}`);
    const subgraphUrls = SUBGRAPH_NAMES.map((name, index) => `${name}=http://127.0.0.1:${p.subgraph(index)}/graphql`).join(',');
    const gateway = fleet.start('distributed', ['gateway/src/main.ts'], { ...env.base, PORT: String(p.distributed), UBOS_SUBGRAPH_URLS: subgraphUrls });
    await gateway.waitForHealth(`${url}/health`);
    systems.set('distributed', { spec: spec('distributed'), url, pids: () => [gateway.pid, ...subgraphPids()], metricsUrls: [`${url}/metrics`, ...subgraphMetrics] });
  }
  const hiveGateway = async (key: 'hive' | 'hive-2', forks: number) => {
    const url = `http://127.0.0.1:${p[key]}`;
    log(`starting ${spec(key).label} on ${url}`);
    const bin = path.join(root, 'node_modules/@graphql-hive/gateway/dist/bin.js');
    const hive = fleet.start(
      key,
      [bin, 'supergraph', hiveSupergraph(env), '--host', '127.0.0.1', '--port', String(p[key]), '--fork', String(forks), '--config-path', 'bench/src/hive/gateway.config.ts', '--disable-websockets'],
      { ...env.base, NODE_ENV: 'production' },
    );
    await hive.waitForHealth(`${url}/healthcheck`);
    systems.set(key, { spec: spec(key), url, pids: () => [hive.pid, ...subgraphPids()], metricsUrls: subgraphMetrics });
  };
  if (want('hive')) await hiveGateway('hive', 1);
  if (want('hive-2')) await hiveGateway('hive-2', 2);
  return systems;
}
