import { loadConfig, STANDALONE_POOL_MAX } from '../config.js';
import { deriveAppDatabaseUrl } from '../db/urls.js';
import { logger } from '../logger.js';
import { startTracing, stopTracing } from '../tracing.js';
import type { SubgraphDefinition } from './context.js';
import { SubgraphRuntime } from './subgraph.js';

/**
 * Runs one subgraph as its own process (distributed mode): `npm start -w subgraphs/<name>`.
 * It needs the database migrated already and the gateway's UBOS_INTERNAL_SECRET.
 */
export async function runStandaloneSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>, defaultPort: number): Promise<void> {
  const config = loadConfig();
  await startTracing(config.tracing);
  if (!config.internalSecret) throw new Error('UBOS_INTERNAL_SECRET is required when a subgraph runs on its own');
  const runtime = await SubgraphRuntime.create(definition, {
    appDatabaseUrl: deriveAppDatabaseUrl(config),
    poolMax: config.poolMax ?? STANDALONE_POOL_MAX,
    internalSecret: config.internalSecret,
    timeouts: config.timeouts,
  });
  const port = process.env.PORT ? config.port : defaultPort;
  const host = process.env.UBOS_HOST ?? '127.0.0.1';
  const server = await runtime.listen(port, host);
  logger().info({ subgraph: definition.name, url: `http://${host}:${port}/graphql` }, 'subgraph listening');
  const shutdown = async (signal: string) => {
    logger().info({ subgraph: definition.name, signal }, 'subgraph shutting down');
    server.close();
    server.closeAllConnections();
    await runtime.close();
    await stopTracing();
    logger().info({ subgraph: definition.name }, 'subgraph stopped');
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
