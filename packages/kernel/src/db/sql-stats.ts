/**
 * Counts the SQL statements the process sends. Tests use it to assert that a request costs
 * the same number of statements whatever the list size (no N+1); the gateway exports it at
 * /metrics and the benchmark divides it by the number of requests.
 */
import { sqlStatementsTotal } from '../metrics.js';

export const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release|start transaction|select set_config\('app\.)/i;

class SqlStatementCounter {
  application = 0;
  transactionControl = 0;
  private listeners = new Set<(sql: string, bindings: readonly unknown[]) => void>();

  record(sql: string, bindings: readonly unknown[] = []): void {
    if (TRANSACTION_CONTROL.test(sql)) {
      this.transactionControl++;
      sqlStatementsTotal.inc({ kind: 'transaction_control' });
    } else {
      this.application++;
      sqlStatementsTotal.inc({ kind: 'application' });
    }
    for (const listener of this.listeners) listener(sql, bindings);
  }

  snapshot() {
    return { application: this.application, transactionControl: this.transactionControl };
  }

  /** The counters in Prometheus's text format, for the benchmark's own servers (the gateway serves prom-client's registry). */
  metricsText(counts: { application: number; transactionControl: number } = this.snapshot()): string {
    return [
      '# HELP ubos_sql_statements_total SQL statements sent by this process.',
      '# TYPE ubos_sql_statements_total counter',
      `ubos_sql_statements_total{kind="application"} ${counts.application}`,
      `ubos_sql_statements_total{kind="transaction_control"} ${counts.transactionControl}`,
      '',
    ].join('\n');
  }

  /** Collects the application statements run while `fn` runs, and their parameters (for EXPLAIN). */
  async capture<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[]; queries: Array<{ sql: string; bindings: readonly unknown[] }> }> {
    const statements: string[] = [];
    const queries: Array<{ sql: string; bindings: readonly unknown[] }> = [];
    const listener = (sql: string, bindings: readonly unknown[]) => {
      if (TRANSACTION_CONTROL.test(sql)) return;
      statements.push(sql);
      queries.push({ sql, bindings });
    };
    this.listeners.add(listener);
    try {
      return { result: await fn(), statements, queries };
    } finally {
      this.listeners.delete(listener);
    }
  }
}

export const sqlStatements = new SqlStatementCounter();
