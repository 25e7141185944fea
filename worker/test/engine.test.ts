import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_QUEUE, QUEUE_SCHEMA, STEP_QUEUE } from '@ubos/db';
import { createTokenService } from '@ubos/kernel';
import type { RunningWorker } from '@ubos/worker';
import type { GraphQLClient } from '@ubos/test-support/stack';
import { startWebhookTarget, startWorkflowStack, waitUntil, type WorkflowStack } from './support.js';

// The engine end to end, through the real gateway and a real worker (in this process): an
// event committed by a mutation starts the workflows of its tenant, whose steps act through the
// graph as workflow:<run id>; redeliveries change nothing; a failing step retries, fails the
// run, and retryWorkflowRun resumes it from that step.

let stack: WorkflowStack;
let alpha: GraphQLClient;
let beta: GraphQLClient;
let worker: RunningWorker;
let webhookStatus = 200;
let target: Awaited<ReturnType<typeof startWebhookTarget>>;
let betaTarget: Awaited<ReturnType<typeof startWebhookTarget>>;
const SECRET = 'a-signing-secret-of-the-test';

const RUN_FIELDS = 'id status retries workflowVersion event { id type payload } client { id } startedAt finishedAt steps { key name kind status attempts totalAttempts error output }';

async function createClient(client: GraphQLClient, name: string): Promise<string> {
  const result = await client.request('mutation($name: String!) { createClient(input: { name: $name }) { id } }', { name });
  expect(result.errors).toBeUndefined();
  return result.data.createClient.id;
}

async function runsOfClient(client: GraphQLClient, clientId: string) {
  const result = await client.request(`query($id: ID!) { client(id: $id) { workflowRuns(first: 10) { totalCount edges { node { ${RUN_FIELDS} } } } } }`, { id: clientId });
  expect(result.errors).toBeUndefined();
  return result.data.client.workflowRuns as { totalCount: number; edges: Array<{ node: any }> };
}

async function finishedRun(client: GraphQLClient, clientId: string, statuses = ['SUCCEEDED', 'FAILED']) {
  return waitUntil(async () => {
    const runs = await runsOfClient(client, clientId);
    const run = runs.edges[0]?.node;
    return run && statuses.includes(run.status) ? run : undefined;
  }, `a finished run for client ${clientId}`);
}

