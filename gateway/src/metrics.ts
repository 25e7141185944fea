import type http from 'node:http';
import { sendJson, sqlStatements } from '@ubos/kernel';
import type { GatewayOptions } from './options.js';

/** GET /metrics, in Prometheus's text format: open in development, in production only with the metrics token. */
export function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, options: Pick<GatewayOptions, 'production' | 'metricsToken'>): void {
  if (options.production && (!options.metricsToken || req.headers.authorization !== `Bearer ${options.metricsToken}`)) {
    return sendJson(res, 401, { error: 'metrics token required' });
  }
  const counts = sqlStatements.snapshot();
  const body = [
    '# HELP ubos_sql_statements_total SQL statements sent by this process.',
    '# TYPE ubos_sql_statements_total counter',
    `ubos_sql_statements_total{kind="application"} ${counts.application}`,
    `ubos_sql_statements_total{kind="transaction_control"} ${counts.transactionControl}`,
    '',
  ].join('\n');
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(body);
}
