import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@ubos/db';
import { startProcess, waitFor, type RunningProcess } from '@ubos/test-support/processes';
import { GraphQLClient } from '@ubos/test-support/stack';

// `npm start` with no configuration, as a user runs it: embedded PostgreSQL under the data
// directory, migrations, demo seed, every subgraph and the gateway, then Ctrl-C.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-start-'));
fs.chmodSync(dataDir, 0o755);
let running: RunningProcess | undefined;

afterAll(async () => {
  await running?.stop('SIGINT');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function start(pgPort: number, port: number) {
  running = startProcess('gateway/src/main.ts', {
    UBOS_DATA_DIR: dataDir,
    UBOS_EMBEDDED_PG_PORT: String(pgPort),
    PORT: String(port),
    DATABASE_URL: undefined,
    APP_DATABASE_URL: undefined,
    UBOS_DEMO: undefined,
    UBOS_SUBGRAPH_URLS: undefined,
    UBOS_INTERNAL_SECRET: undefined,
    NODE_ENV: undefined,
  });
  const process = running;
  const token = await waitFor(async () => process.output().match(/Demo token[^\n]*\n\s*\n\s*(\S+)/)?.[1], 'the demo token', 120_000, process);
  expect(process.output()).toContain(`Playground: http://localhost:${port}/`);
  return { process, client: new GraphQLClient(`http://127.0.0.1:${port}`, token) };
}

describe('npm start', () => {
  it('starts everything with no configuration, keeps data across restarts and stops cleanly on Ctrl-C', async () => {
    const pgPort = await findFreePort();
    const port = await findFreePort();
    const first = await start(pgPort, port);
    const me = await first.client.request('{ me { email } organization { name } clients { totalCount } }');
    expect(me.data).toEqual({ me: { email: 'owner@acme.test' }, organization: { name: 'Acme Agency' }, clients: { totalCount: 24 } });
    const globex = await first.client.withToken(undefined).login('owner@globex.test');
    const book = await globex.request('{ organization { name } clients(first: 1) { totalCount edges { node { contacts { totalCount } deals { totalCount } projects { totalCount edges { node { tasks { totalCount } milestones { id } } } } } } } }');
    expect(book.data.organization.name).toBe('Globex Consulting');
    expect(book.data.clients.totalCount).toBeGreaterThanOrEqual(20);
    const client = book.data.clients.edges[0].node;
    expect(client.contacts.totalCount).toBeGreaterThan(0);
    expect(client.deals.totalCount).toBeGreaterThan(0);
    expect(client.projects.edges[0].node.tasks.totalCount).toBeGreaterThan(0);
    expect(client.projects.edges[0].node.milestones.length).toBeGreaterThan(0);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(await page.text()).toContain(first.client.token);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    await first.client.request('mutation { createClient(input: { name: "Survives restarts" }) { id } }');

    expect(await first.process.stop('SIGINT'), first.process.output().slice(-2000)).toBe(0);
    expect(first.process.output()).toContain('shutting down');
    expect(await portIsFree(pgPort)).toBe(true);
    expect(await portIsFree(port)).toBe(true);

    // Warm start: the same data directory, the same keys, the seed adds nothing twice.
    const second = await start(pgPort, port);
    const again = await second.client.request('{ clients { totalCount } }');
    expect(again.data.clients.totalCount).toBe(25);
    expect((await first.client.request('{ me { email } }')).data.me.email).toBe('owner@acme.test');
    // Ctrl-C in the terminal: PostgreSQL gets the SIGINT too, and ends its sessions while the
    // process is still stopping its worker. That is the shutdown under way, not an error to report.
    const beforeStop = second.process.output().length;
    expect(await second.process.stopAsTerminal('SIGINT')).toBe(0);
    const shutdownLines = second.process.output().slice(beforeStop);
    expect(shutdownLines).toContain('shutting down');
    expect(shutdownLines).not.toMatch(/"level":"error"|\bERROR\b|terminating connection/);
    expect(await portIsFree(pgPort)).toBe(true);
  }, 240_000);
});
