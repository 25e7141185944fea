import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Q2 } from '@ubos/bench/scenarios';
import { startTracingInMemory, stopTracing, type InMemorySpanExporter, type ReadableSpan } from '@ubos/kernel';
import { startTestStack, TEST_ORGANIZATIONS, type TestStack } from '@ubos/test-support/stack';

// One trace per operation: the gateway's request, each subgraph fetch (the traceparent carried
// into the subgraph), and each SQL statement, checked on the benchmark's Q2 (50 clients with
// their projects and invoices) with an in-memory exporter.
let exporter: InMemorySpanExporter;
let stack: TestStack;

beforeAll(async () => {
  exporter = await startTracingInMemory();
  stack = await startTestStack({ organizations: [{ ...TEST_ORGANIZATIONS[0]!, clients: 50 }] });
});

afterAll(async () => {
  await stack?.close();
  await stopTracing();
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('the trace of Q2', () => {
  it('is one tree: the request, a fetch per subgraph, the subgraph serving it, and every SQL statement under it', async () => {
    const alpha = await stack.as('alpha');
    exporter.reset();
    // The caller's own trace: the gateway continues it.
    const callerTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '00f067aa0ba902b7';
    const result = await alpha.request(Q2, undefined, { traceparent: `00-${callerTraceId}-${callerSpanId}-01` });
    expect(result.errors).toBeUndefined();
    expect(result.data.clients.edges).toHaveLength(50);

    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === callerTraceId);
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const ancestors = (span: ReadableSpan): ReadableSpan[] => {
      const chain: ReadableSpan[] = [];
      for (let parent = byId.get(parentOf(span) ?? ''); parent; parent = byId.get(parentOf(parent) ?? '')) chain.push(parent);
      return chain;
    };

    const [root, ...others] = spans.filter((span) => span.name === 'graphql Q2');
    expect(others).toHaveLength(0);
    expect(parentOf(root!)).toBe(callerSpanId);
    expect(root!.attributes).toMatchObject({ 'graphql.operation.name': 'Q2', 'http.response.status_code': 200, 'ubos.tenant_id': stack.tenants.alpha!.organizationId });
    // Every span of the trace hangs under the request.
    for (const span of spans) if (span !== root) expect(ancestors(span)).toContain(root);

    const fetches = spans.filter((span) => span.name.startsWith('subgraph fetch '));
    expect(fetches.map((span) => span.name).sort()).toEqual(['subgraph fetch crm', 'subgraph fetch projects', 'subgraph fetch revenue']);
    const served = spans.filter((span) => /^subgraph [a-z]+$/.test(span.name));
    expect(served).toHaveLength(3);
    for (const span of served) {
      // Each subgraph's span continues its fetch's traceparent.
      expect(byId.get(parentOf(span)!)!.name).toBe(`subgraph fetch ${span.name.slice('subgraph '.length)}`);
    }

    // Q2 costs 3 statements, each sent with its tenant's settings and no transaction of its own: one span each, under its subgraph.
    const statements = spans.filter((span) => span.name.startsWith('sql '));
    expect(statements.map((span) => span.name)).toEqual(['sql SELECT', 'sql SELECT', 'sql SELECT']);
    for (const statement of statements) {
      expect(ancestors(statement).some((span) => served.includes(span))).toBe(true);
      expect(statement.attributes['db.system']).toBe('postgresql');
    }
    // The settings travel with each statement (actor, address, user agent as literals): not recorded.
    expect(statements.every((span) => !String(span.attributes['db.statement']).includes('set_config'))).toBe(true);
  });
});
