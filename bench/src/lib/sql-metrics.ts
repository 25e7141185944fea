import type http from 'node:http';
import { sqlStatements } from '@ubos/kernel';

/** /metrics for the bench's own servers, in the gateway's format (the kernel's counter, or the floor's own counts). */
export function serveSqlMetrics(res: http.ServerResponse, counts?: { application: number; transactionControl: number }): void {
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(sqlStatements.metricsText(counts));
}
