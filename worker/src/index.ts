import { createRequire } from 'node:module';
import PgBoss from 'pg-boss';
import { EVENT_QUEUE, INTEGRATION_QUEUE, QUEUE_SCHEMA, STEP_QUEUE } from '@ubos/db';
import type { TokenService, WorkerSettings } from '@ubos/kernel';
import { logger } from '@ubos/kernel';
import { sessionTimeouts, WorkerDatabase } from './database.js';
import { WorkflowEngine, type EventJobData, type StepJobData } from './engine.js';
import { GraphCaller } from './graph.js';
import { createMailTransport, deliverPendingMail, type MailTransport } from './mail.js';
import { QuickBooksSync, type IntegrationJobData } from './quickbooks.js';

export { jobId, ROUTER, type EventJobData, type StepJobData } from './engine.js';
export { webhookSignature } from './steps.js';
export { createMailTransport, deliverPendingMail, type MailTransport, type OutgoingMail } from './mail.js';
export { WorkerDatabase } from './database.js';
export { QUICKBOOKS_ACTOR, type IntegrationJobData } from './quickbooks.js';

export interface WorkerOptions {
  /** The worker role's connection (ubos_worker). */
  databaseUrl: string;
  /** The gateway that workflow steps call. */
  gatewayUrl: string;
  /** Signs the steps' service tokens: the platform key, as the gateway's. */
  tokens: TokenService;
  settings: WorkerSettings;
  log?: (entry: Record<string, unknown>) => void;
  /** Where mail goes; default: the transport of `settings.mail`. */
  mailTransport?: MailTransport;
}

export interface RunningWorker {
  /** Dispatches what the outbox holds now; answers how many events it sent (for tests and tools). */
  dispatchNow(): Promise<number>;
  /** statement_timeout and idle_in_transaction_session_timeout of the worker's sessions, as PostgreSQL reports them. */
  sessionSettings(): Promise<{ statementTimeout: string; idleInTransactionTimeout: string }>;
  /** Delivers the mail that is due now; answers how many were sent (for tests and tools). */
  deliverMailNow(): Promise<number>;
  /** Sends this interval's QuickBooks Change Data Capture poll of every connected tenant now; answers how many (for tests and tools). */
  pollQuickBooksNow(): Promise<number>;
  close(): Promise<void>;
}

/**
 * pg-boss 10 records a job's completion or failure without awaiting it (manager.js, `work`): with
 * PostgreSQL away for a moment, that promise's rejection would be unhandled and end the process.
 * It is logged instead; the job, not marked done, expires and runs again, and the inbox makes the
 * second run change nothing.
 */
function keepJobBookkeepingFailuresHandled(): void {
  const Manager = createRequire(import.meta.url)('pg-boss/src/manager.js') as { prototype: Record<string, (...args: unknown[]) => unknown> & { [PATCHED]?: boolean } };
  if (Manager.prototype[PATCHED]) return;
  for (const method of ['complete', 'fail']) {
    const original = Manager.prototype[method]!;
    Manager.prototype[method] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args) as Promise<unknown> | undefined;
      result?.catch?.((error: Error) => logger().warn({ component: 'worker', error: error.message }, `job ${method} not recorded; the job will expire and run again`));
      return result;
    };
  }
  Manager.prototype[PATCHED] = true;
}
const PATCHED = Symbol.for('ubos.pgboss.handled');
keepJobBookkeepingFailuresHandled();

const defaultLog = (entry: Record<string, unknown>) => {
  const { level, msg, ...rest } = entry;
  const log = logger().child({ component: 'worker' });
  const text = String(msg ?? '');
  if (level === 'error') log.error(rest, text);
  else if (level === 'warn') log.warn(rest, text);
  else log.info(rest, text);
};

