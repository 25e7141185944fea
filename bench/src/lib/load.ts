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
