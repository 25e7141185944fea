import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from '@ubos/worker';
import { nonPublicRange, pinnedLookup, resolveWebhookTarget } from '../src/webhook-guard.js';
import type { GraphQLClient } from '@ubos/test-support/stack';
import { startWebhookTarget, startWorkflowStack, TEST_WORKER_SETTINGS, waitUntil, type WorkflowStack } from './support.js';

// The SSRF guard of CALL_WEBHOOK steps: the address classifier, the URL check, and a real
// worker refusing loopback, `localhost` and the cloud metadata address unless
// UBOS_WEBHOOK_ALLOW_PRIVATE is set, without sending them a single request.

describe('the address classifier', () => {
  it('names the non-public range of IPv4 addresses and passes public ones', () => {
    const cases: Array<[string, string | undefined]> = [
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['10.0.0.5', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'link-local'],
      ['0.0.0.0', 'this network'],
      ['100.64.0.1', 'carrier-grade NAT'],
      ['198.18.0.1', 'benchmarking'],
      ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'reserved'],
      ['8.8.8.8', undefined],
      ['1.1.1.1', undefined],
      ['172.32.0.1', undefined],
      ['172.15.255.255', undefined],
      ['100.128.0.1', undefined],
      ['11.0.0.1', undefined],
    ];
    for (const [address, range] of cases) expect(nonPublicRange(address), address).toBe(range);
  });

  it('names the non-public range of IPv6 addresses, judging mapped IPv4 by the IPv4 address', () => {
    const cases: Array<[string, string | undefined]> = [
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['[::1]', 'loopback'],
      ['fc00::1', 'unique-local'],
      ['fd12:3456:789a::1', 'unique-local'],
      ['fe80::1', 'link-local'],
      ['fe80::1%eth0', 'link-local'],
      ['ff02::1', 'multicast'],
      ['::ffff:10.0.0.1', 'private'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:169.254.169.254', 'link-local'],
      ['::ffff:8.8.8.8', undefined],
      ['64:ff9b::10.0.0.1', 'private'],
      ['64:ff9b::8.8.8.8', undefined],
      ['2002:a00:1::1', 'private'],
      ['2001:db8::1', 'documentation'],
      ['2001::1', 'IETF protocol assignments'],
      ['::10.0.0.1', 'IPv4-compatible'],
      ['2606:4700:4700::1111', undefined],
      ['2001:4860:4860::8888', undefined],
      ['localhost', 'not an IP address'],
    ];
    for (const [address, range] of cases) expect(nonPublicRange(address), address).toBe(range);
  });
});

describe('resolveWebhookTarget', () => {
  const signal = () => AbortSignal.timeout(5_000);

  it('refuses other schemes and credentials for good, whatever the flag', async () => {
    for (const allowPrivate of [false, true]) {
      await expect(resolveWebhookTarget('ftp://example.com/x', { allowPrivate, signal: signal() })).rejects.toMatchObject({ permanent: true, message: 'The webhook URL must be http(s), not ftp:' });
      await expect(resolveWebhookTarget('file:///etc/passwd', { allowPrivate, signal: signal() })).rejects.toMatchObject({ permanent: true });
      await expect(resolveWebhookTarget('http://user:pass@example.com/', { allowPrivate, signal: signal() })).rejects.toMatchObject({ permanent: true, message: expect.stringContaining('must not hold credentials') });
    }
  });

  it('refuses a host name resolving to loopback, and literal private hosts in any spelling, unless allowed', async () => {
    await expect(resolveWebhookTarget('http://localhost:9/hook', { allowPrivate: false, signal: signal() })).rejects.toMatchObject({
      permanent: true,
      message: expect.stringMatching(/^The webhook URL resolves to a private address \((127\.0\.0\.1|::1), loopback\); set UBOS_WEBHOOK_ALLOW_PRIVATE=1 to allow it$/),
    });
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://[::ffff:10.0.0.1]/', 'http://[fd00::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://0.0.0.0:80/']) {
      await expect(resolveWebhookTarget(url, { allowPrivate: false, signal: signal() }), url).rejects.toMatchObject({ permanent: true, message: expect.stringContaining('resolves to a private address') });
    }
    const allowed = await resolveWebhookTarget('http://localhost:9/hook', { allowPrivate: true, signal: signal() });
    expect(allowed.addresses.length).toBeGreaterThan(0);
  });

  it('pins the connection to the checked addresses, whatever name is asked for', async () => {
    const lookup = pinnedLookup([{ address: '93.184.215.14', family: 4 }, { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }]);
    const one = await new Promise((resolve) => lookup('rebound.example', { family: 4 }, (error, address, family) => resolve([error, address, family])));
    expect(one).toEqual([null, '93.184.215.14', 4]);
    const all = await new Promise((resolve) => lookup('rebound.example', { all: true }, (error, addresses) => resolve([error, addresses])));
    expect(all).toEqual([null, [{ address: '93.184.215.14', family: 4 }, { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 }]]);
  });
});

