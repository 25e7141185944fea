import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterDirectory, findFreePort, SYSTEM_CLUSTERS_DIR } from '@ubos/db';
import { portIsFree, StartupError } from '@ubos/kernel';
import { startProcess, waitFor, type RunningProcess } from '@ubos/test-support/processes';

// `npm start` as an operator meets it, with real processes and the real embedded PostgreSQL:
// configuration mistakes, taken ports, root in a private folder, Ctrl-C and SIGTERM with a
// request in flight, and kill -9 followed by a start that recovers by itself.
const scratch: string[] = [];
const running: RunningProcess[] = [];
afterAll(async () => {
  for (const process of running) await process.stop('SIGINT');
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string, mode = 0o755): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, mode);
  scratch.push(dir);
  return dir;
}

// The environment of a user who configured nothing, then the test's own settings.
const CLEAN: Record<string, string | undefined> = {
  DATABASE_URL: undefined,
  APP_DATABASE_URL: undefined,
  UBOS_SUBGRAPH_URLS: undefined,
  UBOS_INTERNAL_SECRET: undefined,
  UBOS_DATA_DIR: undefined,
  NODE_ENV: undefined,
  UBOS_DEMO: '0',
};

function npmStart(env: Record<string, string | undefined>): RunningProcess {
  const process = startProcess('gateway/src/main.ts', { ...CLEAN, ...env });
  running.push(process);
  return process;
}

async function exited(process: RunningProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (process.child.exitCode !== null) return resolve(process.child.exitCode);
    process.child.once('exit', (code) => resolve(code));
  });
}

/** Processes whose command line names `dir`: a postgres left behind shows up here. */
function processesUsing(dir: string): string[] {
  return fs.readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).flatMap((pid) => {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      return cmdline.includes(dir) ? [`${pid}: ${cmdline}`] : [];
    } catch {
      return [];
    }
  });
}

const STACK_TRACE = /^\s+at /m;

