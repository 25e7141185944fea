import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { prepareDatabase } from '@ubos/db';
import { startStack } from '@ubos/gateway';
import { loadConfig } from '@ubos/kernel';

/**
 * `npx tsx bench/src/rejected-memory.ts`: does memory stay flat while the gateway refuses
 * requests? Starts the whole stack in this process over its own embedded PostgreSQL (data in
 * ./.ubos-bench-memory, port 54349; or DATABASE_URL), warms up, then sends requests that the
 * gateway refuses (10,000 by default), a quarter of each kind:
 *
 * - an invalid token (401);
 * - a depth bomb (400);
 * - an oversized body, 300 KiB with its Content-Length (400, refused unread, connection closed);
 * - a request of one user over the per-actor rate limit, set to 1/1 for this run (429).
 *
 * Heap and RSS are read after a forced full GC before the run, after each fifth of it, and at
 * the end. They include the load generator, which runs in the same process. The depth bombs and
 * oversized bodies each come from a different user of a different organization (tokens minted
 * before the baseline), so that each also leaves two rate-limiter buckets behind.
 * Writes bench/results/rejected-memory.json.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsFile = path.join(root, 'bench/results/rejected-memory.json');
const log = (line: string) => console.log(`[rejected-memory] ${line}`);

const { values } = parseArgs({
  options: { requests: { type: 'string' }, concurrency: { type: 'string' }, warmup: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  strict: true,
});
if (values.help) {
  console.log('usage: npx tsx bench/src/rejected-memory.ts [--requests 10000] [--concurrency 16] [--warmup 1000]');
  process.exit(0);
}
const REQUESTS = Number(values.requests ?? 10_000);
const CONCURRENCY = Number(values.concurrency ?? 16);
const WARMUP = Number(values.warmup ?? 1_000);
const ROUNDS = 5;

// A full collection on demand, without asking for `node --expose-gc`.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Sample {
  afterRequests: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  rssMiB: number;
  externalMiB: number;
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
function sample(afterRequests: number): Sample {
  for (let i = 0; i < 3; i++) gc();
  const usage = process.memoryUsage();
  return { afterRequests, heapUsedMiB: mib(usage.heapUsed), heapTotalMiB: mib(usage.heapTotal), rssMiB: mib(usage.rss), externalMiB: mib(usage.external) };
}

type Kind = 'invalidToken' | 'depthBomb' | 'oversizedBody' | 'rateLimited';
const KINDS: Kind[] = ['invalidToken', 'depthBomb', 'oversizedBody', 'rateLimited'];

async function main() {
  const env = {
    ...process.env,
    UBOS_DATA_DIR: process.env.UBOS_DATA_DIR ?? path.join(root, '.ubos-bench-memory'),
    UBOS_EMBEDDED_PG_PORT: process.env.UBOS_EMBEDDED_PG_PORT ?? '54349',
    UBOS_DEMO: '1',
    // One request per second per actor, so that nearly all of the rate-limited quarter is refused
    // (the fresh actors of the other kinds send one request each).
    UBOS_RATE_LIMIT_ACTOR: process.env.UBOS_RATE_LIMIT_ACTOR ?? '1/1',
  };
  const config = { ...loadConfig(env), port: 0 };
  const database = await prepareDatabase(config, log);
  const acme = database.demoOrganizations?.acme;
  if (!acme) throw new Error('the demo data did not seed');
  const stack = await startStack({ config, appUrl: database.appUrl, host: '127.0.0.1' });
  const url = `${stack.gateway.url}/graphql`;
  log(`gateway on ${stack.gateway.url}; limits ${JSON.stringify(config.limits)}; rate limits ${JSON.stringify(config.rateLimits)}`);

  const ownerToken = await stack.tokens.sign({ userId: acme.userIds['owner@acme.test']!, organizationId: acme.organizationId, role: 'OWNER' });
  const depthBomb = JSON.stringify({ query: `{ clients(first: 1) { edges { node { ${'projects(first: 1) { edges { node { client { '.repeat(5)}id${' } } } }'.repeat(5)} } } } }` });
  const oversized = JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(300 * 1024) } });
  const total = WARMUP + REQUESTS;
  const bombTokens: string[] = [];
  for (let i = 0; i < 2 * Math.ceil(total / KINDS.length) + 2; i++) {
    bombTokens.push(await stack.tokens.sign({ userId: randomUUID(), organizationId: randomUUID(), role: 'MEMBER' }));
  }

  const statuses: Record<Kind, Record<string, number>> = { invalidToken: {}, depthBomb: {}, oversizedBody: {}, rateLimited: {} };
  let bombIndex = 0;
  async function send(index: number, count: boolean) {
    const kind = KINDS[index % KINDS.length]!;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    let body = JSON.stringify({ query: '{ me { id } }' });
    if (kind === 'invalidToken') headers.authorization = 'Bearer not-a-valid-token';
    else if (kind === 'depthBomb') {
      headers.authorization = `Bearer ${bombTokens[bombIndex++]}`;
      body = depthBomb;
    } else if (kind === 'oversizedBody') {
      headers.authorization = `Bearer ${bombTokens[bombIndex++]}`;
      body = oversized;
    } else headers.authorization = `Bearer ${ownerToken}`;
    let status: string;
    try {
      const response = await fetch(url, { method: 'POST', headers, body });
      await response.arrayBuffer();
      status = String(response.status);
    } catch (error) {
      status = `error:${((error as Error).cause as NodeJS.ErrnoException | undefined)?.code ?? (error as Error).message}`;
    }
    if (count) statuses[kind][status] = (statuses[kind][status] ?? 0) + 1;
  }
  async function run(from: number, to: number, count: boolean) {
    let next = from;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < to) await send(next++, count);
      }),
    );
  }

  log(`warming up with ${WARMUP} requests`);
  await run(0, WARMUP, false);
  const samples: Sample[] = [sample(0)];
  log(`before: heap ${samples[0]!.heapUsedMiB} MiB, RSS ${samples[0]!.rssMiB} MiB`);
  const started = Date.now();
  for (let round = 1; round <= ROUNDS; round++) {
    const from = WARMUP + Math.round(((round - 1) * REQUESTS) / ROUNDS);
    const to = WARMUP + Math.round((round * REQUESTS) / ROUNDS);
    await run(from, to, true);
    samples.push(sample(to - WARMUP));
    log(`after ${to - WARMUP}: heap ${samples.at(-1)!.heapUsedMiB} MiB, RSS ${samples.at(-1)!.rssMiB} MiB`);
  }
  const seconds = (Date.now() - started) / 1000;
  const before = samples[0]!;
  const after = samples.at(-1)!;
  const accepted = Object.values(statuses).reduce((sum, byStatus) => sum + (byStatus['200'] ?? 0), 0);
  const result = {
    date: new Date().toISOString(),
    machine: { os: `${os.type()} ${os.release()}`, cpuCount: os.cpus().length, totalMemGiB: Math.round(os.totalmem() / 1024 ** 3 * 10) / 10 },
    node: process.version,
    parameters: { requests: REQUESTS, warmup: WARMUP, concurrency: CONCURRENCY, rateLimits: config.rateLimits, limits: config.limits },
    seconds,
    requestsPerSecond: Math.round(REQUESTS / seconds),
    statuses,
    acceptedCount: accepted,
    before,
    after,
    deltaHeapUsedMiB: Math.round((after.heapUsedMiB - before.heapUsedMiB) * 10) / 10,
    deltaRssMiB: Math.round((after.rssMiB - before.rssMiB) * 10) / 10,
    samples,
  };
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
  console.table(samples);
  console.log(JSON.stringify({ statuses, accepted, seconds, deltaHeapUsedMiB: result.deltaHeapUsedMiB, deltaRssMiB: result.deltaRssMiB }, null, 2));
  log(`wrote ${path.relative(root, resultsFile)}`);
  await stack.close();
  await database.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
