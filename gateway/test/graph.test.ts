import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The whole graph at the gateway: authentication, documents the schema rejects, one transaction
// per mutation field, and requests that are the caller's mistake. Each subgraph's own behaviour is
// tested beside it, in subgraphs/<name>/test.
let t: TestStack;
let alpha: GraphQLClient;

beforeAll(async () => {
  t = await startTestStack();
  alpha = await t.as('alpha');
});
afterAll(() => t?.close());

describe('authentication', () => {
  it('refuses every operation but login without a token, and any operation with a bad token', async () => {
    const noToken = await t.anonymous.request('{ clients { totalCount } }');
    expect(noToken.status).toBe(401);
    expect(noToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const sneaky = await t.anonymous.request('mutation { login(email: "owner@alpha.test", password: "ubos-demo") { token } } ');
    expect(sneaky.errors).toBeUndefined();
    const mixed = await t.anonymous.request('mutation { login(email: "owner@alpha.test", password: "ubos-demo") { token } createClient(input: { name: "X" }) { id } }');
    expect(mixed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const badToken = await t.anonymous.withToken('not-a-jwt').request('{ me { id } }');
    expect(badToken.status).toBe(401);
    expect(badToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = alpha.token!.slice(0, -4) + (alpha.token!.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await t.anonymous.withToken(forged).request('{ me { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('documents the schema rejects', () => {
  it('answers GRAPHQL_VALIDATION_FAILED and GRAPHQL_PARSE_FAILED for documents the schema rejects, never a 500', async () => {
    const invalid = await alpha.request('{ clients { nope } }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const parse = await alpha.request('{ clients { ');
    expect(parse.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const wrongEnum = await alpha.request('mutation { createClient(input: { name: "A", status: NOPE }) { id } }');
    expect(wrongEnum.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const result of [invalid, parse, wrongEnum]) {
      expect(result.status).toBeLessThan(500);
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:/);
    }
  });
});

describe('mutations', () => {
  it('runs each root mutation field in its own transaction', async () => {
    const before = (await alpha.request('{ clients { totalCount } }')).data.clients.totalCount;
    const result = await alpha.request('mutation { a: createClient(input: { name: "Kept" }) { id } b: createClient(input: { name: "" }) { id } }');
    // b's error nulls the whole (non-null) mutation result, but a had already committed.
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect((await alpha.request('{ clients { totalCount } }')).data.clients.totalCount).toBe(before + 1);
    expect((await alpha.request('{ clients(filter: { search: "Kept" }) { totalCount } }')).data.clients.totalCount).toBe(1);
  });
});

describe('offline', () => {
  it('serves no CDN landing page at /graphql', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/https?:\/\/(?!localhost)/);
  });
});

describe('caller mistakes are the caller\'s', () => {
  it('answers an unknown operation name as a request error, not an internal one', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alpha.token}` },
      body: JSON.stringify({ query: 'query A { me { id } } query B { organization { id } }', operationName: 'C' }),
    });
    const body = (await response.json()) as any;
    expect(response.status).toBeLessThan(500);
    expect(body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors[0].message).toMatch(/C/);
  });
});
