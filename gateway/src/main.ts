import cluster from 'node:cluster';
import { loadConfigOrExit, logger, portIsFree, portTaken, startTracing, stopTracing, tokensFromConfig, type TokenService } from '@ubos/kernel';
import { prepareDatabase, type PreparedDatabase } from '@ubos/db';
import { startWorker, type RunningWorker } from '@ubos/worker';
import { startDemoQuickBooks } from './demo-quickbooks.js';
import { serveAsClusterMember, startCluster } from './cluster.js';
import { QUICKBOOKS_WEBHOOK_PATH } from './quickbooks-webhook.js';
import { startStack } from './stack.js';
import { SUBGRAPH_NAMES } from './subgraphs.js';

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data, every
 * subgraph and the gateway in this one process (or in UBOS_PROCESSES copies of it, see
 * cluster.ts). With UBOS_SUBGRAPH_URLS, only the gateway.
 */
const log = (line: string) => logger().info(line);
const config = loadConfigOrExit();
// Before anything else runs, so that every request and statement is traced (when configured).
await startTracing(config.tracing);
const distributed = Object.keys(config.subgraphUrls).length > 0;

let database: PreparedDatabase | undefined;
/** What serves the port: this process's stack, or the cluster of its copies. */
let stack: { url: string; tokens: TokenService; demoToken?: string; close(graceMs: number): Promise<void> } | undefined;
let worker: RunningWorker | undefined;
let demoQuickBooks: { close(): Promise<void>; registerWebhook(url: string): void } | undefined;
let stopping = false;
let starting: Promise<void> = Promise.resolve();

/**
 * The order matters: the worker first (its workflow steps call this gateway), then the gateway
 * stops listening and lets the requests in flight finish (UBOS_SHUTDOWN_GRACE_MS at most), then
 * the subgraphs' pools close, and PostgreSQL stops last.
 */
async function shutdown(reason: string, code = 0) {
  if (stopping) return;
  stopping = true;
  log(`${reason}: shutting down`);
  // A signal during startup waits for the step under way (it may be starting PostgreSQL), so
  // that whatever it started is stopped too; the steps after it do not run.
  await starting.catch(() => undefined);
  const failed = (what: string) => (error: unknown) => logger().error({ error: String(error) }, `${what} failed to stop`);
  await worker?.close().catch(failed('worker'));
  await demoQuickBooks?.close().catch(failed('the QuickBooks stand-in'));
  if (stack) log(`gateway: no new requests; those in flight get ${config.shutdownGraceMs} ms to finish`);
  await stack?.close(config.shutdownGraceMs).catch(failed('servers'));
  await database?.stop().catch(failed('PostgreSQL'));
  await stopTracing();
  log('stopped');
  process.exit(code);
}

async function start(): Promise<void> {
  // Before anything is started, so that a taken port leaves nothing behind.
  if (!(await portIsFree(config.port, '0.0.0.0'))) throw portTaken(config.port, 'the gateway', 'PORT');
  // The signal handlers below stop PostgreSQL last, so Ctrl-C need not reach it.
  if (!distributed) database = await prepareDatabase(config, log, { ownProcessGroup: true });
  if (stopping) return;
  const acme = database?.demoOrganizations?.acme;
  const demoOwnerId = acme?.userIds['owner@acme.test'];
  // Demo mode: Acme's books follow it into a local QuickBooks stand-in (README, Integrations).
  demoQuickBooks = database && acme && !config.production ? await startDemoQuickBooks({ adminUrl: database.adminUrl, organizationId: acme.organizationId, dataDir: config.dataDir, log }) : undefined;
  const demoToken = (tokens: TokenService) => {
    if (config.production || !acme || !demoOwnerId) return Promise.resolve(undefined);
    return tokens.sign({ userId: demoOwnerId, organizationId: acme.organizationId, role: 'OWNER' }, '30d');
  };
  if (config.processes > 1 && !distributed) {
    stack = await startCluster({ config, appUrl: database!.appUrl, demoToken: await demoToken(await tokensFromConfig(config)) });
  } else {
    const started = await startStack({ config, appUrl: database?.appUrl, demoToken });
    stack = { url: started.gateway.url, tokens: started.tokens, demoToken: started.demoToken, close: (graceMs) => started.close(graceMs) };
  }
  const base = `http://localhost:${config.port}`;
  // The demo's QuickBooks sends its change notifications (signed) to this gateway's webhook, as Intuit would.
  demoQuickBooks?.registerWebhook(`${stack.url}${QUICKBOOKS_WEBHOOK_PATH}`);
  log(distributed ? `gateway over ${Object.keys(config.subgraphUrls).join(', ')}` : `subgraphs running in-process: ${SUBGRAPH_NAMES.join(', ')}`);
  log(`GraphQL endpoint: ${base}/graphql (liveness ${base}/health, readiness ${base}/ready)`);
  // The outbox worker and workflow engine, in this process by default (UBOS_WORKER=0: run
  // `npm run worker` instead, as many as you like).
  if (database && config.worker.enabled) {
    if (stopping) return;
    worker = await startWorker({
      databaseUrl: database.workerUrl,
      gatewayUrl: config.worker.gatewayUrl ?? stack.url,
      tokens: stack.tokens,
      settings: config.worker,
    });
    log(`worker running: outbox dispatch, workflows and mail (${config.worker.mail.smtpUrl ? 'SMTP' : `files in ${config.worker.mail.dir}`})`);
  }
  console.log(`\n  Playground: ${base}/\n`);
  if (stack.demoToken) console.log(`  Demo token (owner@acme.test, Acme Agency; valid 30 days):\n\n  ${stack.demoToken}\n`);
  log('press Ctrl-C to stop');
}

if (cluster.isWorker) {
  serveAsClusterMember(config);
} else {
  // `on`, not `once`: a second Ctrl-C while stopping must not kill the process before PostgreSQL is down.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // The terminal closed: the embedded PostgreSQL runs in a process group of its own and would
  // not get the hangup, so this process stops it as on Ctrl-C.
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  starting = start();
  starting.catch(async (error) => {
    // The operator gets one line: a StartupError names the fix; anything else its message only.
    console.error(`[ubos] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown('startup failure', 1);
  });
}
