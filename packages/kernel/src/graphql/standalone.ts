import { loadConfigOrExit, STANDALONE_POOL_MAX } from '../config.js';
import { deriveAppDatabaseUrl } from '../db/urls.js';
import { drain } from '../http-drain.js';
import { logger } from '../logger.js';
import { DataQualityMonitor } from '../quality/monitor.js';
import { migrationDatabaseOf } from '../tenant-schema/in-process.js';
import { StartupError } from '../startup.js';
import { startTracing, stopTracing } from '../tracing.js';
import type { SubgraphDefinition } from './context.js';
import { SubgraphRuntime } from './subgraph.js';

/**
 * Runs one subgraph as its own process (distributed mode): `npm start -w subgraphs/<name>`.
 * It needs the database migrated already and the gateway's UBOS_INTERNAL_SECRET. A mistake the
 * operator can fix ends it with one line and exit code 1; SIGINT and SIGTERM drain it.
 */
export async function runStandaloneSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>, defaultPort: number): Promise<void> {
  const config = loadConfigOrExit();
  await startTracing(config.tracing);
  let runtime: SubgraphRuntime<Loaders> | undefined;
  try {
    if (!config.internalSecret) throw new StartupError('UBOS_INTERNAL_SECRET is required when a subgraph runs on its own (the same secret as the gateway\'s)');
    const appDatabaseUrl = (() => {
      try {
        return deriveAppDatabaseUrl(config);
      } catch (error) {
        throw new StartupError((error as Error).message);
      }
    })();
    runtime = await SubgraphRuntime.create(definition, { appDatabaseUrl, poolMax: config.poolMax ?? STANDALONE_POOL_MAX, internalSecret: config.internalSecret, timeouts: config.timeouts });
    const port = process.env.PORT ? config.port : defaultPort;
    const host = config.host ?? '127.0.0.1';
    const server = await runtime.listen(port, host, { production: config.production, metricsToken: config.metricsToken });
    // The tenants' data quality and the queue's counts are kept by one process, as in one-process
    // mode through the identity pool: here the identity subgraph's (its /metrics has them).
    const monitor = definition.name === 'identity' ? new DataQualityMonitor(migrationDatabaseOf(runtime.orm.em), config.dataQualityIntervalSeconds, config.queueMetricsIntervalSeconds) : undefined;
    monitor?.start();
    logger().info({ subgraph: definition.name, url: `http://${host}:${port}/graphql` }, 'subgraph listening');
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger().info({ subgraph: definition.name, signal }, 'subgraph shutting down');
      await drain(server, config.shutdownGraceMs);
      await monitor?.stop();
      await runtime?.close();
      await stopTracing();
      logger().info({ subgraph: definition.name }, 'subgraph stopped');
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    console.error(`[ubos] ${definition.name} subgraph cannot start: ${(error as Error).message}`);
    await runtime?.close().catch(() => undefined);
    process.exit(1);
  }
}