/**
 * The worker: the outbox dispatcher and the workflow engine, on pg-boss 10. Several may run at
 * once, in any number of processes: the dispatcher claims outbox rows with FOR UPDATE SKIP
 * LOCKED, pg-boss hands each job to one worker at a time, and a job whose worker died (SIGKILL,
 * power loss) expires after `expireSeconds` and is handed to another within
 * `maintenanceSeconds` more.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { settings } = options;
  const log = options.log ?? defaultLog;
  const timeouts = sessionTimeouts(settings);
  const db = new WorkerDatabase(options.databaseUrl, settings.concurrency * 2 + 2, timeouts);
  const boss = new PgBoss({
    // pg-boss hands its options to pg's Pool: the same session limits as the worker's own pool.
    ...timeouts,
    connectionString: options.databaseUrl,
    schema: QUEUE_SCHEMA,
    application_name: 'ubos-worker-queue',
    max: settings.concurrency * 2 + 2,
    // The migrating role installed the schema and the queues; this role only uses them.
    migrate: false,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: settings.maintenanceSeconds,
  });
  boss.on('error', (error: Error) => log({ level: 'error', msg: 'queue error', error: error.message }));
  await boss.start();
  const graph = new GraphCaller(options.gatewayUrl.replace(/\/$/, ''), options.tokens, settings.stepTimeoutMs);
  const quickBooks = new QuickBooksSync({ db, boss, graph, settings, log });
  const engine = new WorkflowEngine({ db, boss, graph, settings, log, integrations: quickBooks });

  const eventWorkers: string[] = [];
  const stepWorkers: string[] = [];
  const work = async <T extends object>(queue: string, ids: string[], handler: (job: PgBoss.JobWithMetadata<T>) => Promise<void>) => {
    for (let index = 0; index < settings.concurrency; index++) {
      let id = '';
      id = await boss.work<T>(queue, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 1 }, async ([job]) => {
        // A busy worker fetches again at once instead of waiting for the polling interval.
        boss.notifyWorker(id);
        if (job) await handler(job);
      });
      ids.push(id);
    }
  };
  await work<EventJobData>(EVENT_QUEUE, eventWorkers, (job) => engine.routeEvent(job));
  await work<StepJobData>(STEP_QUEUE, stepWorkers, async (job) => {
    await engine.runStep(job);
    // The next step's job was just sent: let an idle step worker take it now.
    for (const id of stepWorkers) boss.notifyWorker(id);
  });

  const integrationWorkers: string[] = [];
  await work<IntegrationJobData>(INTEGRATION_QUEUE, integrationWorkers, (job) => quickBooks.run(job));

  // The dispatcher: committed outbox rows become jobs, in the transaction that marks them
  // dispatched; the job's id is the event's, so a repeated send is the same job.
  const dispatchBatch = async (): Promise<number> =>
    db.transaction(async (client) => {
      const { rows } = await client.query<{ organization_id: string; id: string }>(
        'select organization_id, id from outbox where dispatched_at is null order by occurred_at, id limit 100 for update skip locked',
      );
      for (const row of rows) {
        await boss.send(EVENT_QUEUE, { organizationId: row.organization_id, eventId: row.id } satisfies EventJobData, engine.jobOptions(row.id, client, settings.maxAttempts - 1));
      }
      if (rows.length > 0) {
        await client.query('update outbox set dispatched_at = now() where (organization_id, id) in (select * from unnest($1::uuid[], $2::uuid[]))', [
          rows.map((row) => row.organization_id),
          rows.map((row) => row.id),
        ]);
      }
      return rows.length;
    });
  const dispatchNow = async () => {
    let total = 0;
    for (;;) {
      const sent = await dispatchBatch();
      total += sent;
      if (sent < 100) break;
    }
    if (total > 0) for (const id of eventWorkers) boss.notifyWorker(id);
    return total;
  };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const mailTransport = options.mailTransport ?? createMailTransport(settings.mail);
  const deliverMailNow = () => deliverPendingMail(db, mailTransport, settings, log);
  // Mail is looked for at most once a second: it is not worth a transaction per dispatch tick.
  const MAIL_INTERVAL_MS = Math.max(settings.dispatchIntervalMs, 1_000);
  let mailLookedAt = 0;
  const deliverMailWhenDue = async () => {
    if (Date.now() - mailLookedAt < MAIL_INTERVAL_MS) return;
    mailLookedAt = Date.now();
    await deliverMailNow();
  };
  const loop = () => {
    if (stopped) return;
    running = dispatchNow()
      .then(() => deliverMailWhenDue())
      .catch((error) => log({ level: 'error', msg: 'dispatch failed', error: String(error) }))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, settings.dispatchIntervalMs);
      });
  };
  loop();

  // Change Data Capture: what a webhook missed (Intuit down, the gateway down, a lost delivery)
  // is found by asking each connected company for its changes since the cursor.
  const pollRound = async (now: boolean) => {
    const sent = await quickBooks.pollAll(settings.quickBooksCdcIntervalSeconds, now);
    if (sent > 0) for (const id of integrationWorkers) boss.notifyWorker(id);
    return sent;
  };
  const pollQuickBooksNow = () => pollRound(true);
  const cdcTimer =
    settings.quickBooksCdcIntervalSeconds > 0
      ? setInterval(() => {
          if (!stopped) pollRound(false).catch((error) => log({ level: 'error', msg: 'QuickBooks CDC round failed', error: String(error) }));
        }, settings.quickBooksCdcIntervalSeconds * 1000)
      : undefined;
  cdcTimer?.unref();
  log({ level: 'info', msg: 'worker started', concurrency: settings.concurrency, gateway: options.gatewayUrl, mail: mailTransport.description });

  return {
    dispatchNow,
    async sessionSettings() {
      const { rows } = await db.pool.query<{ statement_timeout: string; idle: string }>(
        "select current_setting('statement_timeout') as statement_timeout, current_setting('idle_in_transaction_session_timeout') as idle",
      );
      return { statementTimeout: rows[0]!.statement_timeout, idleInTransactionTimeout: rows[0]!.idle };
    },
    deliverMailNow,
    pollQuickBooksNow,
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (cdcTimer) clearInterval(cdcTimer);
      await running;
      await boss.stop({ graceful: true, timeout: 5_000, wait: true }).catch(() => undefined);
      mailTransport.close?.();
      await db.close();
    },
  };
}
