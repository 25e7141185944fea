import type http from 'node:http';
import { metricsRegistry, sendJson } from '@ubos/kernel';
import { metricsText } from './cluster-metrics.js';
import type { GatewayOptions } from './options.js';

/**
 * GET /metrics: the process's prom-client registry in Prometheus's text format (the service
 * metrics, and every tenant's data quality as of the last scheduled refresh: a scrape reads
 * memory only). Open in development, in production only with the metrics token.
 */
export async function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, options: Pick<GatewayOptions, 'production' | 'metricsToken'>): Promise<void> {
  if (options.production && (!options.metricsToken || req.headers.authorization !== `Bearer ${options.metricsToken}`)) {
    return sendJson(res, 401, { error: 'metrics token required' });
  }
  const text = await metricsText();
  res.writeHead(200, { 'content-type': metricsRegistry.contentType });
  res.end(text);
}
