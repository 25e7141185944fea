import { createHash } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { EVENT_QUEUE, STEP_QUEUE } from '@ubos/db';
import type { WorkerSettings } from '@ubos/kernel';
import { SUBGRAPH_EVENT_TYPES, clientOfEvent, conditionsHold, renderTemplates, TemplateError, type ConditionDefinition, type RunStatus, type StepDefinition, type StepRun, type TemplateContext } from '@ubos/kernel';
import { inTransaction, type Client, type WorkerDatabase } from './database.js';
import { GraphCaller, StepError } from './graph.js';
import { performStep } from './steps.js';
import type { QuickBooksSync } from './quickbooks.js';
import type { OutboxRow } from './outbox.js';

/**
 * The workflow engine: two pg-boss job handlers.
 *
 * - routeEvent (queue ubos-event, one job per outbox event): in one transaction of the event's
 *   tenant, claims the inbox row (event id, handler) — a redelivered event finds it and stops —
 *   then starts a run of every enabled workflow whose trigger matches, and sends the job of
 *   each run's first step in that same transaction.
 * - runStep (queue ubos-step, one job per step): claims the run's next step, performs it
 *   through the gateway (no transaction is held meanwhile), and records the outcome, sending
 *   the next step's job in the transaction that records this one's success.
 *
 * A crash anywhere leaves either the job (pg-boss hands it to another worker once it expires)
 * or its committed successor; idempotency keys make a repeated step return its first result.
 */
export const ROUTER = 'workflow-router';

export interface EventJobData {
  organizationId: string;
  eventId: string;
}

export interface StepJobData {
  organizationId: string;
  runId: string;
  generation: number;
  stepKey: string;
}

interface RunRow {
  id: string;
  organization_id: string;
  workflow_id: string;
  event_id: string;
  event_type: string;
  event_aggregate_type: string;
  event_aggregate_id: string;
  event_payload: Record<string, unknown>;
  event_occurred_at: Date;
  status: RunStatus;
  steps: StepRun[];
  generation: number;
}


