import type http from 'node:http';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { sendJson } from './http.js';
import { tenantLatencies } from './quality/latency.js';

/**
 * The process's Prometheus metrics (prom-client), served at /metrics by the gateway and by a
 * subgraph running as its own process. Labels are
 * bounded: a kind, a status class, a subgraph name, an operation name from a capped set, and a
 * tenant's slug (one series per tenant and measure). No ids.
 */
export const metricsRegistry = new Registry();

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const sqlStatementsTotal = new Counter({
  name: 'ubos_sql_statements_total',
  help: 'SQL statements sent by this process.',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});
// Both series exist from the start, at 0: a process that has sent no statement yet (a gateway
// in front of remote subgraphs) says so rather than leaving the series out.
for (const kind of ['application', 'transaction_control']) sqlStatementsTotal.inc({ kind }, 0);
export const sqlStatementSeconds = new Histogram({
  name: 'ubos_sql_statement_duration_seconds',
  help: 'Time from sending a SQL statement to its answer.',
  labelNames: ['kind'] as const,
  buckets: SECONDS_BUCKETS,
  registers: [metricsRegistry],
});
export const httpRequestsTotal = new Counter({
  name: 'ubos_http_requests_total',
  help: 'GraphQL operations answered, by operation name (capped), type and HTTP status class.',
  labelNames: ['operation', 'type', 'status'] as const,
  registers: [metricsRegistry],
});
export const httpRequestSeconds = new Histogram({
  name: 'ubos_http_request_duration_seconds',
  help: 'Time to answer a GraphQL operation, by operation name (capped) and type.',
  labelNames: ['operation', 'type'] as const,
  buckets: SECONDS_BUCKETS,
  registers: [metricsRegistry],
});
export const subgraphFetchSeconds = new Histogram({
  name: 'ubos_subgraph_fetch_duration_seconds',
  help: 'Time of one fetch from the gateway to a subgraph (in-process or HTTP).',
  labelNames: ['subgraph'] as const,
  buckets: SECONDS_BUCKETS,
  registers: [metricsRegistry],
});
export const rateLimitRefusalsTotal = new Counter({
  name: 'ubos_rate_limit_refusals_total',
  help: 'Requests refused by a rate limit, by kind of caller (anonymous: the login bucket; user, apikey, service).',
  labelNames: ['caller'] as const,
  registers: [metricsRegistry],
});

const MAX_OPERATION_NAMES = 200;
const seenOperations = new Set<string>();

/**
 * An operation's name as a label: its own name while fewer than 200 distinct names were seen,
 * `other` after that (names are chosen by callers), and `anonymous` without one.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
  seenOperations.add(name);
  return name;
}

/** Called by the ORM's query events: one statement's duration, charged to the fetch's tenant. */
export function recordSqlDuration(kind: 'application' | 'transaction_control', seconds: number, organizationId: string | null | undefined): void {
  sqlStatementSeconds.observe({ kind }, seconds);
  if (organizationId) tenantLatencies.record(organizationId, 'sql', seconds * 1000);
}

interface PoolLike {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}
const pools = new Map<string, PoolLike>();

/** Registers a subgraph's connection pool (tarn, under knex) for the pool gauges. */
export function registerPool(name: string, pool: PoolLike): void {
  pools.set(name, pool);
}
export function unregisterPool(name: string, pool: PoolLike): void {
  if (pools.get(name) === pool) pools.delete(name);
}

new Gauge({
  name: 'ubos_db_pool_connections',
  help: 'Connections of each subgraph pool: in use, idle, and requests waiting for one.',
  labelNames: ['pool', 'state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const [name, pool] of pools) {
      this.set({ pool: name, state: 'in_use' }, pool.numUsed());
      this.set({ pool: name, state: 'idle' }, pool.numFree());
      this.set({ pool: name, state: 'waiting' }, pool.numPendingAcquires());
    }
  },
});

/**
 * GET /metrics: this process's registry in Prometheus's text format. A scrape reads memory only
 * (tenant and queue gauges come from their schedules). Open in development; in production only
 * with the metrics token, since tenant slugs and operation names are not for everyone.
 */
export async function serveMetrics(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: { production: boolean; metricsToken?: string },
  /** The text to serve: this process's registry, unless the caller gathers more (a cluster's members). */
  text: () => Promise<string> = () => metricsRegistry.metrics(),
): Promise<void> {
  if (options.production && (!options.metricsToken || req.headers.authorization !== `Bearer ${options.metricsToken}`)) {
    return sendJson(res, 401, { error: 'metrics token required' });
  }
  const body = await text();
  res.writeHead(200, { 'content-type': metricsRegistry.contentType });
  res.end(body);
}
