import { ensureAppRole, grantWorkerPrivileges, installQueue } from '@ubos/db';
import { loadConfig, type WorkerSettings } from '@ubos/kernel';

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
  // No timed QuickBooks CDC rounds: a test that wants one calls pollQuickBooksNow(), so a poll
  // never lands in the middle of another test's sequence.
  quickBooksCdcIntervalSeconds: 0,
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

