import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_LIMITS } from '@ubos/kernel';
import { sqlStatements } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type GraphQLResult, type TestStack } from '@ubos/test-support/stack';

// Request limits with their defaults (DEFAULT_REQUEST_LIMITS), through a real gateway over HTTP.
// Every bomb is built to exceed exactly one limit, so that each test fails when that limit
// alone is removed.

interface RawResult extends GraphQLResult {
  headers: Headers;
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<RawResult> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { ...(JSON.parse(text) as GraphQLResult), status: response.status, headers: response.headers };
}

/** Refused for this limit: BAD_USER_INPUT, 400, and a message with no number in it. */
function expectRefused(result: GraphQLResult, limit: string) {
  expect(result.status).toBe(400);
  expect(result.data ?? undefined).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit });
  expect(result.errors![0]!.extensions!.requestId).toBeTypeOf('string');
  expect(result.errors![0]!.message).not.toMatch(/\d/);
}

/** Sends raw HTTP and resolves with the status of the answer, or rejects after `timeoutMs` without one. */
function rawStatus(url: string, request: string, timeoutMs = 5_000): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer'));
    }, timeoutMs);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (status) {
        clearTimeout(timer);
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', () => undefined);
  });
}

/** `clients → projects → client → …`: depth 4 + 4 × cycles, every list `first: 1`, so the cost stays tiny. */
function deepQuery(cycles: number): string {
  return `{ clients(first: 1) { edges { node { ${'projects(first: 1) { edges { node { client { '.repeat(cycles)}id${' } } } }'.repeat(cycles)} } } } }`;
}

/**
 * 16 + n tokens: `{ clients(filter: { status: [LEAD LEAD …] }) { totalCount } }`, a long list
 * literal, with no aliases, no depth and a cost of 2. (Repeating a field instead would trip
 * graphql-js's own budget for comparing overlapping fields.)
 */
const manyTokens = (values: number, separator = ' ') => `{ clients(filter: { status: [${Array(values).fill('LEAD').join(separator)}] }) { totalCount } }`;

let t: TestStack;
let alpha: GraphQLClient;
let authorization: Record<string, string>;

beforeAll(async () => {
  t = await startTestStack();
  alpha = await t.as('alpha');
  authorization = { authorization: `Bearer ${alpha.token}` };
});
afterAll(() => t?.close());

