import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@ubos/db';
import { portIsFree } from '@ubos/kernel';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { startProcess, waitFor, type RunningProcess } from '@ubos/test-support/processes';

// `npm start` with UBOS_PROCESSES=2: one primary (PostgreSQL, migrations, seed) and two copies
// of the whole stack on one port. Each connection goes to the next member, rate limits are shared
// out, /metrics answers for the whole server, a member that dies is replaced, and Ctrl-C stops
// every process and PostgreSQL.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-cluster-'));
fs.chmodSync(dataDir, 0o755);
let running: RunningProcess | undefined;
afterAll(async () => {
  await running?.stop('SIGINT');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** One request on a connection of its own (no keep-alive), so that each goes to the next member. */
function post(port: number, token: string, query: string, operationName?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query, operationName });
    const request = http.request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, connection: 'close' } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The members: the primary's children running main.ts. */
function membersOf(primaryPid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === primaryPid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('gateway/src/main.ts');
      } catch {
        return false;
      }
    })
    .map(Number);
}

function pidsServing(output: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line);
    if (entry.msg === 'request' && entry.path === '/graphql') pids.add(entry.pid);
  }
  return pids;
}

describe('npm start with UBOS_PROCESSES=2', () => {
  it('serves from two processes, shares out the rate limit, sums /metrics, replaces a dead member and stops everything on Ctrl-C', async () => {
    const pgPort = await findFreePort();
    const port = await findFreePort();
    running = startProcess('gateway/src/main.ts', {
      UBOS_PROCESSES: '2',
      UBOS_DATA_DIR: dataDir,
      UBOS_EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(port),
      DATABASE_URL: undefined,
      APP_DATABASE_URL: undefined,
      UBOS_SUBGRAPH_URLS: undefined,
      UBOS_INTERNAL_SECRET: undefined,
      NODE_ENV: undefined,
      UBOS_DEMO: '1',
      UBOS_WORKER: '0',
      LOG_FORMAT: 'json',
      // 4 at once for the whole server: each member enforces 2.
      UBOS_RATE_LIMIT_ACTOR: '0.001/4',
    });
    const primary = running;
    const token = await waitFor(async () => primary.output().match(/Demo token[^\n]*\n\s*\n\s*(\S+)/)?.[1], 'the demo token', 180_000, primary);
    expect(primary.output()).toContain('2 server processes share port');
    const members = membersOf(primary.child.pid!);
    expect(members).toHaveLength(2);

    // Eight requests of one actor, each on a new connection: both members answer, and the
    // burst of 4 holds for the server as a whole (2 in each member), not 4 per member.
    const answers = [];
    for (let index = 0; index < 8; index++) answers.push(await post(port, token, 'query ClusterProbe { me { email } }', 'ClusterProbe'));
    expect(answers.filter((answer) => answer.status === 200 && answer.body.data?.me?.email === 'owner@acme.test')).toHaveLength(4);
    expect(answers.filter((answer) => answer.status === 429 && answer.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toHaveLength(4);
    expect([...pidsServing(primary.output())].sort()).toEqual([...members].sort());

    // /metrics, asked of whichever member, counts the requests of both.
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const families = parsePrometheusTextFormat(text) as Array<{ name: string; metrics: Array<{ labels: Record<string, string>; value: string }> }>;
    const answered = families.find((family) => family.name === 'ubos_http_requests_total')!.metrics.filter((metric) => metric.labels.operation === 'ClusterProbe');
    expect(answered.reduce((sum, metric) => sum + Number(metric.value), 0)).toBe(4);

    // A member killed outright is replaced; the server keeps answering meanwhile.
    process.kill(members[0]!, 'SIGKILL');
    const replaced = await waitFor(async () => {
      const now = membersOf(primary.child.pid!);
      return now.length === 2 && !now.includes(members[0]!) ? now : undefined;
    }, 'a replacement member', 120_000, primary);
    expect(replaced).toContain(members[1]);
    await waitFor(async () => (pidsServing(primary.output()).has(replaced.find((pid) => pid !== members[1])!) ? true : await post(port, token, '{ __typename }').then(() => undefined)), 'the replacement serving', 60_000, primary);

    expect(await primary.stop('SIGINT'), primary.output().slice(-2000)).toBe(0);
    expect(primary.output()).toContain('"msg":"stopped"');
    expect(await portIsFree(port, '127.0.0.1')).toBe(true);
    expect(await portIsFree(pgPort, '127.0.0.1')).toBe(true);
    expect(replaced.filter((pid) => fs.existsSync(`/proc/${pid}`))).toEqual([]);
  }, 300_000);
});