async function onboardingWorkflow(client: GraphQLClient, url: string, name = 'Onboard new clients') {
  const result = await client.request(
    `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id version steps { key kind input } } }`,
    {
      input: {
        name,
        trigger: { eventType: 'ClientCreated', conditions: [{ path: 'event.payload.name', operator: 'NOT_EQUALS', value: 'Skip me' }] },
        steps: [
          {
            key: 'project',
            name: 'Open the onboarding project',
            kind: 'CREATE_PROJECT',
            input: {
              clientId: '{{event.aggregateId}}',
              name: 'Onboarding {{event.payload.name}}',
              milestones: [{ name: 'Kick-off' }],
              tasks: [{ title: 'Send the welcome pack', milestone: 'Kick-off' }, { title: 'Book the kick-off call' }],
            },
          },
          { key: 'notify', kind: 'CALL_WEBHOOK', input: { url, secret: SECRET, data: { projectId: '{{steps.project.id}}', client: '{{event.payload.name}}' } } },
        ],
      },
    },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createWorkflow as { id: string };
}

beforeAll(async () => {
  stack = await startWorkflowStack();
  alpha = await stack.as('alpha');
  beta = await stack.as('beta');
  target = await startWebhookTarget(() => webhookStatus);
  betaTarget = await startWebhookTarget(() => 200);
  await onboardingWorkflow(alpha, target.url);
  await onboardingWorkflow(beta, betaTarget.url, 'Beta onboarding');
  worker = await stack.startWorker();
});

afterAll(async () => {
  await stack?.close();
  await target?.close();
  await betaTarget?.close();
});

describe('delivery: outbox to pg-boss to the inbox', () => {
  it('runs the tenant\'s workflow for a committed event, acting through the graph as workflow:<run id>', async () => {
    const clientId = await createClient(alpha, 'Initech');
    const run = await finishedRun(alpha, clientId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', retries: 0, event: { type: 'ClientCreated', payload: { name: 'Initech' } }, client: { id: clientId } });
    expect(run.steps.map((step: any) => [step.key, step.status, step.attempts, step.error])).toEqual([
      ['project', 'SUCCEEDED', 1, null],
      ['notify', 'SUCCEEDED', 1, null],
    ]);
    expect(run.startedAt).toBeTruthy();
    expect(run.finishedAt).toBeTruthy();

    // Exactly one project, with its template, made by the workflow's actor and audited as such.
    const projects = await stack.db.admin('select id, name from projects where client_id = $1', [clientId]);
    expect(projects).toEqual([{ id: run.steps[0].output.id, name: 'Onboarding Initech' }]);
    expect(run.steps[0].output.taskIds).toHaveLength(2);
    expect(run.steps[0].output.milestoneIds).toHaveLength(1);
    const events = await stack.db.admin('select entity_type, action, actor from activity_events where client_id = $1 order by seq', [clientId]);
    expect(events.filter((event) => event.actor === `workflow:${run.id}`).map((event) => event.entity_type).sort()).toEqual(['Milestone', 'Project', 'Task', 'Task']);
    const timeline = await alpha.request('query($id: ID!) { client(id: $id) { timeline(first: 20) { edges { node { entityType actor } } } } }', { id: clientId });
    expect(timeline.data.client.timeline.edges.filter((edge: any) => edge.node.actor === `workflow:${run.id}`)).toHaveLength(4);

    // The webhook got one signed call, with the earlier step's output.
    const calls = target.requests.filter((request) => JSON.parse(request.body).event.id === run.event.id);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${call!.headers['x-ubos-timestamp']}.${call!.body}`).digest('hex')}`;
    expect(call!.headers['x-ubos-signature']).toBe(expected);
    expect(call!.headers['x-ubos-delivery']).toBe(`${run.id}:notify`);
    expect(JSON.parse(call!.body)).toMatchObject({ step: 'notify', run: { id: run.id }, data: { projectId: run.steps[0].output.id, client: 'Initech' } });

    // The router's claim (crm claims ClientCreated too, for its duplicate candidates).
    const inbox = await stack.db.admin('select handler from inbox where event_id = $1', [run.event.id]);
    expect(inbox).toContainEqual({ handler: 'workflow-router' });
  });

  it('gives a redelivered event, and a repeated step job, no second effect', async () => {
    const clientId = await createClient(alpha, 'Umbrella');
    const run = await finishedRun(alpha, clientId);
    const [{ organization_id: organizationId }] = await stack.db.admin('select organization_id from workflow_runs where id = $1', [run.id]);
    const callsBefore = target.requests.length;
    // At least once: the same event delivered three more times, and each step's job again.
    const boss = new PgBoss({ connectionString: stack.db.adminUrl, schema: QUEUE_SCHEMA, supervise: false, schedule: false, migrate: false, max: 1 });
    await boss.start();
    try {
      for (let index = 0; index < 3; index++) await boss.send(EVENT_QUEUE, { organizationId, eventId: run.event.id });
      for (const step of run.steps) await boss.send(STEP_QUEUE, { organizationId, runId: run.id, generation: 0, stepKey: step.key });
      await waitUntil(async () => {
        const [pending] = await stack.db.admin(`select count(*)::int as n from ${QUEUE_SCHEMA}.job where state < 'completed'`);
        return pending.n === 0;
      }, 'the redeliveries to be handled');
    } finally {
      await boss.stop({ graceful: false });
    }
    expect((await runsOfClient(alpha, clientId)).totalCount).toBe(1);
    expect(await stack.db.admin('select id from projects where client_id = $1', [clientId])).toHaveLength(1);
    expect(target.requests.length).toBe(callsBefore);
    const [again] = (await runsOfClient(alpha, clientId)).edges.map((edge) => edge.node);
    expect(again.steps.map((step: any) => step.attempts)).toEqual([1, 1]);
  });

  it('starts no run when the trigger\'s conditions do not hold, nor for a disabled workflow', async () => {
    const skipped = await createClient(alpha, 'Skip me');
    await worker.dispatchNow();
    await waitUntil(async () => (await stack.db.admin("select 1 from outbox o join inbox i on i.event_id = o.id where o.aggregate_id = $1 and i.handler = 'workflow-router'", [skipped])).length === 1, 'the event to be handled');
    expect((await runsOfClient(alpha, skipped)).totalCount).toBe(0);
  });

  it('never runs a workflow of another tenant: each event runs its own tenant\'s workflows only', async () => {
    const betaCallsBefore = betaTarget.requests.length;
    const alphaClient = await createClient(alpha, 'Alpha only');
    const betaClient = await createClient(beta, 'Beta only');
    const alphaRun = await finishedRun(alpha, alphaClient);
    const betaRun = await finishedRun(beta, betaClient);
    const [alphaRow] = await stack.db.admin('select r.organization_id, w.organization_id as workflow_org from workflow_runs r join workflows w on w.organization_id = r.organization_id and w.id = r.workflow_id where r.id = $1', [alphaRun.id]);
    expect(alphaRow.organization_id).toBe(stack.tenants.alpha!.organizationId);
    expect(alphaRow.workflow_org).toBe(stack.tenants.alpha!.organizationId);
    // Each tenant's own workflow ran once for its own event, and never for the other's.
    const runsByEvent = await stack.db.admin('select event_id, organization_id from workflow_runs where event_id = any($1::uuid[])', [[alphaRun.event.id, betaRun.event.id]]);
    expect(runsByEvent).toHaveLength(2);
    expect(betaTarget.requests.length - betaCallsBefore).toBe(1);
    expect(JSON.parse(betaTarget.requests.at(-1)!.body).event.id).toBe(betaRun.event.id);
    // Beta sees none of alpha's runs through the graph.
    expect((await beta.request('query($id: ID!) { workflowRun(id: $id) { id } }', { id: alphaRun.id })).data).toEqual({ workflowRun: null });
  });

  it('accepts a service token only from the platform key, for its one organization, without any role', async () => {
    const runId = '01900000-0000-7000-8000-00000000abcd';
    const token = await stack.stack.tokens.signService({ organizationId: stack.tenants.beta!.organizationId, runId });
    const service = alpha.withToken(token);
    const own = await service.request('{ organization { id } clients(first: 1) { totalCount } }');
    expect(own.data.organization.id).toBe(stack.tenants.beta!.organizationId);
    expect((await service.request('{ workflows(includeDeleted: true) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Minted with another key, or a user token passed off as one (and the reverse): refused.
    const otherKeys = await createTokenService({ keyDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-other-keys-')) });
    const forged = await alpha.withToken(await otherKeys.signService({ organizationId: stack.tenants.beta!.organizationId, runId })).request('{ organization { id } }');
    expect(forged.status).toBe(401);
    await expect(stack.stack.tokens.verifyService(alpha.token!)).rejects.toThrow();
    await expect(stack.stack.tokens.verify(token)).rejects.toThrow();
  });

  it('connects the worker as a role that reads every tenant\'s outbox but no domain table', async () => {
    const client = new pg.Client({ connectionString: stack.workerUrl });
    await client.connect();
    try {
      const [{ count }] = (await client.query('select count(distinct organization_id)::int as count from outbox')).rows;
      expect(count).toBeGreaterThanOrEqual(2);
      for (const table of ['clients', 'projects', 'activity_events', 'idempotency_keys']) await expect(client.query(`select 1 from ${table} limit 1`)).rejects.toThrow(/permission denied/);
      // Its engine tables are per tenant: with no tenant set, nothing.
      expect((await client.query('select count(*)::int as n from workflow_runs')).rows[0].n).toBe(0);
      const [{ rolsuper, rolbypassrls }] = (await client.query('select rolsuper, rolbypassrls from pg_roles where rolname = current_user')).rows;
      expect([rolsuper, rolbypassrls]).toEqual([false, false]);
    } finally {
      await client.end();
    }
  });
});

describe('failures: retries with backoff, a dead letter, and retryWorkflowRun', () => {
  it('retries a failing webhook, fails the run, and resumes from that step without repeating earlier ones', async () => {
    webhookStatus = 500;
    const callsBefore = target.requests.length;
    const clientId = await createClient(alpha, 'Flaky Corp');
    const failed = await finishedRun(alpha, clientId);
    expect(failed.status).toBe('FAILED');
    expect(failed.steps.map((step: any) => [step.key, step.status, step.attempts])).toEqual([
      ['project', 'SUCCEEDED', 1],
      ['notify', 'FAILED', 3],
    ]);
    expect(failed.steps[1].error).toBe('The webhook answered HTTP 500');
    expect(target.requests.length - callsBefore).toBe(3);
    // Admins find it among the failed runs.
    const dead = await alpha.request('{ workflowRuns(filter: { status: [FAILED] }) { edges { node { id } } } }');
    expect(dead.data.workflowRuns.edges.map((edge: any) => edge.node.id)).toContain(failed.id);

    webhookStatus = 200;
    const retried = await alpha.request(`mutation($id: ID!) { retryWorkflowRun(id: $id) { ${RUN_FIELDS} } }`, { id: failed.id });
    expect(retried.errors).toBeUndefined();
    expect(retried.data.retryWorkflowRun).toMatchObject({ status: 'PENDING', retries: 1 });
    const resumed = await finishedRun(alpha, clientId);
    expect(resumed.status).toBe('SUCCEEDED');
    // attempts counts the tries since the last retry (each retry gets a fresh budget); totalAttempts keeps them all.
    expect(resumed.steps.map((step: any) => [step.key, step.status, step.attempts, step.totalAttempts])).toEqual([
      ['project', 'SUCCEEDED', 1, 1],
      ['notify', 'SUCCEEDED', 1, 4],
    ]);
    expect(resumed.steps[0].output).toEqual(failed.steps[0].output);
    expect(await stack.db.admin('select id from projects where client_id = $1', [clientId])).toHaveLength(1);
    expect(target.requests.length - callsBefore).toBe(4);

    // Only a failed run can be retried; the message names the status.
    const again = await alpha.request('mutation($id: ID!) { retryWorkflowRun(id: $id) { id } }', { id: failed.id });
    expect(again.errors?.[0]).toMatchObject({ message: 'The workflow run is SUCCEEDED: only a FAILED run can be retried', extensions: { code: 'CONFLICT' } });
  });

  it('makes an event whose handler fails every attempt a dead letter, which an admin replays once it can work', async () => {
    // The worker loses its right to start runs: routing fails on every attempt.
    await stack.db.admin('revoke insert on workflow_runs from ubos_test_worker');
    let clientId: string;
    let letter: any;
    try {
      clientId = await createClient(alpha, 'Dead letter Inc');
      letter = await waitUntil(async () => {
        const result = await alpha.request('{ deadLetterEvents { edges { node { id eventType handler attempts error replayedAt } } } }');
        return result.data.deadLetterEvents.edges.map((edge: any) => edge.node).find((node: any) => node.eventType === 'ClientCreated');
      }, 'the dead letter');
    } finally {
      await stack.db.admin('grant insert on workflow_runs to ubos_test_worker');
    }
    expect(letter).toMatchObject({ handler: 'workflow-router', attempts: 3, replayedAt: null, error: expect.stringContaining('permission denied') });
    const [event] = await stack.db.admin(`select id from outbox where aggregate_id = $1 and event_type = 'ClientCreated'`, [clientId!]);
    expect(letter.id).toBe(event.id);
    expect((await runsOfClient(alpha, clientId!)).totalCount).toBe(0);

    const replayed = await alpha.request('mutation($id: ID!) { replayDeadLetterEvent(id: $id) { replayedAt replayedBy } }', { id: letter.id });
    expect(replayed.errors).toBeUndefined();
    const run = await finishedRun(alpha, clientId!);
    expect(run).toMatchObject({ status: 'SUCCEEDED', event: { id: letter.id } });
    expect(await stack.db.admin('select id from projects where client_id = $1', [clientId!])).toHaveLength(1);
    expect(await stack.db.admin("select handler from inbox where event_id = $1 and handler = 'workflow-router'", [letter.id])).toHaveLength(1);
  });

  it('fails a step for good at once when the graph refuses its input (retrying would not help)', async () => {
    const created = await alpha.request(
      `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { id } }`,
      { input: { name: 'Broken', trigger: { eventType: 'ClientUpdated' }, steps: [{ key: 'task', kind: 'CREATE_PROJECT', input: { clientId: '{{event.aggregateId}}', name: '{{event.payload.missing}}' } }] } },
    );
    expect(created.errors).toBeUndefined();
    const clientId = await createClient(alpha, 'Soon updated');
    await finishedRun(alpha, clientId);
    expect((await alpha.request('mutation($id: ID!) { updateClient(id: $id, input: { notes: "x" }) { id } }', { id: clientId })).errors).toBeUndefined();
    const run = await waitUntil(async () => {
      const runs = await runsOfClient(alpha, clientId);
      return runs.edges.map((edge) => edge.node).find((node) => node.event.type === 'ClientUpdated' && node.status === 'FAILED');
    }, 'the broken run to fail');
    expect(run.steps).toEqual([expect.objectContaining({ key: 'task', status: 'FAILED', attempts: 1, error: '{{event.payload.missing}} has no value' })]);
    await alpha.request('mutation($id: ID!) { disableWorkflow(id: $id) { enabled } }', { id: created.data.createWorkflow.id });
  });
});
