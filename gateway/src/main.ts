import { loadConfig } from '@ubos/kernel';
import { prepareDatabase, type PreparedDatabase } from '@ubos/db';
import { startWorker, type RunningWorker } from '@ubos/worker';
import { startDemoQuickBooks } from './demo-quickbooks.js';
import { startStack, type RunningStack } from './stack.js';
import { SUBGRAPH_NAMES } from './subgraphs.js';

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data, every
 * subgraph and the gateway in this one process. With UBOS_SUBGRAPH_URLS, only the gateway.
 */
const log = (line: string) => console.log(`[ubos] ${line}`);
const config = loadConfig();
const distributed = Object.keys(config.subgraphUrls).length > 0;

let database: PreparedDatabase | undefined;
let stack: RunningStack | undefined;
let worker: RunningWorker | undefined;
let demoQuickBooks: { close(): Promise<void> } | undefined;
let stopping = false;

async function shutdown(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  await worker?.close().catch((error) => console.error(error));
  await demoQuickBooks?.close().catch((error) => console.error(error));
  await stack?.close().catch((error) => console.error(error));
  await database?.stop().catch((error) => console.error(error));
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
  // Demo mode: Acme's books follow it into a local QuickBooks stand-in (README, Integrations).
  demoQuickBooks = database && acme && !config.production ? await startDemoQuickBooks({ adminUrl: database.adminUrl, organizationId: acme.organizationId, dataDir: config.dataDir, log }) : undefined;
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
      log: (entry) => {
        if (entry.level !== 'info') console.error(JSON.stringify({ component: 'worker', ...entry }));
      },
    });
    log('worker running: outbox dispatch and workflows');
  }
  console.log(`\n  Playground: ${base}/\n`);
  if (stack.demoToken) console.log(`  Demo token (owner@acme.test, Acme Agency; valid 30 days):\n\n  ${stack.demoToken}\n`);
  log('press Ctrl-C to stop');
} catch (error) {
  console.error(`[ubos] startup failed: ${(error as Error).message}`);
  await shutdown('startup failure', 1);
}
