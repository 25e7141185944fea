import { loadConfig, STANDALONE_POOL_MAX } from '../config.js';
import { deriveAppDatabaseUrl } from '../db/urls.js';
import type { SubgraphDefinition } from './context.js';
import { SubgraphRuntime } from './subgraph.js';

/**
 * Runs one subgraph as its own process (distributed mode): `npm start -w subgraphs/<name>`.
 * It needs the database migrated already and the gateway's UBOS_INTERNAL_SECRET.
 */
export async function runStandaloneSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>, defaultPort: number): Promise<void> {
  const config = loadConfig();
  if (!config.internalSecret) throw new Error('UBOS_INTERNAL_SECRET is required when a subgraph runs on its own');
  const runtime = await SubgraphRuntime.create(definition, {
    appDatabaseUrl: deriveAppDatabaseUrl(config),
    poolMax: config.poolMax ?? STANDALONE_POOL_MAX,
    internalSecret: config.internalSecret,
  });
  const port = process.env.PORT ? config.port : defaultPort;
  const host = process.env.UBOS_HOST ?? '127.0.0.1';
  const server = await runtime.listen(port, host);
  console.log(JSON.stringify({ level: 'info', msg: 'subgraph listening', subgraph: definition.name, url: `http://${host}:${port}/graphql` }));
  const shutdown = async () => {
    server.close();
    server.closeAllConnections();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
