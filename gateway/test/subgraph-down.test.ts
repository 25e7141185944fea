import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { findFreePort, seedDemo, type SeededOrganization } from '@ubos/db';
import { generateInternalSecret } from '@ubos/kernel';
import { createTestDatabase, type TestDatabase } from '@ubos/test-support/database';
import { startProcess, waitFor, waitForHealth, type RunningProcess } from '@ubos/test-support/processes';
import { GraphQLClient, TEST_ORGANIZATIONS } from '@ubos/test-support/stack';

// T14: distributed mode with one subgraph down or hanging. The gateway answers what the other
// subgraphs serve, with SUBGRAPH_UNAVAILABLE naming the missing part (never its address),
// within the per-fetch timeout; when the subgraph is back, the same gateway serves it again.
const FETCH_TIMEOUT_MS = 1_500;

let db: TestDatabase;
let tenants: Record<string, SeededOrganization>;
let shared: Record<string, string | undefined>;
const subgraphs: Record<string, { port: number; process: RunningProcess }> = {};
let gatewayProcess: RunningProcess;
let alpha: GraphQLClient;
let clientId: string;
let projectId: string;

function startSubgraph(name: string, port: number): RunningProcess {
  return startProcess(`subgraphs/${name}/src/main.ts`, { ...shared, PORT: String(port) });
}

beforeAll(async () => {
  db = await createTestDatabase(inject('ubosDatabase'));
  tenants = await seedDemo(db.adminUrl, TEST_ORGANIZATIONS);
  const keys = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  shared = {
    UBOS_INTERNAL_SECRET: generateInternalSecret(),
    UBOS_JWT_PRIVATE_KEY: await exportPKCS8(keys.privateKey),
    UBOS_JWT_PUBLIC_KEY: await exportSPKI(keys.publicKey),
    APP_DATABASE_URL: db.appUrl,
    DATABASE_URL: undefined,
    UBOS_DEMO: '0',
    UBOS_DB_POOL_MAX: '2',
  };
  // The operation below needs identity (login, me), crm and projects; the other subgraphs are
  // not reached by it.
  for (const name of ['identity', 'crm', 'projects']) {
    const port = await findFreePort();
    subgraphs[name] = { port, process: startSubgraph(name, port) };
  }
  const gatewayPort = await findFreePort();
  gatewayProcess = startProcess('gateway/src/main.ts', {
    ...shared,
    PORT: String(gatewayPort),
    UBOS_SUBGRAPH_TIMEOUT_MS: String(FETCH_TIMEOUT_MS),
    UBOS_SUBGRAPH_URLS: Object.entries(subgraphs)
      .map(([name, { port }]) => `${name}=http://127.0.0.1:${port}/graphql`)
      .join(','),
  });
  await Promise.all(Object.values(subgraphs).map(({ port, process }) => waitForHealth(`http://127.0.0.1:${port}`, process)));
  await waitForHealth(`http://127.0.0.1:${gatewayPort}`, gatewayProcess);
  alpha = await new GraphQLClient(`http://127.0.0.1:${gatewayPort}`).login('owner@alpha.test');
  const org = tenants.alpha!.organizationId;
  clientId = (await db.admin('select id from clients where organization_id = $1 order by id limit 1', [org]))[0].id;
  projectId = (await db.admin('select id from projects where organization_id = $1 order by id limit 1', [org]))[0].id;
}, 180_000);

afterAll(async () => {
  const projects = subgraphs.projects?.process;
  if (projects?.child.pid && projects.child.exitCode === null) projects.child.kill('SIGCONT');
  await Promise.all([gatewayProcess, ...Object.values(subgraphs).map(({ process }) => process)].filter(Boolean).map((process) => process.stop()));
});

// Three root fields, each served by another subgraph.
const SPANNING = 'query Spanning($client: ID!, $project: ID!) { me { email } client(id: $client) { name } project(id: $project) { name } }';

async function spanning() {
  return alpha.request(SPANNING, { client: clientId, project: projectId });
}

function expectProjectsUnavailable(result: Awaited<ReturnType<typeof spanning>>, reason: RegExp) {
  expect(result.status).toBe(200);
  expect(result.data.me.email).toBe('owner@alpha.test');
  expect(result.data.client.name).toEqual(expect.any(String));
  expect(result.data.project).toBeNull();
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.message).toMatch(reason);
  expect(error!.message).toContain('projects');
  expect(error!.path).toEqual(['project']);
  expect(error!.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'projects', requestId: expect.any(String) });
  // No address, port or raw answer of the subgraph.
  expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|localhost|http:|:\d{4,5}\b|ECONNREFUSED|fetch failed|serviceName/);
}

describe('one subgraph unavailable', () => {
  it('serves all three parts while every subgraph is up (the control)', async () => {
    const result = await spanning();
    expect(result.errors).toBeUndefined();
    expect(result.data.project.name).toEqual(expect.any(String));
  });

  it('a subgraph that accepts the connection but does not answer: the other parts and SUBGRAPH_UNAVAILABLE after the per-fetch timeout; served again once it answers', async () => {
    const projects = subgraphs.projects!.process;
    projects.child.kill('SIGSTOP');
    try {
      expectProjectsUnavailable(await spanning(), /did not answer in time/);
    } finally {
      projects.child.kill('SIGCONT');
    }
    const again = await waitFor(async () => {
      const result = await spanning();
      return result.errors ? undefined : result;
    }, 'projects served again');
    expect(again.data.project.name).toEqual(expect.any(String));
  });

  it('a subgraph that is down: the other parts and SUBGRAPH_UNAVAILABLE at once; after a restart on its address, the same gateway serves it again', async () => {
    const projects = subgraphs.projects!;
    expect(await projects.process.stop('SIGTERM')).toBe(0);
    expectProjectsUnavailable(await spanning(), /is unavailable/);
    // A mutation of the missing part: its field is null for the same reason, and nothing else failed.
    const mutation = await alpha.request('mutation { createProject(input: { name: "x", clientId: "00000000-0000-7000-8000-000000000000" }) { id } }');
    expect(mutation.status).toBe(503);
    expect(mutation.data).toEqual({ createProject: null });
    expect(mutation.errors![0]!.extensions!.code).toBe('SUBGRAPH_UNAVAILABLE');

    projects.process = startSubgraph('projects', projects.port);
    await waitForHealth(`http://127.0.0.1:${projects.port}`, projects.process);
    const result = await spanning();
    expect(result.errors).toBeUndefined();
    expect(result.data.project.name).toEqual(expect.any(String));
    expect(gatewayProcess.child.exitCode).toBeNull();
  });
});
