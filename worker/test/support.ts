import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureAppRole, grantWorkerPrivileges, installQueue } from '@ubos/db';
import { DEFAULT_REQUEST_LIMITS, loadConfig, type WorkerSettings } from '@ubos/kernel';
import { startWorker, type RunningWorker } from '@ubos/worker';
import { startTestStack, type TestStack, type TestStackOptions } from '@ubos/test-support/stack';

export const TEST_WORKER_ROLE = 'ubos_test_worker';
export const TEST_WORKER_PASSWORD = 'ubos-test-worker-password';

/**
 * Fast settings for tests: short expiry and backoff, three attempts. Webhook targets listen on
 * 127.0.0.1, so private addresses are allowed (UBOS_WEBHOOK_ALLOW_PRIVATE=1).
 */
export const TEST_WORKER_SETTINGS: WorkerSettings = {
  ...loadConfig({ UBOS_WEBHOOK_ALLOW_PRIVATE: '1' }).worker,
  concurrency: 2,
  maxAttempts: 3,
  retryDelaySeconds: 1,
  expireSeconds: 10,
  maintenanceSeconds: 1,
  dispatchIntervalMs: 100,
  stepTimeoutMs: 5_000,
};

/** The queue, the worker role and its grants in this test file's database; answers the worker's URL. */
export async function prepareWorkerDatabase(adminUrl: string): Promise<string> {
  await installQueue(adminUrl);
  // Roles are cluster-wide and test files run in parallel: a concurrent create is retried (then it alters).
  for (let attempt = 0; ; attempt++) {
    try {
      await ensureAppRole(adminUrl, TEST_WORKER_ROLE, TEST_WORKER_PASSWORD);
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
  await grantWorkerPrivileges(adminUrl, TEST_WORKER_ROLE);
  const url = new URL(adminUrl);
  url.username = TEST_WORKER_ROLE;
  url.password = TEST_WORKER_PASSWORD;
  return url.toString();
}

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
