import http from 'node:http';
import { applyIsolationSwitch } from '../isolation.js';
import { serveSqlMetrics } from '../lib/sql-metrics.js';

/**
 * BENCHMARK ONLY, loaded with `node --import tsx --import ./bench/src/preload/bench-hooks.ts`
 * into the product's own processes (a subgraph alone, a gateway) by bench/src/run.ts:
 *
 * - BENCH_METRICS_PORT: serves this process's SQL statement counter (the kernel's, the same
 *   one the gateway exports at /metrics) on 127.0.0.1:<port>/metrics, for processes that have
 *   no /metrics of their own (a subgraph running alone).
 * - BENCH_TENANT_FILTER=off: see ../isolation.ts.
 */
applyIsolationSwitch();
const port = Number(process.env.BENCH_METRICS_PORT);
if (port) {
  const server = http.createServer((req, res) => {
    if (req.url === '/metrics') return serveSqlMetrics(res);
    res.writeHead(404).end();
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}