describe('query limits', () => {
  it('serves an ordinary query, and one right at the depth limit', async () => {
    const ordinary = await alpha.request('{ clients(first: 50) { edges { node { id name projects(first: 5) { edges { node { id name status } } } } } } }');
    expect(ordinary.errors).toBeUndefined();
    expect(ordinary.data.clients.edges.length).toBeGreaterThan(0);
    // 4 + 4 × 2 = 12 levels: exactly the default.
    const atLimit = await alpha.request(deepQuery(2));
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.status).toBe(200);
  });

  it('refuses a depth bomb', async () => {
    expectRefused(await alpha.request(deepQuery(3)), 'depth');
    // Through fragments too: each fragment adds its own depth wherever it is spread.
    const viaFragments = await alpha.request(`{ clients(first: 1) { ...C } }
      fragment C on ClientConnection { edges { node { projects(first: 1) { ...P } } } }
      fragment P on ProjectConnection { edges { node { client { projects(first: 1) { ...Q } } } } }
      fragment Q on ProjectConnection { edges { node { client { projects(first: 1) { edges { node { id } } } } } } }`);
    expectRefused(viaFragments, 'depth');
  });

  it('refuses an alias bomb (aliases of __typename count too)', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await alpha.request(aliases(DEFAULT_REQUEST_LIMITS.maxAliases))).errors).toBeUndefined();
    expectRefused(await alpha.request(aliases(DEFAULT_REQUEST_LIMITS.maxAliases + 1)), 'aliases');
    // A fragment counts once per spread: 2 spreads × 16 aliases.
    const spread = await alpha.request(`{ me { ...F } organization { id } ... on Query { me { ...F } } } fragment F on User { ${Array.from({ length: 16 }, (_, i) => `f${i}: id`).join(' ')} }`);
    expectRefused(spread, 'aliases');
  });

  it('refuses a directive bomb', async () => {
    // 21 directives on 21 distinct aliases (under the alias limit), each valid on its own.
    const directives = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `d${i}: __typename @include(if: true)`).join(' ')} }`;
    expect((await alpha.request(directives(DEFAULT_REQUEST_LIMITS.maxDirectives))).errors).toBeUndefined();
    expectRefused(await alpha.request(directives(DEFAULT_REQUEST_LIMITS.maxDirectives + 1)), 'directives');
  });

  it('refuses a token bomb, also when padded with comments or whitespace', async () => {
    // Exactly 2,000 tokens pass.
    const atLimit = await alpha.request(manyTokens(DEFAULT_REQUEST_LIMITS.maxTokens - 16));
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data.clients.totalCount).toBeTypeOf('number');
    expectRefused(await alpha.request(manyTokens(DEFAULT_REQUEST_LIMITS.maxTokens)), 'tokens');
    // Padding changes the characters, never the tokens.
    expectRefused(await alpha.request(manyTokens(DEFAULT_REQUEST_LIMITS.maxTokens, ' # padding padding padding\n')), 'tokens');
    expectRefused(await alpha.request(manyTokens(DEFAULT_REQUEST_LIMITS.maxTokens, ' \t\n\r ,, ')), 'tokens');
    // And comments are not tokens: a short query under many comment lines still runs.
    const commented = `${'# a comment line\n'.repeat(2_000)}{ me { id } }`;
    expect((await alpha.request(commented)).data.me.id).toBeTypeOf('string');
  });

  it('refuses a cost bomb: nested lists of 100', async () => {
    const bomb = '{ clients(first: 100) { edges { node { projects(first: 100) { edges { node { tasks(first: 100) { edges { node { id } } } } } } } } } }';
    expectRefused(await alpha.request(bomb), 'cost');
    // The page size may come from a variable, or from its default in the operation.
    const viaVariable = 'query($n: Int = 100) { clients(first: $n) { edges { node { projects(first: $n) { edges { node { tasks(first: $n) { edges { node { id } } } } } } } } } }';
    expectRefused(await alpha.request(viaVariable), 'cost');
    expectRefused(await alpha.request(viaVariable.replace(' = 100', ''), { n: 100 }), 'cost');
    // The same shape with small pages is fine.
    expect((await alpha.request(viaVariable, { n: 5 })).errors).toBeUndefined();
    // A measure is kept only when no variable went into it: the same text again, after a cheap
    // run, is measured with its new variables; a literal bomb is refused every time.
    expectRefused(await alpha.request(viaVariable, { n: 100 }), 'cost');
    expect((await alpha.request(viaVariable, { n: 5 })).errors).toBeUndefined();
    expectRefused(await alpha.request(bomb), 'cost');
  });

  it('refuses an oversized body, declared or streamed, before reading it', async () => {
    const body = JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(DEFAULT_REQUEST_LIMITS.maxBodyBytes) } });
    const declared = await post(t.url, body, authorization);
    expectRefused(declared, 'body');
    expect(declared.headers.get('connection')).toBe('close');
    // A declared length over the limit is answered at once: the gateway does not wait for a body it would refuse.
    const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer ${alpha.token}\r\nContent-Length: 100000000\r\n\r\n{"query":`;
    expect(await rawStatus(t.url, head)).toBe(400);
    // Without a Content-Length (chunked), counted as it arrives.
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 64 * 1024) controller.enqueue(bytes.slice(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    const streamed = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization }, body: stream, duplex: 'half' } as RequestInit).then(
      async (response) => ({ ...((await response.json()) as GraphQLResult), status: response.status }),
      (error: Error) => ({ status: 0, error }),
    );
    // The gateway stops reading and drops the connection; a client that finished sending first sees the 400.
    if (streamed.status !== 0) expectRefused(streamed as GraphQLResult, 'body');
    // Just under the limit is fine.
    const fits = JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(DEFAULT_REQUEST_LIMITS.maxBodyBytes - 100) } });
    expect((await post(t.url, fits, authorization)).status).toBe(200);
  });

  it('refuses an oversized query (characters), even though it has few tokens', async () => {
    const long = `{ me { id } }${' '.repeat(DEFAULT_REQUEST_LIMITS.maxQueryChars)}`;
    expect(Buffer.byteLength(JSON.stringify({ query: long }))).toBeLessThan(DEFAULT_REQUEST_LIMITS.maxBodyBytes);
    expectRefused(await alpha.request(long), 'query');
    // Tokens over GET too.
    const search = encodeURIComponent(manyTokens(DEFAULT_REQUEST_LIMITS.maxTokens)).replaceAll('%20', '+');
    const get = await fetch(`${t.url}/graphql?query=${search}`, { headers: { ...authorization, 'apollo-require-preflight': 'true' } });
    const result = { ...((await get.json()) as GraphQLResult), status: get.status };
    expectRefused(result, 'tokens');
  });

  it('refuses a batch (a JSON array body) with BAD_REQUEST', async () => {
    const batch = await post(t.url, JSON.stringify([{ query: '{ me { id } }' }, { query: '{ organization { id } }' }]), authorization);
    expect(batch.status).toBe(400);
    expect(batch.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(batch.data).toBeUndefined();
    const single = await post(t.url, JSON.stringify([{ query: '{ me { id } }' }]), authorization);
    expect(single.status).toBe(400);
    expect(single.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('batches when configured', () => {
  let b: TestStack;
  beforeAll(async () => {
    b = await startTestStack({ config: { limits: { ...DEFAULT_REQUEST_LIMITS, maxBatchSize: 2, maxDepth: 4 } } });
  });
  afterAll(() => b?.close());

  it('runs up to UBOS_MAX_BATCH operations, each under every limit', async () => {
    const owner = await b.as('alpha');
    const headers = { authorization: `Bearer ${owner.token}` };
    const response = await fetch(`${b.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify([{ query: '{ me { email } }' }, { query: '{ organization { slug } }' }]) });
    const results = (await response.json()) as any[];
    expect(response.status).toBe(200);
    expect(results.map((result) => result.data)).toEqual([{ me: { email: 'owner@alpha.test' } }, { organization: { slug: 'alpha' } }]);
    const tooMany = await post(b.url, JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }, { query: '{ me { id } }' }]), headers);
    expect(tooMany.status).toBe(400);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const deepInside = await fetch(`${b.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ clients { edges { node { projects { edges { node { id } } } } } } }' }]) });
    // The batch's status is its worst operation's: a proxy sees that one was refused.
    expect(deepInside.status).toBe(400);
    const [, second] = (await deepInside.json()) as any[];
    expect(second.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth' });
  });
});

describe('no suggestions', () => {
  it('leaves "Did you mean" out of validation errors', async () => {
    for (const query of ['{ clientz { totalCount } }', '{ clients(frist: 1) { totalCount } }', '{ clients(filter: { status: [ACTIV] }) { totalCount } }', 'query($f: ClientFiltr) { clients(filter: $f) { totalCount } }']) {
      const result = await alpha.request(query);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      for (const error of result.errors!) expect(error.message).not.toMatch(/did you mean/i);
    }
  });

  it('leaves it out of errors about variables too', async () => {
    const enumValue = await alpha.request('query($s: [ClientStatus!]) { clients(filter: { status: $s }) { totalCount } }', { s: ['ACTIV'] });
    const inputField = await alpha.request('query($f: ClientFilter) { clients(filter: $f) { totalCount } }', { f: { serch: 'x' } });
    for (const result of [enumValue, inputField]) {
      expect(result.errors?.length).toBeGreaterThan(0);
      for (const error of result.errors!) expect(error.message).not.toMatch(/did you mean|ACTIVE|"search"/i);
    }
  });
});

describe('rate limits', () => {
  // A stack of its own with tiny buckets: 2 requests at once and one more every 2 seconds per
  // actor; 3 at once per tenant and 2 per address for anonymous callers (logging in), both
  // refilling slowly (one every 10 s) so that a slow machine cannot refill them mid-test.
  let r: TestStack;
  beforeAll(async () => {
    r = await startTestStack({ config: { rateLimits: { actor: { rate: 0.5, burst: 2 }, tenant: { rate: 0.1, burst: 3 }, login: { rate: 0.1, burst: 2 } } } });
  });
  afterAll(() => r?.close());

  const tokenFor = (slug: string, role: 'OWNER' | 'MEMBER') =>
    r.stack.tokens.sign({ userId: r.tenants[slug]!.userIds[`${role.toLowerCase()}@${slug}.test`]!, organizationId: r.tenants[slug]!.organizationId, role });

  function expectLimited(result: RawResult) {
    expect(result.status).toBe(429);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = result.errors![0]!.extensions!.retryAfter;
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(result.headers.get('retry-after')).toBe(String(retryAfter));
    expect(result.errors![0]!.extensions!.requestId).toBe(result.headers.get('x-request-id'));
    return retryAfter as number;
  }

  it('limits an actor, then lets it through again once the bucket refills', async () => {
    const headers = { authorization: `Bearer ${await tokenFor('alpha', 'OWNER')}` };
    const me = () => post(r.url, JSON.stringify({ query: '{ me { id } }' }), headers);
    expect((await me()).status).toBe(200);
    expect((await me()).status).toBe(200);
    const retryAfter = expectLimited(await me());
    // Refused requests take nothing: waiting the hinted time is enough.
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    const again = await me();
    expect(again.status).toBe(200);
    expect(again.data.me.id).toBeTypeOf('string');
  });

  it('limits a tenant over all its actors', async () => {
    const owner = { authorization: `Bearer ${await tokenFor('beta', 'OWNER')}` };
    const member = { authorization: `Bearer ${await tokenFor('beta', 'MEMBER')}` };
    const me = (headers: Record<string, string>) => post(r.url, JSON.stringify({ query: '{ me { id } }' }), headers);
    expect((await me(owner)).status).toBe(200);
    expect((await me(owner)).status).toBe(200);
    // The member's own bucket is full, the tenant's has one request left.
    expect((await me(member)).status).toBe(200);
    expectLimited(await me(member));
    // Another tenant is not affected.
    expect((await me({ authorization: `Bearer ${await tokenFor('gamma', 'OWNER')}` })).status).toBe(200);
  });

  it('limits logging in per client address, whatever the email', async () => {
    const login = (email: string) => post(r.url, JSON.stringify({ query: `mutation { login(email: "${email}", password: "wrong") { token } }` }));
    expect((await login('owner@gamma.test')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login('member@gamma.test')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expectLimited(await login('someone@gamma.test'));
  });

  it('charges unknown API keys to the address before looking them up, so a flood of guesses never reaches the database', async () => {
    // The address's anonymous bucket is empty after the login test above.
    const guess = `ubos_${'g'.repeat(12)}_${'x'.repeat(43)}`;
    const { result, statements } = await sqlStatements.capture(() => post(r.url, JSON.stringify({ query: '{ clients { totalCount } }' }), { authorization: `Bearer ${guess}` }));
    expectLimited(result);
    expect(statements).toEqual([]);
  });
});
