import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_REQUEST_LIMITS, type WorkerSettings } from '@ubos/kernel';
import { TEST_WORKER_SETTINGS, prepareWorkerDatabase } from '@ubos/test-support/worker';
import { startWorker, type RunningWorker } from '@ubos/worker';
import { startTestStack, type TestStack, type TestStackOptions } from '@ubos/test-support/stack';

export { TEST_WORKER_PASSWORD, TEST_WORKER_ROLE, TEST_WORKER_SETTINGS, prepareWorkerDatabase } from '@ubos/test-support/worker';

export interface WorkflowStack extends TestStack {
  workerUrl: string;
  /** Starts an in-process worker against this stack (closed with the stack). */
  startWorker(settings?: Partial<WorkerSettings>): Promise<RunningWorker>;
}

/** The test stack (rate and cost limits off: workers send many requests) plus the worker's database. */
export async function startWorkflowStack(options: TestStackOptions = {}): Promise<WorkflowStack> {
  const stack = await startTestStack({
    ...options,
    config: { limits: { ...DEFAULT_REQUEST_LIMITS, maxCost: 1_000_000 }, rateLimits: { actor: null, tenant: null, login: null }, ...options.config },
  });
  const workerUrl = await prepareWorkerDatabase(stack.db.adminUrl);
  const workers: RunningWorker[] = [];
  return {
    ...stack,
    workerUrl,
    async startWorker(settings = {}) {
      const worker = await startWorker({
        databaseUrl: workerUrl,
        gatewayUrl: stack.url,
        tokens: stack.stack.tokens,
        settings: { ...TEST_WORKER_SETTINGS, ...settings },
        log: () => undefined,
      });
      workers.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await stack.close();
    },
  };
}

export async function waitUntil<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 60_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export interface WebhookRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on the loopback: answers `status()` and keeps every request. */
export async function startWebhookTarget(status: () => number) {
  const requests: WebhookRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      res.writeHead(status(), { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
