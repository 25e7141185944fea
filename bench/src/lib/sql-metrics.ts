import type http from 'node:http';
import { sqlStatements } from '@ubos/kernel';

/** The kernel's statement counter in the format of the gateway's /metrics, which the harness reads. */
export function sqlMetricsText(counts: { application: number; transactionControl: number } = sqlStatements.snapshot()): string {
  return [
    '# HELP ubos_sql_statements_total SQL statements sent by this process.',
    '# TYPE ubos_sql_statements_total counter',
    `ubos_sql_statements_total{kind="application"} ${counts.application}`,
    `ubos_sql_statements_total{kind="transaction_control"} ${counts.transactionControl}`,
    '',
  ].join('\n');
}

export function serveSqlMetrics(res: http.ServerResponse, counts?: { application: number; transactionControl: number }): void {
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(sqlMetricsText(counts));
}
