import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import { logger, metricsRegistry, tokensFromConfig, type TokenService, type UbosConfig } from '@ubos/kernel';
import { settleMetricsRequest } from './cluster-metrics.js';
import { startStack } from './stack.js';

/**
 * UBOS_PROCESSES > 1 in one-process mode: the primary (gateway/src/main.ts) prepares the
 * database and runs the outbox worker, and forks that many members, each a whole stack (every
 * subgraph and the gateway) on the same port; Node's cluster module hands each new connection to
 * the next member. One process uses one core for all its JavaScript; this uses them all.
 *
 * What a member keeps to itself, and how it is made right for the whole:
 * - rate-limit buckets: without REDIS_URL each member gets rate/N and burst/N (connections are
 *   spread round-robin, so the whole stays close to the configured limit); with Redis they share;
 * - /metrics: the member asked gathers every member's registry through the primary and answers
 *   the sum (per-tenant p95 gauges: the largest), so a scrape sees the whole server;
 * - the data-quality schedule and the queue's counts run in the first member only;
 * - a session ended in one member is refused by the others after the session recheck
 *   (UBOS_SESSION_RECHECK_SECONDS), as with several gateways.
 */

type ToMember =
  | { type: 'ubos:start'; appUrl: string; demoToken?: string; index: number; members: number }
  | { type: 'ubos:stop'; graceMs: number }
  | { type: 'ubos:collect'; id: number }
  | { type: 'ubos:metrics'; id: number; text?: string; error?: string };
type ToPrimary =
  | { type: 'ubos:hello' }
  | { type: 'ubos:listening'; url: string }
  | { type: 'ubos:collected'; id: number; metrics: MetricObjectWithValues<MetricValue<string>>[] }
  | { type: 'ubos:metrics?'; id: number };

const log = () => logger();
const STARTUP_TIMEOUT_MS = 120_000;

export interface RunningCluster {
  url: string;
  tokens: TokenService;
  demoToken?: string;
  close(graceMs: number): Promise<void>;
}

/** In the primary: forks the members and resolves once every one listens. */
export async function startCluster(options: { config: UbosConfig; appUrl: string; demoToken?: string }): Promise<RunningCluster> {
  const { config, appUrl, demoToken } = options;
  const tokens = await tokensFromConfig(config);
  const members = config.processes;
  let stopping = false;
  let url = `http://localhost:${config.port}`;
  const collections = new Map<number, { pending: number; parts: MetricObjectWithValues<MetricValue<string>>[][]; done(): void }>();
  let nextCollection = 0;

  // Every member's registry (and the primary's own: the outbox worker's statements), summed.
  async function wholeMetrics(): Promise<string> {
    const id = nextCollection++;
    const live = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker?.isConnected()));
    const parts: MetricObjectWithValues<MetricValue<string>>[][] = [await metricsRegistry.getMetricsAsJSON()];
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, 5_000);
      function finish() {
        clearTimeout(timer);
        collections.delete(id);
        resolve();
      }
      collections.set(id, { pending: live.length, parts, done: finish });
      if (live.length === 0) finish();
      for (const worker of live) worker.send({ type: 'ubos:collect', id } satisfies ToMember);
    });
    return AggregatorRegistry.aggregate(parts).metrics();
  }

  function fork(index: number): Promise<Worker> {
    const worker = cluster.fork();
    return new Promise((resolve, reject) => {
      // A member that neither listens nor dies (stuck on a database that does not answer) fails the start.
      const deadline = setTimeout(() => {
        reject(new Error(`server process ${index + 1} of ${members} did not start within ${STARTUP_TIMEOUT_MS / 1000} s`));
        worker.process.kill('SIGKILL');
      }, STARTUP_TIMEOUT_MS);
      worker.on('message', (message: ToPrimary) => {
        // A message sent before the member has loaded its code would be lost: it says when it listens.
        if (message.type === 'ubos:hello') {
          worker.send({ type: 'ubos:start', appUrl, demoToken, index, members } satisfies ToMember);
        } else if (message.type === 'ubos:listening') {
          clearTimeout(deadline);
          url = message.url;
          resolve(worker);
        } else if (message.type === 'ubos:collected') {
          const collection = collections.get(message.id);
          if (!collection) return;
          collection.parts.push(message.metrics);
          if (--collection.pending === 0) collection.done();
        } else if (message.type === 'ubos:metrics?') {
          wholeMetrics().then(
            (text) => worker.send({ type: 'ubos:metrics', id: message.id, text } satisfies ToMember),
            (error: unknown) => worker.send({ type: 'ubos:metrics', id: message.id, error: String(error) } satisfies ToMember),
          );
        }
      });
      worker.once('exit', (code, signal) => {
        clearTimeout(deadline);
        reject(new Error(`server process ${index + 1} of ${members} exited during startup (${signal ?? `code ${code}`})`));
        if (stopping) return;
        log().error({ member: index + 1, code, signal }, 'a server process stopped; starting another');
        // A member that dies is replaced, after a pause so that a member failing at once does not spin.
        setTimeout(() => {
          if (!stopping) fork(index).catch((error: unknown) => log().error({ error: String(error) }, 'replacement failed to start'));
        }, 1_000).unref();
      });
    });
  }

  cluster.setupPrimary({ silent: false });
  try {
    await Promise.all(Array.from({ length: members }, (_, index) => fork(index)));
  } catch (error) {
    stopping = true;
    await stopMembers(0);
    throw error;
  }
  log().info(`${members} server processes share port ${config.port}`);

  async function stopMembers(graceMs: number) {
    const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker && !worker.isDead()));
    await Promise.all(
      running.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const killer = setTimeout(() => worker.process.kill('SIGKILL'), graceMs + 15_000);
            worker.once('exit', () => {
              clearTimeout(killer);
              resolve();
            });
            if (worker.isConnected()) worker.send({ type: 'ubos:stop', graceMs } satisfies ToMember);
            else worker.process.kill('SIGTERM');
          }),
      ),
    );
  }

  return {
    get url() {
      return url;
    },
    tokens,
    demoToken,
    async close(graceMs) {
      stopping = true;
      await stopMembers(graceMs);
    },
  };
}

