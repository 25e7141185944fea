import http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { W1_STEPS, type W1State } from '../scenarios.js';

/** One scenario as the load generator sends it. */
export interface Workload {
  name: string;
  /** A read: one document, and the exact body every answer must equal. */
  read?: { body: string; expected: string };
  /** W1: the five mutations in turn on each connection. */
  writeMix?: true;
}

export interface LoadRun {
  result: autocannon.Result;
  /** Per-request latencies of the 200 responses, ms, sorted. */
  latencies: number[];
  /** Sum of all response times, ms. */
  totalLatencyMs: number;
}

let w1Iterations = 0;

export async function load(url: string, token: string, workload: Workload, options: { seconds: number; connections: number; rate?: number }): Promise<LoadRun> {
  const latencies: number[] = [];
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const common = { url: `${url}/graphql`, method: 'POST' as const, headers, connections: options.connections, duration: options.seconds, ...(options.rate ? { overallRate: options.rate } : {}) };
  let instance: autocannon.Instance;
  if (workload.read) {
    const expected = workload.read.expected;
    // Every answer under load must be the very bytes checked before timing: same data, no error.
    instance = autocannon({ ...common, body: workload.read.body, verifyBody: (body) => body === expected });
  } else {
    instance = autocannon({
      ...common,
      verifyBody: (body) => body.startsWith('{"data":') && !body.includes('"errors":'),
      requests: W1_STEPS.map((step) => ({
        method: 'POST' as const,
        path: '/graphql',
        headers,
        setupRequest: (request, context) => {
          const state = context as W1State;
          if (step === W1_STEPS[0]) {
            state.iteration = ++w1Iterations;
            state.clientId = undefined;
            state.invoiceId = undefined;
          }
          return { ...request, body: JSON.stringify({ query: step.query, variables: step.variables(state) }) };
        },
        onResponse: (status, body, context) => {
          if (status !== 200) return;
          try {
            const parsed = JSON.parse(body) as { data?: unknown };
            if (parsed.data) step.capture(parsed.data, context as W1State);
          } catch {
            // counted as a mismatch by verifyBody
          }
        },
      })),
    });
  }
  let total = 0;
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    total += responseTime;
    if (statusCode === 200) latencies.push(responseTime);
  });
  const result = await instance;
  const failures = { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches };
  if (Object.values(failures).some((count) => count > 0)) throw new Error(`${workload.name} against ${url}: failed requests under load: ${JSON.stringify(failures)}`);
  latencies.sort((a, b) => a - b);
  return { result, latencies, totalLatencyMs: total };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/**
 * An open-loop load at a fixed rate, evenly spaced (autocannon's rate limit sends each
 * connection's quota in a burst at the start of every second, which is a saturating load in
 * short bursts). Requests go out every 1/rate s over at most `connections` keep-alive sockets;
 * a request that must wait for a free socket waits in the client, and its latency counts from
 * its scheduled time, so a slow server is not flattered (no coordinated omission).
 */
export async function paced(
  url: string,
  token: string,
  workload: Workload,
  /** `until`: stop scheduling once it answers true (checked before each request; `seconds` is then the most). */
  options: { seconds: number; connections: number; rate: number; until?: () => boolean },
): Promise<{ latencies: number[]; requests: number; seconds: number; generatorDelay: { p99: number; max: number } }> {
  if (!workload.read) throw new Error('paced load is for reads');
  // The generator runs in this process and times each request from when it was due, so a stall
  // of this process (its own garbage collection, say) would count as the server's latency: its
  // event-loop delay over the window is reported beside the p95, to tell the two apart.
  const tickMs = 10;
  const delay = monitorEventLoopDelay({ resolution: tickMs });
  delay.enable();
  const { body, expected } = workload.read;
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(`${url}/graphql`);
  const latencies: number[] = [];
  const failures: string[] = [];
  const send = (scheduled: number) =>
    new Promise<void>((resolve) => {
      const request = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => {
            if (response.statusCode !== 200 || text !== expected) failures.push(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
            else latencies.push(performance.now() - scheduled);
            resolve();
          });
        },
      );
      request.on('error', (error) => {
        failures.push(error.message);
        resolve();
      });
      request.end(body);
    });
  const interval = 1000 / options.rate;
  const count = Math.max(1, Math.round(options.seconds * options.rate));
  const start = performance.now() + 10;
  const inFlight: Array<Promise<void>> = [];
  let sent = 0;
  for (let index = 0; index < count; index++) {
    if (options.until?.()) break;
    sent++;
    const scheduled = start + index * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(scheduled));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  delay.disable();
  agent.destroy();
  // The histogram holds the time between ticks; how late a tick came is what stalled.
  const lateBy = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - tickMs);
  if (failures.length) throw new Error(`${workload.name} at ${options.rate} req/s against ${url}: ${failures.length} failed requests, e.g. ${failures[0]}`);
  latencies.sort((a, b) => a - b);
  return { latencies, requests: sent, seconds, generatorDelay: { p99: lateBy(delay.percentile(99)), max: lateBy(delay.max) } };
}