describe('webhook steps through a worker', () => {
  const SECRET = 'a-signing-secret-of-the-test';
  let stack: WorkflowStack;
  let alpha: GraphQLClient;
  let target: Awaited<ReturnType<typeof startWebhookTarget>>;
  let redirect: Awaited<ReturnType<typeof startWebhookTarget>>;
  let worker: RunningWorker | undefined;

  const start = async (allowPrivateWebhooks: boolean) =>
    startWorker({ databaseUrl: stack.workerUrl, gatewayUrl: stack.url, tokens: stack.stack.tokens, settings: { ...TEST_WORKER_SETTINGS, allowPrivateWebhooks }, log: () => undefined });

  async function webhookWorkflow(name: string, url: string) {
    const result = await alpha.request(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id } }`, {
      input: {
        name: `Call ${name}`,
        trigger: { eventType: 'ClientCreated', conditions: [{ path: 'event.payload.name', operator: 'EQUALS', value: name }] },
        steps: [{ key: 'notify', kind: 'CALL_WEBHOOK', input: { url, secret: SECRET } }],
      },
    });
    expect(result.errors).toBeUndefined();
  }

  async function runFor(name: string) {
    const created = await alpha.request('mutation($name: String!) { createClient(input: { name: $name }) { id } }', { name });
    expect(created.errors).toBeUndefined();
    return finished(created.data.createClient.id);
  }

  async function finished(clientId: string) {
    return waitUntil(async () => {
      const result = await alpha.request('query($id: ID!) { client(id: $id) { workflowRuns(first: 1) { edges { node { id status steps { status attempts error } } } } } }', { id: clientId });
      const run = result.data?.client?.workflowRuns.edges[0]?.node;
      return run && ['SUCCEEDED', 'FAILED'].includes(run.status) ? { ...run, clientId } : undefined;
    }, `the run for client ${clientId}`);
  }

  beforeAll(async () => {
    stack = await startWorkflowStack();
    alpha = await stack.as('alpha');
    target = await startWebhookTarget(() => 200);
    redirect = await startWebhookTarget(() => 302);
    const port = new URL(target.url).port;
    await webhookWorkflow('Loopback', target.url);
    await webhookWorkflow('Localhost', `http://localhost:${port}/hook`);
    await webhookWorkflow('Mapped', `http://[::ffff:127.0.0.1]:${port}/hook`);
    await webhookWorkflow('Metadata', 'http://169.254.169.254/latest/meta-data/');
    await webhookWorkflow('Redirect', redirect.url);
  });

  afterAll(async () => {
    await worker?.close();
    await stack?.close();
    await target?.close();
    await redirect?.close();
  });

  it('refuses credentials in a webhook URL when the workflow is defined', async () => {
    const result = await alpha.request(`mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id } }`, {
      input: { name: 'Credentials', trigger: { eventType: 'ClientCreated' }, steps: [{ key: 'w', kind: 'CALL_WEBHOOK', input: { url: 'https://user:pw@hooks.example.com/', secret: SECRET } }] },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.steps.0.input.url' });
  });

  const refused = new Map<string, { id: string; clientId: string }>();

  it('without UBOS_WEBHOOK_ALLOW_PRIVATE, fails loopback, localhost, mapped and metadata calls on the first attempt, sending nothing', async () => {
    worker = await start(false);
    const expected: Record<string, RegExp> = {
      Loopback: /\(127\.0\.0\.1, loopback\)/,
      Localhost: /\((127\.0\.0\.1|::1), loopback\)/,
      Mapped: /\(::ffff:7f00:1, loopback\)/,
      Metadata: /\(169\.254\.169\.254, link-local\)/,
    };
    for (const [name, address] of Object.entries(expected)) {
      const run = await runFor(name);
      expect(run.status, name).toBe('FAILED');
      expect(run.steps[0]).toMatchObject({ status: 'FAILED', attempts: 1 });
      expect(run.steps[0].error).toMatch(/^The webhook URL resolves to a private address \(.+\); set UBOS_WEBHOOK_ALLOW_PRIVATE=1 to allow it$/);
      expect(run.steps[0].error, name).toMatch(address);
      refused.set(name, run);
    }
    expect(target.requests).toHaveLength(0);
    await worker.close();
    worker = undefined;
  });

  it('with UBOS_WEBHOOK_ALLOW_PRIVATE, calls the same targets (retryWorkflowRun), and never follows a redirect', async () => {
    worker = await start(true);
    for (const name of ['Loopback', 'Localhost', 'Mapped']) {
      const retried = await alpha.request('mutation($id: ID!) { retryWorkflowRun(id: $id) { status } }', { id: refused.get(name)!.id });
      expect(retried.errors, name).toBeUndefined();
      const run = await waitUntil(async () => {
        const current = await finished(refused.get(name)!.clientId);
        return current.status === 'SUCCEEDED' ? current : undefined;
      }, `${name} to succeed`);
      expect(run.steps[0]).toMatchObject({ status: 'SUCCEEDED', error: null });
    }
    expect(target.requests).toHaveLength(3);
    expect(target.requests.map((request) => request.headers['x-ubos-signature'])).toEqual([expect.stringMatching(/^sha256=/), expect.stringMatching(/^sha256=/), expect.stringMatching(/^sha256=/)]);

    const run = await runFor('Redirect');
    expect(run.status).toBe('FAILED');
    expect(run.steps[0]).toMatchObject({ status: 'FAILED', attempts: 1, error: 'The webhook answered HTTP 302 (redirects are not followed)' });
    expect(redirect.requests).toHaveLength(1);
  });
});