/** The share of a token bucket one member enforces when the buckets are not shared. */
function shareOf<T extends { rate: number; burst: number } | null | undefined>(limit: T, members: number): T {
  if (!limit) return limit;
  return { rate: limit.rate / members, burst: Math.max(1, Math.ceil(limit.burst / members)) } as T;
}

/** In a member: waits for its orders, serves, and stops when told to (or when the primary is gone). */
export function serveAsClusterMember(config: UbosConfig): void {
  // Ctrl-C reaches every process of the terminal's group: the primary stops the members in order.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (graceMs: number) => {
    stopping ??= (async () => {
      await stack?.close(graceMs).catch((error: unknown) => log().error({ error: String(error) }, 'server process failed to stop'));
      process.exit(0);
    })();
  };
  process.on('disconnect', () => stop(0));
  process.on('message', (message: ToMember) => {
    if (message.type === 'ubos:start') {
      const shared = Boolean(config.redisUrl);
      const rateLimits = shared ? config.rateLimits : Object.fromEntries(Object.entries(config.rateLimits).map(([kind, limit]) => [kind, shareOf(limit, message.members)]));
      const memberConfig: UbosConfig = {
        ...config,
        rateLimits: rateLimits as UbosConfig['rateLimits'],
        dataQualityIntervalSeconds: message.index === 0 ? config.dataQualityIntervalSeconds : 0,
        queueMetricsIntervalSeconds: message.index === 0 ? config.queueMetricsIntervalSeconds : 0,
      };
      startStack({ config: memberConfig, appUrl: message.appUrl, demoToken: async () => message.demoToken }).then(
        (started) => {
          stack = started;
          process.send!({ type: 'ubos:listening', url: started.gateway.url } satisfies ToPrimary);
        },
        (error: unknown) => {
          console.error(`[ubos] server process ${message.index + 1} cannot start: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
    } else if (message.type === 'ubos:stop') {
      stop(message.graceMs);
    } else if (message.type === 'ubos:collect') {
      metricsRegistry.getMetricsAsJSON().then((metrics) => process.send!({ type: 'ubos:collected', id: message.id, metrics } satisfies ToPrimary));
    } else if (message.type === 'ubos:metrics') {
      settleMetricsRequest(message.id, message.text, message.error);
    }
  });
  process.send!({ type: 'ubos:hello' } satisfies ToPrimary);
}
