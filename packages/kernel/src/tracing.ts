import { context, propagation, trace, SpanKind, SpanStatusCode, type Context, type Span, type Tracer } from '@opentelemetry/api';
import type { InMemorySpanExporter, NodeTracerProvider, ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { loadTracingSettings, type TracingSettings } from './config.js';

export { SpanKind } from '@opentelemetry/api';
export type { InMemorySpanExporter, ReadableSpan };

/**
 * OpenTelemetry traces: one trace per GraphQL operation, with a span for the gateway's request,
 * one per subgraph fetch (the W3C `traceparent` travels with the fetch, in process and over
 * HTTP) and one per SQL statement. With OTEL_EXPORTER_OTLP_ENDPOINT unset nothing is set up,
 * and every call below returns at its first line: tracing then costs one boolean test.
 */
let enabled = false;
const TRACED = Symbol.for('ubos.traced');
let provider: NodeTracerProvider | undefined;

export function tracingEnabled(): boolean {
  return enabled;
}

/**
 * Starts tracing for this process when an OTLP endpoint is configured (or when a test hands its
 * own span processor, e.g. an in-memory exporter's). Answers whether tracing is on. The SDK is
 * loaded only then: a process without tracing never loads it.
 */
export async function startTracing(settings: TracingSettings = loadTracingSettings(), processor?: SpanProcessor): Promise<boolean> {
  if (enabled) return true;
  if (!processor && !settings.otlpEndpoint) return false;
  const { BatchSpanProcessor, NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  let spanProcessor = processor;
  if (!spanProcessor) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${settings.otlpEndpoint!.replace(/\/$/, '')}/v1/traces` }));
  }
  provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': settings.serviceName }), spanProcessors: [spanProcessor] });
  // The AsyncLocalStorage context manager and the W3C trace-context propagator.
  provider.register();
  enabled = true;
  return true;
}

/** Tracing into memory, each span as it ends (tests and tools that read the spans back). */
export async function startTracingInMemory(): Promise<InMemorySpanExporter> {
  const { InMemorySpanExporter, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-node');
  const exporter = new InMemorySpanExporter();
  await startTracing({ serviceName: 'ubos-graph' }, new SimpleSpanProcessor(exporter));
  return exporter;
}

/** Sends the spans still buffered and stops tracing (at shutdown). */
export async function stopTracing(): Promise<void> {
  if (!provider) return;
  enabled = false;
  await provider.shutdown().catch(() => undefined);
  trace.disable();
  context.disable();
  propagation.disable();
  provider = undefined;
}

function tracer(): Tracer {
  return trace.getTracer('ubos-graph');
}

/**
 * Runs `work` inside a new active span (a child of the active one, or of `parent`), ending it
 * when the work settles and marking it failed when it throws. Without tracing it is `work()`.
 */
export function inSpan<T>(name: string, kind: SpanKind, attributes: Record<string, string | number | boolean | undefined>, work: (span?: Span) => Promise<T>, parent?: Context): Promise<T> {
  if (!enabled) return work();
  const span = tracer().startSpan(name, { kind, attributes }, parent ?? context.active());
  return context.with(trace.setSpan(parent ?? context.active(), span), async () => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active trace context as headers (`traceparent`, `tracestate`) for a fetch; empty without tracing. */
export function traceHeaders(): Record<string, string> {
  if (!enabled) return {};
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

/** The trace context a caller sent in its headers, or undefined (no tracing, or no header). */
export function traceContextFrom(headers: Record<string, string | string[] | undefined>): Context | undefined {
  if (!enabled || !headers.traceparent) return undefined;
  return propagation.extract(context.active(), headers);
}

/**
 * A span per SQL statement, by wrapping the knex client's `query` (every statement goes through
 * it, transaction control included, on the pooled client and on each transaction's client). The
 * statement's text is recorded without its parameters; BEGIN carries the request's settings as
 * literals (actor, address, user agent), so only its first word is kept.
 */
export function traceSqlStatements(knexClient: object): void {
  const prototype = Object.getPrototypeOf(knexClient) as { query: (connection: unknown, query: unknown) => Promise<unknown>; [TRACED]?: boolean };
  if (prototype[TRACED]) return;
  const query = prototype.query;
  prototype.query = function (this: unknown, connection: unknown, statement: unknown) {
    if (!enabled) return query.call(this, connection, statement);
    const sql = typeof statement === 'string' ? statement : String((statement as { sql?: string }).sql ?? '');
    const operation = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
    const text = operation === 'BEGIN' ? 'BEGIN' : sql.slice(0, 2000);
    return inSpan(`sql ${operation}`, SpanKind.CLIENT, { 'db.system': 'postgresql', 'db.operation': operation, 'db.statement': text }, () => query.call(this, connection, statement));
  };
  prototype[TRACED] = true;
}