describe('configuration mistakes', () => {
  it('lists every mistake at once, with the variable, the problem and the expected form, and exits 1 without a stack trace', async () => {
    const bad = {
      UBOS_RATE_LIMIT_ACTOR: 'lots',
      PORT: '99999',
      UBOS_DEMO: 'maybe',
      UBOS_SUBGRAPH_URLS: 'crm=http://localhost:4002/graphql',
      UBOS_MAX_DEPTH: '-3',
      DATABASE_URL: 'mysql://root:hunter2@localhost/ubos',
    };
    for (const entry of ['gateway/src/main.ts', 'subgraphs/crm/src/main.ts', 'worker/src/main.ts']) {
      const process = startProcess(entry, { ...CLEAN, ...bad });
      running.push(process);
      expect(await exited(process), entry).toBe(1);
      const output = process.output();
      expect(output, entry).not.toMatch(STACK_TRACE);
      expect(output).toMatch(/UBOS_RATE_LIMIT_ACTOR: "lots" is not valid; expected rate\/burst/);
      expect(output).toMatch(/PORT: "99999" is not valid; expected an integer from 0 to 65535/);
      expect(output).toMatch(/UBOS_DEMO: "maybe" is not valid; expected 1 or 0/);
      expect(output).toMatch(/UBOS_INTERNAL_SECRET: not set, and UBOS_SUBGRAPH_URLS \(distributed mode\) needs it/);
      expect(output).toMatch(/UBOS_MAX_DEPTH: "-3" is not valid; expected an integer of at least 1/);
      expect(output).toMatch(/DATABASE_URL: "mysql:\/\/root:\*\*\*@localhost\/ubos" is not valid; expected a postgres or postgresql URL/);
      expect(output).not.toContain('hunter2');
    }
  });

  it('checks every variable the README lists, and the README lists every variable it checks', async () => {
    const { ENVIRONMENT } = await import('@ubos/kernel');
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5));
    const listed = new Set([...table.matchAll(/^\| `([^|]+)`/gm)].flatMap(([, cell]) => [...cell!.matchAll(/`?([A-Z][A-Z0-9_]+)(?:=[^`]*)?`?/g)].map((match) => match[1]!)));
    const checked = new Set(Object.keys(ENVIRONMENT.shape));
    expect([...listed].filter((name) => !checked.has(name))).toEqual([]);
    expect([...checked].filter((name) => !listed.has(name))).toEqual([]);
  });
});

describe('a taken port', () => {
  async function hold(port: number, host: string): Promise<net.Server> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    return server;
  }

  it("names the gateway's port and PORT, exits 1 and starts nothing", async () => {
    const [port, pgPort] = [await findFreePort(), await findFreePort()];
    const dataDir = tempDir('ubos-port-');
    const holder = await hold(port, '0.0.0.0');
    try {
      const process = npmStart({ PORT: String(port), UBOS_EMBEDDED_PG_PORT: String(pgPort), UBOS_DATA_DIR: dataDir });
      expect(await exited(process)).toBe(1);
      const errors = process.output().split('\n').filter((line) => line.includes('cannot start'));
      expect(errors).toEqual([`[ubos] cannot start: Port ${port} (the gateway) is already in use: stop what holds it, or set PORT to a free port.`]);
      expect(process.output()).not.toMatch(STACK_TRACE);
      expect(await portIsFree(pgPort)).toBe(true);
      expect(processesUsing(dataDir)).toEqual([]);
    } finally {
      holder.close();
    }
  });

  it("names the embedded PostgreSQL's port and UBOS_EMBEDDED_PG_PORT, exits 1 and leaves nothing running", async () => {
    const [port, pgPort] = [await findFreePort(), await findFreePort()];
    const dataDir = tempDir('ubos-pgport-');
    const holder = await hold(pgPort, '127.0.0.1');
    try {
      const process = npmStart({ PORT: String(port), UBOS_EMBEDDED_PG_PORT: String(pgPort), UBOS_DATA_DIR: dataDir });
      expect(await exited(process)).toBe(1);
      const errors = process.output().split('\n').filter((line) => line.includes('cannot start'));
      expect(errors).toEqual([`[ubos] cannot start: Port ${pgPort} (the embedded PostgreSQL) is already in use: stop what holds it, or set UBOS_EMBEDDED_PG_PORT to a free port.`]);
      expect(process.output()).not.toMatch(STACK_TRACE);
      expect(await portIsFree(port, '0.0.0.0')).toBe(true);
      expect(processesUsing(dataDir)).toEqual([]);
    } finally {
      holder.close();
    }
  });
});

describe('root in a private folder, stopping, and recovering from kill -9', () => {
  it('keeps the cluster in the data folder when postgres can enter it, and names the fix when no folder it can enter can be made', () => {
    const open = tempDir('ubos-open-');
    expect(clusterDirectory(open)).toBe(path.join(open, 'pg'));
    const home = tempDir('ubos-closed-home-', 0o700);
    const dataDir = path.join(home, '.ubos');
    fs.mkdirSync(dataDir);
    // A place where no folder can be made: below a plain file.
    const blocked = path.join(home, 'a-file');
    fs.writeFileSync(blocked, '');
    let refusal: unknown;
    try {
      clusterDirectory(dataDir, path.join(blocked, 'clusters'));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(StartupError);
    expect((refusal as Error).message).toMatch(/cannot enter .*Set UBOS_DATA_DIR to a folder every user can enter \(e\.g\. UBOS_DATA_DIR=\/srv\/ubos\), or DATABASE_URL/);
  });

  it('starts as root from a 0700 folder, drains a request in flight on SIGTERM, stops PostgreSQL, and recovers after kill -9', async () => {
    expect(process.getuid?.(), 'this test runs as root, as the issue describes').toBe(0);
    // npm sets INIT_CWD to the folder `npm start` was typed in: a home only root can enter.
    const home = tempDir('ubos-root-home-', 0o700);
    const [port, pgPort] = [await findFreePort(), await findFreePort()];
    const env = { INIT_CWD: home, PORT: String(port), UBOS_EMBEDDED_PG_PORT: String(pgPort) };
    const base = `http://127.0.0.1:${port}`;
    const start = async () => {
      const process = npmStart(env);
      await waitFor(async () => ((await fetch(`${base}/ready`)).ok ? true : undefined), '/ready', 180_000, process);
      return process;
    };

    const first = await start();
    // The postgres user cannot enter the home, so the cluster lives where it can, and says so.
    const cluster = fs.readFileSync(path.join(home, '.ubos', 'pg-location'), 'utf8').trim();
    scratch.push(cluster);
    expect(path.dirname(cluster)).toBe(SYSTEM_CLUSTERS_DIR);
    expect(fs.statSync(cluster).uid).not.toBe(0);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });

    // A request in flight: its headers and half its body are sent, the rest comes after SIGTERM.
    const body = JSON.stringify({ query: 'mutation { login(email: "nobody@example.test", password: "wrong") { token } }' });
    let inFlight: http.ClientRequest | undefined;
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, text }));
      });
      request.on('error', reject);
      request.write(body.slice(0, 20));
      inFlight = request;
    });
    await fetch(`${base}/health`);
    first.child.kill('SIGTERM');
    await waitFor(async () => (first.output().includes('no new requests') ? true : undefined), 'the drain to start', 30_000);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
    inFlight!.end(body.slice(20));
    const finished = await answer;
    expect(finished.status, finished.text).toBe(200);
    expect(JSON.parse(finished.text).data).toEqual({ login: null });
    expect(await exited(first), first.output().slice(-2000)).toBe(0);
    expect(await portIsFree(pgPort)).toBe(true);
    expect(await portIsFree(port, '0.0.0.0')).toBe(true);
    expect(processesUsing(cluster)).toEqual([]);

    // kill -9: node dies at once and its PostgreSQL is left behind (or its pid file is).
    const second = await start();
    second.child.kill('SIGKILL');
    await exited(second);
    const third = await start();
    expect(third.output()).toMatch(/left running by an earlier start|stale postmaster\.pid/);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    third.child.kill('SIGINT');
    expect(await exited(third), third.output().slice(-2000)).toBe(0);
    expect(await portIsFree(pgPort)).toBe(true);
    expect(processesUsing(cluster)).toEqual([]);
  }, 600_000);
});
