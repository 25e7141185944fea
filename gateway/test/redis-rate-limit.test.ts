import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@ubos/db';
import { startStack, type RunningStack } from '@ubos/gateway';
import { startTestStack, testConfig, type TestStack } from '@ubos/test-support/stack';

// REDIS_URL: several gateways share their rate-limit buckets. Run against a real redis-server
// (Debian's package); skipped with a message where it is missing, never in CI.
const REDIS = '/usr/bin/redis-server';
const skip = !fs.existsSync(REDIS) && process.env.CI !== 'true';
if (skip) console.warn('[redis-rate-limit.test] skipped: no redis-server (apt-get install redis-server)');

describe.skipIf(skip)('rate limits shared through Redis', () => {
  let redis: ChildProcess;
  let first: TestStack;
  let second: RunningStack;

  beforeAll(async () => {
    const port = await findFreePort();
    redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const shared = { redisUrl: `redis://127.0.0.1:${port}`, rateLimits: { actor: { rate: 0.1, burst: 3 }, tenant: null, login: null } };
    first = await startTestStack({ config: shared });
    // A second gateway over the same database and the same Redis, with its own memory.
    second = await startStack({ config: testConfig({ ...shared, dataDir: first.config.dataDir }), appUrl: first.db.appUrl, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    redis?.kill();
  });

  it('refuses the fourth request of one actor, whichever gateway serves it', async () => {
    const token = await first.stack.tokens.sign({ userId: first.tenants.alpha!.userIds['owner@alpha.test']!, organizationId: first.tenants.alpha!.organizationId, role: 'OWNER' });
    const ask = async (url: string) => {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { id } }' }) });
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
    };
    expect((await ask(first.url)).status).toBe(200);
    expect((await ask(second.gateway.url)).status).toBe(200);
    expect((await ask(first.url)).status).toBe(200);
    const refused = await ask(second.gateway.url);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
