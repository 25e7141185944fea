import { loadConfig, logger, startTracing, stopTracing } from '@ubos/kernel';
import { prepareDatabase, type PreparedDatabase } from '@ubos/db';
import { startWorker, type RunningWorker } from '@ubos/worker';
import { startStack, type RunningStack } from './stack.js';
import { SUBGRAPH_NAMES } from './subgraphs.js';

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data, every
 * subgraph and the gateway in this one process. With UBOS_SUBGRAPH_URLS, only the gateway.
 */
const log = (line: string) => logger().info(line);
const config = loadConfig();
// Before anything else runs, so that every request and statement is traced (when configured).
await startTracing(config.tracing);
const distributed = Object.keys(config.subgraphUrls).length > 0;

let database: PreparedDatabase | undefined;
let stack: RunningStack | undefined;
let worker: RunningWorker | undefined;
let stopping = false;

async function shutdown(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  const failed = (what: string) => (error: unknown) => logger().error({ error: String(error) }, `${what} failed to stop`);
  await worker?.close().catch(failed('worker'));
  await stack?.close().catch(failed('servers'));
  await database?.stop().catch(failed('PostgreSQL'));
  await stopTracing();
  log('stopped');
  process.exit(code);
}
// `on`, not `once`: a second Ctrl-C while stopping must not kill the process before PostgreSQL is down.
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  if (!distributed) database = await prepareDatabase(config, log);
  const acme = database?.demoOrganizations?.acme;
  const demoOwnerId = acme?.userIds['owner@acme.test'];
  stack = await startStack({
    config,
    appUrl: database?.appUrl,
    demoToken: async (tokens) => {
      if (config.production || !acme || !demoOwnerId) return undefined;
      return tokens.sign({ userId: demoOwnerId, organizationId: acme.organizationId, role: 'OWNER' }, '30d');
    },
  });
  const base = `http://localhost:${config.port}`;
  log(distributed ? `gateway over ${Object.keys(config.subgraphUrls).join(', ')}` : `subgraphs running in-process: ${SUBGRAPH_NAMES.join(', ')}`);
  log(`GraphQL endpoint: ${base}/graphql`);
  // The outbox worker and workflow engine, in this process by default (UBOS_WORKER=0: run
  // `npm run worker` instead, as many as you like).
  if (database && config.worker.enabled) {
    worker = await startWorker({
      databaseUrl: database.workerUrl,
      gatewayUrl: config.worker.gatewayUrl ?? stack.gateway.url,
      tokens: stack.tokens,
      settings: config.worker,
    });
    log('worker running: outbox dispatch and workflows');
  }
  console.log(`\n  Playground: ${base}/\n`);
  if (stack.demoToken) console.log(`  Demo token (owner@acme.test, Acme Agency; valid 30 days):\n\n  ${stack.demoToken}\n`);
  log('press Ctrl-C to stop');
} catch (error) {
  logger().fatal({ error: (error as Error).message }, 'startup failed');
  await shutdown('startup failure', 1);
}