/** A job id derived from what the job is for, so that sending it twice sends it once. */
export function jobId(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.join(':')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface EngineOptions {
  db: WorkerDatabase;
  boss: PgBoss;
  graph: GraphCaller;
  settings: WorkerSettings;
  log: (entry: Record<string, unknown>) => void;
  /** Integrations fed by the same events (QuickBooks), routed in the router's transaction. */
  integrations?: QuickBooksSync;
}

export class WorkflowEngine {
  constructor(private readonly options: EngineOptions) {}

  private get settings() {
    return this.options.settings;
  }

  /** pg-boss send options of a job: retries with exponential backoff, short expiry. */
  jobOptions(id: string, client: Client, retryLimit: number) {
    return {
      id,
      db: inTransaction(client),
      retryLimit,
      retryDelay: this.settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.settings.expireSeconds,
    };
  }

  /** Step jobs may also be retried after a crash; the step's own attempt count decides when it has failed. */
  private get stepRetryLimit() {
    return this.settings.maxAttempts + 10;
  }

  private async sendStep(client: Client, data: StepJobData): Promise<void> {
    await this.options.boss.send(STEP_QUEUE, data as unknown as object, this.jobOptions(jobId('step', data.runId, data.generation, data.stepKey), client, this.stepRetryLimit));
  }

  // -------------------------------------------------------------------------------------
  // Events
  // -------------------------------------------------------------------------------------

  async routeEvent(job: PgBoss.JobWithMetadata<EventJobData>): Promise<void> {
    const { organizationId, eventId } = job.data;
    try {
      const forSubgraphs = await this.options.db.inTenant(organizationId, 'system', async (client) => {
        // Organizations made after the migration get their default workflows here, before their first event.
        await client.query('select ubos_install_default_workflows()');
        const event = await this.claim(client, organizationId, eventId);
        if (event) await this.handle(client, event);
        return this.subgraphEventOf(client, organizationId, eventId);
      });
      // After the routing committed: the subgraphs' own handlers (each claims the event in its
      // inbox, so a retry of this job after a partial delivery repeats nothing).
      if (forSubgraphs) await this.options.graph.deliverEvent(forSubgraphs);
    } catch (error) {
      if (job.retryCount >= job.retryLimit) await this.deadLetter(organizationId, eventId, error as Error, job.retryCount + 1);
      throw error;
    }
  }

  private async handle(client: Client, event: OutboxRow): Promise<void> {
    if (event.event_type === 'WorkflowRunRetryRequested') return this.resumeRun(client, event.organization_id, event);
    if (event.event_type === 'DeadLetterReplayRequested') {
      // The original event failed every attempt, so it has no inbox row: it is handled now, once.
      const original = await this.claim(client, event.organization_id, String(event.payload.eventId));
      if (original) await this.handle(client, original);
      return;
    }
    await this.startRuns(client, event);
    await this.options.integrations?.route(client, event);
  }

  /**
   * The event this job must hand to the subgraphs, if any: the job's own event, or for a
   * replayed dead letter the original one. Read on every attempt, since the delivery may have
   * failed after the routing committed.
   */
  private async subgraphEventOf(client: Client, organizationId: string, eventId: string): Promise<OutboxRow | undefined> {
    const { rows } = await client.query<OutboxRow>('select * from outbox where organization_id = $1 and id = $2', [organizationId, eventId]);
    let event = rows[0];
    if (event?.event_type === 'DeadLetterReplayRequested') {
      const original = await client.query<OutboxRow>('select * from outbox where organization_id = $1 and id = $2', [organizationId, String(event.payload.eventId)]);
      event = original.rows[0];
    }
    return event && SUBGRAPH_EVENT_TYPES.has(event.event_type) ? event : undefined;
  }

  /** The inbox: the first handling of an event claims it; any later delivery finds the row and does nothing. */
  private async claim(client: Client, organizationId: string, eventId: string): Promise<OutboxRow | undefined> {
    const claimed = await client.query('insert into inbox (organization_id, event_id, handler) values ($1, $2, $3) on conflict do nothing returning event_id', [organizationId, eventId, ROUTER]);
    if (claimed.rowCount === 0) return undefined;
    const { rows } = await client.query<OutboxRow>('select * from outbox where organization_id = $1 and id = $2', [organizationId, eventId]);
    return rows[0];
  }

  private async startRuns(client: Client, event: OutboxRow): Promise<void> {
    const { rows: workflows } = await client.query<{ id: string; version: number; name: string; trigger_conditions: ConditionDefinition[]; steps: StepDefinition[] }>(
      `select id, version, name, trigger_conditions, steps from workflows
        where organization_id = $1 and trigger_event_type = $2 and enabled and deleted_at is null order by id`,
      [event.organization_id, event.event_type],
    );
    const context = { event: eventContext(event) };
    for (const workflow of workflows) {
      if (!conditionsHold(workflow.trigger_conditions, context)) continue;
      const steps: StepRun[] = workflow.steps.map((step) => ({ ...step, status: 'PENDING', attempts: 0, error: null, output: null, startedAt: null, finishedAt: null }));
      const { rows } = await client.query<{ id: string }>(
        `insert into workflow_runs (organization_id, workflow_id, workflow_version, workflow_name, event_id, event_type, event_aggregate_type, event_aggregate_id,
                                    event_payload, event_occurred_at, client_id, steps)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (organization_id, event_id, workflow_id) do nothing returning id`,
        [event.organization_id, workflow.id, workflow.version, workflow.name, event.id, event.event_type, event.aggregate_type, event.aggregate_id, event.payload, event.occurred_at,
          clientOfEvent({ aggregateType: event.aggregate_type, aggregateId: event.aggregate_id, payload: event.payload }), JSON.stringify(steps)],
      );
      const runId = rows[0]?.id;
      if (runId && steps[0]) await this.sendStep(client, { organizationId: event.organization_id, runId, generation: 0, stepKey: steps[0].key });
    }
  }

  /** retryWorkflowRun marked the run pending and asked, through the outbox, for its next step to run. */
  private async resumeRun(client: Client, organizationId: string, event: OutboxRow): Promise<void> {
    const { rows } = await client.query<RunRow>('select * from workflow_runs where organization_id = $1 and id = $2', [organizationId, event.payload.runId]);
    const run = rows[0];
    if (!run || run.generation !== event.payload.generation) return;
    const next = run.steps.find((step) => step.status === 'PENDING' || step.status === 'RUNNING');
    if (next) await this.sendStep(client, { organizationId, runId: run.id, generation: run.generation, stepKey: next.key });
  }

  private async deadLetter(organizationId: string, eventId: string, error: Error, attempts: number): Promise<void> {
    await this.options.db
      .inTenant(organizationId, 'system', (client) =>
        client.query(
          `insert into event_dead_letters (organization_id, id, event_type, handler, attempts, error)
           select organization_id, id, event_type, $3, $4, $5 from outbox where organization_id = $1 and id = $2
           on conflict (organization_id, id) do update set attempts = excluded.attempts, error = excluded.error, failed_at = now(), replayed_at = null, replayed_by = null`,
          [organizationId, eventId, ROUTER, attempts, error.message.slice(0, 2000)],
        ),
      )
      .catch((failure) => this.options.log({ level: 'error', msg: 'could not record a dead letter', eventId, error: String(failure) }));
    this.options.log({ level: 'error', msg: 'event is a dead letter', organizationId, eventId, error: error.message });
  }

  // -------------------------------------------------------------------------------------
  // Steps
  // -------------------------------------------------------------------------------------

  async runStep(job: PgBoss.JobWithMetadata<StepJobData>): Promise<void> {
    const { organizationId, runId, generation, stepKey } = job.data;
    const { db, graph } = this.options;
    const actor = `workflow:${runId}`;
    // 1. Claim: the step becomes RUNNING with one more attempt (committed before any effect).
    const claim = await db.inTenant(organizationId, actor, async (client) => {
      const run = await lockRun(client, organizationId, runId, true);
      if (!run || run.generation !== generation || isFinal(run.status)) return undefined;
      const index = run.steps.findIndex((step) => step.key === stepKey);
      const step = run.steps[index];
      // Already done (this job was redelivered after its successor was sent): nothing to do.
      if (!step || step.status === 'SUCCEEDED' || step.status === 'SKIPPED' || step.status === 'FAILED') return undefined;
      const now = new Date().toISOString();
      if (step.attempts - (step.attemptsAtRetry ?? 0) >= this.settings.maxAttempts) {
        await this.fail(client, run, index, step.error ?? 'No attempt finished (the worker stopped during each)');
        return undefined;
      }
      step.status = 'RUNNING';
      step.attempts += 1;
      step.startedAt ??= now;
      await saveRun(client, run, 'RUNNING');
      const secret = step.kind === 'CALL_WEBHOOK' ? await webhookSecret(client, organizationId, run.workflow_id, step.key) : undefined;
      return { run, index, step, secret };
    });
    if (!claim) return;
    const { run, index, step } = claim;

    // 2. Perform, through the gateway, holding no transaction.
    let output: Record<string, unknown> | undefined;
    let failure: StepError | undefined;
    try {
      const context: TemplateContext = {
        event: eventContext({
          id: run.event_id,
          event_type: run.event_type,
          aggregate_type: run.event_aggregate_type,
          aggregate_id: run.event_aggregate_id,
          payload: run.event_payload,
          occurred_at: run.event_occurred_at,
        }),
        run: { id: run.id },
        steps: Object.fromEntries(run.steps.filter((earlier) => earlier.status === 'SUCCEEDED').map((earlier) => [earlier.key, earlier.output])),
      };
      const input = renderTemplates(step.input, context) as Record<string, unknown>;
      output = await performStep(graph, { organizationId, runId, workflowId: run.workflow_id, stepKey, kind: step.kind, input, context, secret: claim.secret }, this.settings);
    } catch (error) {
      failure =
        error instanceof StepError ? error : error instanceof TemplateError ? new StepError(error.message, true) : new StepError(`Unexpected: ${(error as Error).message}`, false);
    }

    // 3. Record, and send the next step's job in the same transaction.
    const retry = await db.inTenant(organizationId, actor, async (client) => {
      const current = await lockRun(client, organizationId, runId, false);
      if (!current || current.generation !== generation || isFinal(current.status)) return false;
      const mine = current.steps[index]!;
      const now = new Date().toISOString();
      if (!failure) {
        Object.assign(mine, { status: 'SUCCEEDED', output, error: null, finishedAt: now });
        const next = current.steps[index + 1];
        if (next) {
          await saveRun(client, current, 'RUNNING');
          await this.sendStep(client, { organizationId, runId, generation, stepKey: next.key });
        } else {
          await saveRun(client, current, 'SUCCEEDED', true);
        }
        return false;
      }
      const used = mine.attempts - (mine.attemptsAtRetry ?? 0);
      if (failure.permanent || used >= this.settings.maxAttempts || job.retryCount >= job.retryLimit) {
        await this.fail(client, current, index, failure.message);
        return false;
      }
      Object.assign(mine, { status: 'PENDING', error: failure.message });
      await saveRun(client, current, 'PENDING');
      return true;
    });
    // pg-boss retries the job later, with backoff.
    if (retry) throw failure!;
  }

  /** The step failed for good: the run is FAILED (a dead letter that retryWorkflowRun resumes), the steps after it SKIPPED. */
  private async fail(client: Client, run: RunRow, index: number, message: string): Promise<void> {
    const now = new Date().toISOString();
    Object.assign(run.steps[index]!, { status: 'FAILED', error: message.slice(0, 2000), finishedAt: now });
    for (const later of run.steps.slice(index + 1)) if (later.status === 'PENDING') later.status = 'SKIPPED';
    await saveRun(client, run, 'FAILED', true);
    this.options.log({ level: 'warn', msg: 'workflow run failed', runId: run.id, step: run.steps[index]!.key, error: message });
  }
}

function isFinal(status: RunStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'SKIPPED';
}

function eventContext(event: Pick<OutboxRow, 'id' | 'event_type' | 'payload' | 'occurred_at'> & Partial<OutboxRow>): TemplateContext['event'] {
  return {
    id: event.id,
    type: event.event_type,
    payload: event.payload,
    occurredAt: new Date(event.occurred_at).toISOString(),
    ...(event.aggregate_type ? { aggregateType: event.aggregate_type, aggregateId: event.aggregate_id } : {}),
  };
}

/** Locks the run row; with `noWait`, another worker holding it makes this job retry later. */
async function lockRun(client: Client, organizationId: string, runId: string, noWait: boolean): Promise<RunRow | undefined> {
  const { rows } = await client.query<RunRow>(`select * from workflow_runs where organization_id = $1 and id = $2 for update${noWait ? ' nowait' : ''}`, [organizationId, runId]);
  return rows[0];
}

async function saveRun(client: Client, run: RunRow, status: RunStatus, finished = false): Promise<void> {
  await client.query(
    `update workflow_runs set status = $3, steps = $4, updated_at = now(),
       started_at = coalesce(started_at, case when $3 <> 'PENDING' then now() end),
       finished_at = case when $5 then now() else null end
     where organization_id = $1 and id = $2`,
    [run.organization_id, run.id, status, JSON.stringify(run.steps), finished],
  );
  run.status = status;
}

async function webhookSecret(client: Client, organizationId: string, workflowId: string, stepKey: string): Promise<string | undefined> {
  const { rows } = await client.query<{ secret: string }>('select secret from workflow_secrets where organization_id = $1 and workflow_id = $2 and step_key = $3', [organizationId, workflowId, stepKey]);
  return rows[0]?.secret;
}

export { EVENT_QUEUE, STEP_QUEUE };
