import path from 'node:path';
import { deriveWorkerDatabaseUrl, EMBEDDED_DATABASE } from '@ubos/db';
import { createTokenService, loadConfigOrExit, logger, startTracing, stopTracing } from '@ubos/kernel';
import { startWorker } from './index.js';

/**
 * `npm run worker`: the worker as its own process, beside `npm start` or any number of other
 * workers. It reaches the database as the worker role (WORKER_DATABASE_URL, or DATABASE_URL /
 * the embedded server of `npm start` with the generated ubos_worker password) and the graph
 * through the gateway (UBOS_GATEWAY_URL, default http://localhost:PORT), with the platform keys
 * (UBOS_JWT_* or ./.ubos/keys, as the gateway).
 */
const config = loadConfigOrExit();
await startTracing(config.tracing);
const adminUrl = config.databaseUrl ?? `postgres://postgres@127.0.0.1:${config.embeddedPostgresPort}/${EMBEDDED_DATABASE}`;
const worker = await startWorker({
  databaseUrl: deriveWorkerDatabaseUrl(config, adminUrl),
  gatewayUrl: config.worker.gatewayUrl ?? `http://localhost:${config.port}`,
  tokens: await createTokenService({ privateKeyPem: config.jwtPrivateKey, publicKeyPem: config.jwtPublicKey, keyDir: path.join(config.dataDir, 'keys') }),
  settings: config.worker,
});
logger().info({ component: 'worker' }, 'worker running; Ctrl-C to stop');

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger().info({ component: 'worker', signal }, 'worker stopping');
  await worker.close().catch((error) => logger().error({ component: 'worker', error: String(error) }, 'worker stop failed'));
  await stopTracing();
  logger().info({ component: 'worker' }, 'worker stopped');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
