import type http from 'node:http';
import { sendJson, sqlStatements } from '@ubos/kernel';
import type { GatewayOptions } from './options.js';

/** GET /metrics, in Prometheus's text format: open in development, in production only with the metrics token. */
export function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, options: Pick<GatewayOptions, 'production' | 'metricsToken'>): void {
  if (options.production && (!options.metricsToken || req.headers.authorization !== `Bearer ${options.metricsToken}`)) {
    return sendJson(res, 401, { error: 'metrics token required' });
  }
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(sqlStatements.metricsText());
}
