import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '@ubos/test-support/stack';

// NODE_ENV=production: no demo token on the playground, introspection for owners and admins
// only, /metrics behind its token.
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ demoTokenFor: 'alpha', config: { production: true, metricsToken: 'metrics-secret' } });
});
afterAll(() => t?.close());

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('production mode', () => {
  it('fills in no token on the playground', async () => {
    const html = await (await fetch(`${t.url}/`)).text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/Bearer ey/);
  });

  it('lets owners introspect and refuses members', async () => {
    const owner = await t.as('alpha');
    expect((await owner.request(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const member = await t.anonymous.login('member@alpha.test');
    const refused = await member.request(INTROSPECTION);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data).toBeUndefined();
    expect((await member.request('{ me { email } }')).data.me.email).toBe('member@alpha.test');
    expect((await t.anonymous.request(INTROSPECTION)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves /metrics only with its token, and /health to anyone', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret' } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/ubos_sql_statements_total\{kind="application"\} \d+/);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });
});

describe('nothing phones home', () => {
  it('turns off Apollo\'s telemetry (which also probes cloud metadata servers) and its CDN landing page', async () => {
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/https?:\/\/(?!localhost)/);
  });
});
