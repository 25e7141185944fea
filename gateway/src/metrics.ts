import type http from 'node:http';
import { serveMetrics as serveRegistry } from '@ubos/kernel';
import { metricsText } from './cluster-metrics.js';
import type { GatewayOptions } from './options.js';

/**
 * GET /metrics: the process's prom-client registry in Prometheus's text format (the service
 * metrics, and every tenant's data quality as of the last scheduled refresh: a scrape reads
 * memory only); in a member of a cluster, the whole cluster's. Open in development, in
 * production only with the metrics token.
 */
export function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, options: Pick<GatewayOptions, 'production' | 'metricsToken'>): Promise<void> {
  return serveRegistry(req, res, options, metricsText);
}
