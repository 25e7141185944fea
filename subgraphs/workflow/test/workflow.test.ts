import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The workflow subgraph through the gateway (no worker here: worker/test runs them): workflows
// and their validation, versions and soft deletes, runs and dead letters as the graph shows
// them, retries; and the kernel's generic idempotency keys, which every mutation accepts.

let t: TestStack;
let owner: GraphQLClient;
let member: GraphQLClient;
let alphaId: string;

const CREATE = 'mutation($input: CreateWorkflowInput!, $key: String) { createWorkflow(input: $input, idempotencyKey: $key) { id name version enabled systemKey trigger { eventType conditions { path operator value } } steps { key name kind input } } }';

function workflowInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Won deal kit',
    description: 'Contract, engagement and a ping',
    trigger: { eventType: 'DealStageChanged', conditions: [{ path: 'event.payload.to', operator: 'EQUALS', value: 'WON' }] },
    steps: [
      { key: 'project', kind: 'CREATE_PROJECT', input: { clientId: '{{event.payload.clientId}}', name: 'Delivery', milestones: [{ name: 'Start' }], tasks: [{ title: 'Plan', milestone: 'Start' }] } },
      { key: 'ping', name: 'Ping the team', kind: 'CALL_WEBHOOK', input: { url: 'https://hooks.example.com/won', secret: 'sixteen-chars-secret', data: { project: '{{steps.project.id}}' } } },
    ],
    ...overrides,
  };
}

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  member = await t.anonymous.login('member@alpha.test');
  alphaId = t.tenants.alpha!.organizationId;
});
afterAll(() => t?.close());

describe('workflows', () => {
  it('gives every organization the default "Proposal accepted" workflow', async () => {
    const result = await owner.request('{ workflows(filter: { eventType: "ProposalAccepted" }) { totalCount edges { node { name enabled systemKey trigger { eventType } steps { key kind input } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.workflows.totalCount).toBe(1);
    const workflow = result.data.workflows.edges[0].node;
    expect(workflow).toMatchObject({ name: 'Proposal accepted', enabled: true, systemKey: 'proposal-accepted', trigger: { eventType: 'ProposalAccepted' } });
    expect(workflow.steps.map((step: any) => [step.key, step.kind])).toEqual([
      ['contract', 'CREATE_CONTRACT'],
      ['engagement', 'CREATE_ENGAGEMENT'],
      ['project', 'CREATE_PROJECT'],
      ['welcome', 'POST_MESSAGE'],
    ]);
    expect(workflow.steps[1].input.contractId).toBe('{{steps.contract.id}}');
    expect(workflow.steps[3].input.body).toBe('Welcome aboard');
    for (const slug of ['beta', 'gamma']) {
      const [row] = await t.db.admin(`select count(*)::int as n from workflows w join organizations o on o.id = w.organization_id where o.slug = $1 and w.system_key = 'proposal-accepted'`, [slug]);
      expect(row.n).toBe(1);
    }
    // An organization made later gets it from the same function, once, however often it runs.
    const [org] = await t.db.admin(`insert into organizations (name, slug) values ('Later', 'later') returning id`);
    const install = `begin; select set_config('app.organization_id', '${org.id}', true); select ubos_install_default_workflows(); select ubos_install_default_workflows(); commit;`;
    await t.db.admin(install);
    const [later] = await t.db.admin(`select count(*)::int as n from workflows where organization_id = $1`, [org.id]);
    expect(later.n).toBe(1);
  });

  it('creates a workflow, audited and versioned, with the webhook secret kept out of sight', async () => {
    const result = await owner.request(CREATE, { input: workflowInput() });
    expect(result.errors).toBeUndefined();
    const workflow = result.data.createWorkflow;
    expect(workflow).toMatchObject({ name: 'Won deal kit', version: 1, enabled: true, systemKey: null, trigger: { eventType: 'DealStageChanged', conditions: [{ path: 'event.payload.to', operator: 'EQUALS', value: 'WON' }] } });
    expect(workflow.steps[0]).toMatchObject({ key: 'project', name: 'project', kind: 'CREATE_PROJECT' });
    expect(workflow.steps[1]).toEqual({ key: 'ping', name: 'Ping the team', kind: 'CALL_WEBHOOK', input: { url: 'https://hooks.example.com/won', data: { project: '{{steps.project.id}}' } } });
    const [secret] = await t.db.admin('select secret from workflow_secrets where workflow_id = $1', [workflow.id]);
    expect(secret.secret).toBe('sixteen-chars-secret');
    const trail = await t.db.admin(`select actor, action from activity_events where entity_id = $1`, [workflow.id]);
    expect(trail).toEqual([{ actor: expect.stringMatching(/^user:/), action: 'created' }]);
    const leaked = await t.db.admin(`select count(*)::int as n from activity_events a, entity_history h where (a.changes::text like '%sixteen-chars-secret%' or h.data::text like '%sixteen-chars-secret%')`);
    expect(leaked[0].n).toBe(0);
  });

  it('refuses bad workflows with BAD_USER_INPUT naming the input at fault', async () => {
    const steps = workflowInput().steps;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: ' ' }, 'input.name'],
      [{ trigger: { eventType: 'not an event' } }, 'input.trigger.eventType'],
      [{ trigger: { eventType: 'DealStageChanged', conditions: [{ path: 'payload.stage', operator: 'EQUALS', value: 'WON' }] } }, 'input.trigger.conditions.0.path'],
      [{ trigger: { eventType: 'DealStageChanged', conditions: [{ path: 'event.payload.to', operator: 'IN', value: 'WON' }] } }, 'input.trigger.conditions.0.value'],
      [{ trigger: { eventType: 'DealStageChanged', conditions: [{ path: 'event.payload.value', operator: 'GREATER_THAN', value: 'big' }] } }, 'input.trigger.conditions.0.value'],
      [{ steps: [] }, 'input.steps'],
      [{ steps: [steps[0], { ...steps[0] }] }, 'input.steps.1.key'],
      [{ steps: [{ ...steps[0], key: 'Bad key' }] }, 'input.steps.0.key'],
      [{ steps: [{ key: 'c', kind: 'CREATE_CONTRACT', input: {} }] }, 'input.steps.0.input.proposalId'],
      [{ steps: [{ key: 'c', kind: 'CREATE_CONTRACT', input: { proposalId: '{{event.payload.proposalId}}', extra: 1 } }] }, 'input.steps.0.input.extra'],
      [{ steps: [{ key: 'c', kind: 'CREATE_CONTRACT', input: 'x' }] }, 'input.steps.0.input'],
      [{ steps: [{ key: 'e', kind: 'CREATE_ENGAGEMENT', input: { clientId: '{{event.payload.clientId}}', name: 'E', type: 'RETAINER', contractId: '{{steps.contract.id}}' } }] }, 'input.steps.0.input.contractId'],
      [{ steps: [{ key: 'm', kind: 'POST_MESSAGE', input: { clientId: '{{event.payload.clientId}}', body: 'Hi {{organization.name}}' } }] }, 'input.steps.0.input.body'],
      [{ steps: [{ key: 'm', kind: 'POST_MESSAGE', input: { clientId: '{{run.number}}', body: 'Hi' } }] }, 'input.steps.0.input.clientId'],
      [{ steps: [{ key: 'w', kind: 'CALL_WEBHOOK', input: { url: 'https://example.com' } }] }, 'input.steps.0.input.secret'],
      [{ steps: [{ key: 'w', kind: 'CALL_WEBHOOK', input: { url: 'https://example.com', secret: 'short' } }] }, 'input.steps.0.input.secret'],
      [{ steps: [{ key: 'w', kind: 'CALL_WEBHOOK', input: { url: 'ftp://example.com', secret: 'sixteen-chars-secret' } }] }, 'input.steps.0.input.url'],
      [{ steps: [{ key: 'w', kind: 'CALL_WEBHOOK', input: { url: '{{event.payload.url}}', secret: 'sixteen-chars-secret' } }] }, 'input.steps.0.input.url'],
      [{ steps: [{ key: 'p', kind: 'CREATE_PROJECT', input: { clientId: 'x', name: 'P', tasks: [{ title: 'T', milestone: 'Nope' }] } }] }, 'input.steps.0.input.tasks.0.milestone'],
      [{ steps: [{ key: 'p', kind: 'CREATE_PROJECT', input: { clientId: 'x', name: 'P', milestones: [{}] } }] }, 'input.steps.0.input.milestones.0.name'],
      [{ steps: [{ key: 'i', kind: 'CREATE_INVOICE', input: { clientId: 'x', currency: 'USD', lineItems: 'none' } }] }, 'input.steps.0.input.lineItems'],
    ];
    for (const [overrides, field] of cases) {
      const result = await owner.request(CREATE, { input: workflowInput(overrides) });
      expect(result.errors?.[0]?.extensions, JSON.stringify(overrides)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const [row] = await t.db.admin(`select count(*)::int as n from workflows where organization_id = $1 and name = 'Won deal kit'`, [alphaId]);
    expect(row.n).toBe(1);
  });

  it('lets only owners and admins manage workflows; members read them', async () => {
    const denied = await member.request(CREATE, { input: workflowInput({ name: 'By a member' }) });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await member.request('{ workflows { totalCount } workflowRuns { totalCount } }');
    expect(read.errors).toBeUndefined();
    expect(read.data.workflows.totalCount).toBeGreaterThanOrEqual(1);
    expect((await member.request('{ deadLetterEvents { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('updates with optimistic concurrency, keeps the secret, and keeps every version', async () => {
    const { data } = await owner.request(CREATE, { input: workflowInput({ name: 'To change' }) });
    const id = data.createWorkflow.id;
    const stale = await owner.request('mutation($id: ID!) { updateWorkflow(id: $id, input: { name: "X" }, expectedVersion: 7) { id } }', { id });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    const steps = workflowInput().steps.map((step) => (step.kind === 'CALL_WEBHOOK' ? { ...step, input: { url: 'https://hooks.example.com/v2', data: {} } } : step));
    const updated = await owner.request(
      'mutation($id: ID!, $steps: [WorkflowStepInput!]) { updateWorkflow(id: $id, input: { name: "Changed", steps: $steps }, expectedVersion: 1) { name version steps { input } } }',
      { id, steps },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateWorkflow).toMatchObject({ name: 'Changed', version: 2, steps: [{}, { input: { url: 'https://hooks.example.com/v2', data: {} } }] });
    const [secret] = await t.db.admin('select secret from workflow_secrets where workflow_id = $1', [id]);
    expect(secret.secret).toBe('sixteen-chars-secret');
    // The same values again change nothing: no version, no event.
    const same = await owner.request('mutation($id: ID!) { updateWorkflow(id: $id, input: { name: "Changed" }) { version } }', { id });
    expect(same.data.updateWorkflow.version).toBe(2);
    const history = await owner.request('query($id: ID!) { workflow(id: $id) { history { totalCount edges { node { version actor snapshot { name } } } } } }', { id });
    expect(history.data.workflow.history.edges.map((edge: any) => [edge.node.version, edge.node.snapshot.name])).toEqual([
      [1, 'To change'],
      [2, 'Changed'],
    ]);
    const [{ created_at: createdAt }] = await t.db.admin('select valid_to as created_at from entity_history where entity_id = $1 and version = 1', [id]);
    const then = await owner.request('query($id: ID!, $at: DateTime) { workflow(id: $id, asOf: $at) { name } }', { id, at: new Date(new Date(createdAt).getTime() - 1).toISOString() });
    expect(then.data.workflow).toEqual({ name: 'To change' });
    const events = await t.db.admin('select action from activity_events where entity_id = $1 order by seq', [id]);
    expect(events.map((event) => event.action)).toEqual(['created', 'updated']);
  });

  it('enables, disables, deletes and restores', async () => {
    const { data } = await owner.request(CREATE, { input: workflowInput({ name: 'Lifecycle' }) });
    const id = data.createWorkflow.id;
    const disabled = await owner.request('mutation($id: ID!) { disableWorkflow(id: $id) { enabled version } }', { id });
    expect(disabled.data.disableWorkflow).toEqual({ enabled: false, version: 2 });
    const again = await owner.request('mutation($id: ID!) { disableWorkflow(id: $id) { enabled version } }', { id });
    expect(again.data.disableWorkflow).toEqual({ enabled: false, version: 2 });
    expect((await owner.request('{ workflows(filter: { enabled: false }) { edges { node { id } } } }')).data.workflows.edges.map((edge: any) => edge.node.id)).toContain(id);
    const enabled = await owner.request('mutation($id: ID!) { enableWorkflow(id: $id) { enabled version } }', { id });
    expect(enabled.data.enableWorkflow).toEqual({ enabled: true, version: 3 });
    const deleted = await owner.request('mutation($id: ID!) { deleteWorkflow(id: $id) { deletedAt deletedBy } }', { id });
    expect(deleted.data.deleteWorkflow.deletedBy).toMatch(/^user:/);
    expect((await owner.request('query($id: ID!) { workflow(id: $id) { id } }', { id })).data.workflow).toBeNull();
    expect((await owner.request('mutation($id: ID!) { enableWorkflow(id: $id) { id } }', { id })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const listed = await owner.request('{ workflows(includeDeleted: true) { edges { node { id deletedAt } } } }');
    expect(listed.data.workflows.edges.find((edge: any) => edge.node.id === id).node.deletedAt).toBeTruthy();
    expect((await member.request('{ workflows(includeDeleted: true) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const restored = await owner.request('mutation($id: ID!) { restoreWorkflow(id: $id) { deletedAt } }', { id });
    expect(restored.data.restoreWorkflow.deletedAt).toBeNull();
    const actions = await t.db.admin('select action from activity_events where entity_id = $1 order by seq', [id]);
    expect(actions.map((event) => event.action)).toEqual(['created', 'updated', 'updated', 'deleted', 'restored']);
    const announced = await t.db.admin('select event_type, aggregate_type, payload from outbox where aggregate_id = $1 order by id', [id]);
    expect(announced).toEqual([
      { event_type: 'WorkflowCreated', aggregate_type: 'Workflow', payload: { version: 1, enabled: true, triggerEventType: expect.any(String) } },
      { event_type: 'WorkflowUpdated', aggregate_type: 'Workflow', payload: { version: 2, changed: ['enabled'] } },
      { event_type: 'WorkflowUpdated', aggregate_type: 'Workflow', payload: { version: 3, changed: ['enabled'] } },
      { event_type: 'WorkflowDeleted', aggregate_type: 'Workflow', payload: { version: 4 } },
      { event_type: 'WorkflowRestored', aggregate_type: 'Workflow', payload: { version: 5 } },
    ]);
  });
});

describe('runs and dead letters', () => {
  it('lists runs newest first, by status and by client, with their steps and event', async () => {
    const all = await owner.request('{ workflowRuns(first: 50) { totalCount edges { node { id status workflowName event { type aggregateType payload } client { id name } workflow { systemKey } steps { key kind status attempts error output startedAt finishedAt } } } } }');
    expect(all.errors).toBeUndefined();
    const runs = all.data.workflowRuns.edges.map((edge: any) => edge.node);
    expect(new Set(runs.map((run: any) => run.status))).toEqual(new Set(['SUCCEEDED', 'FAILED', 'RUNNING', 'PENDING', 'SKIPPED']));
    expect(runs.map((run: any) => run.id)).toEqual([...runs.map((run: any) => run.id)].sort().reverse());
    const failed = runs.find((run: any) => run.status === 'FAILED');
    expect(failed).toMatchObject({ workflowName: 'Proposal accepted', event: { type: 'ProposalAccepted', aggregateType: 'Proposal' }, workflow: { systemKey: 'proposal-accepted' } });
    expect(failed.client.name).toBeTruthy();
    expect(failed.steps.map((step: any) => step.status)).toEqual(['SUCCEEDED', 'FAILED', 'SKIPPED', 'SKIPPED']);
    expect(failed.steps[1].error).toContain('NOT_FOUND');
    const byStatus = await owner.request('{ workflowRuns(filter: { status: [FAILED, SKIPPED] }) { totalCount } }');
    expect(byStatus.data.workflowRuns.totalCount).toBe(2);
    const byClient = await owner.request('query($id: ID!) { client(id: $id) { workflowRuns(first: 5) { totalCount edges { node { id } } } } workflowRuns(filter: { clientId: $id }) { totalCount } }', { id: failed.client.id });
    expect(byClient.data.client.workflowRuns.edges.map((edge: any) => edge.node.id)).toEqual([failed.id]);
    expect(byClient.data.workflowRuns.totalCount).toBe(1);
    const one = await owner.request('query($id: ID!) { workflowRun(id: $id) { id retries } }', { id: failed.id });
    expect(one.data.workflowRun).toEqual({ id: failed.id, retries: 0 });
  });

  it('retries only a FAILED run: from its failed step, through an outbox event the worker picks up', async () => {
    const { data } = await owner.request('{ workflowRuns(first: 50) { edges { node { id status } } } }');
    const runs = data.workflowRuns.edges.map((edge: any) => edge.node);
    for (const status of ['SUCCEEDED', 'RUNNING', 'PENDING', 'SKIPPED']) {
      const run = runs.find((candidate: any) => candidate.status === status);
      const refused = await owner.request('mutation($id: ID!) { retryWorkflowRun(id: $id) { id } }', { id: run.id });
      expect(refused.errors?.[0]).toMatchObject({ message: `The workflow run is ${status}: only a FAILED run can be retried`, extensions: { code: 'CONFLICT' } });
    }
    const failed = runs.find((run: any) => run.status === 'FAILED');
    expect((await member.request('mutation($id: ID!) { retryWorkflowRun(id: $id) { id } }', { id: failed.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const retried = await owner.request('mutation($id: ID!) { retryWorkflowRun(id: $id) { status retries steps { status attempts totalAttempts } } }', { id: failed.id });
    // The retried step starts a fresh budget of attempts; its earlier tries stay in totalAttempts.
    expect(retried.data.retryWorkflowRun).toEqual({
      status: 'PENDING',
      retries: 1,
      steps: [
        { status: 'SUCCEEDED', attempts: 1, totalAttempts: 1 },
        { status: 'PENDING', attempts: 0, totalAttempts: 5 },
        { status: 'PENDING', attempts: 0, totalAttempts: 0 },
        { status: 'PENDING', attempts: 0, totalAttempts: 0 },
      ],
    });
    const events = await t.db.admin(`select payload from outbox where event_type = 'WorkflowRunRetryRequested' and aggregate_id = $1`, [failed.id]);
    expect(events).toEqual([{ payload: expect.objectContaining({ runId: failed.id, generation: 1 }) }]);
  });

  it('shows dead-letter events to owners and admins, and replays each once', async () => {
    const list = await owner.request('{ deadLetterEvents { totalCount edges { node { id eventType handler attempts error failedAt replayedAt } } } }');
    expect(list.data.deadLetterEvents.totalCount).toBe(1);
    const letter = list.data.deadLetterEvents.edges[0].node;
    expect(letter).toMatchObject({ eventType: 'DealStageChanged', handler: 'workflow-router', attempts: 5, replayedAt: null });
    const replayed = await owner.request('mutation($id: ID!) { replayDeadLetterEvent(id: $id) { replayedAt replayedBy } }', { id: letter.id });
    expect(replayed.data.replayDeadLetterEvent.replayedBy).toMatch(/^user:/);
    const twice = await owner.request('mutation($id: ID!) { replayDeadLetterEvent(id: $id) { id } }', { id: letter.id });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await owner.request('{ deadLetterEvents { totalCount } }')).data.deadLetterEvents.totalCount).toBe(0);
    expect((await owner.request('{ deadLetterEvents(includeReplayed: true) { totalCount } }')).data.deadLetterEvents.totalCount).toBe(1);
    const [event] = await t.db.admin(`select payload from outbox where event_type = 'DeadLetterReplayRequested' and aggregate_id = $1`, [letter.id]);
    expect(event.payload).toMatchObject({ eventId: letter.id });
  });
});

describe('idempotency keys (every mutation, kernel)', () => {
  const createProject = 'mutation($input: CreateProjectInput!, $key: String) { createProject(input: $input, idempotencyKey: $key) { id name version createdAt client { id name } } }';

  async function clientId(slug = 'alpha'): Promise<string> {
    const [row] = await t.db.admin('select c.id from clients c join organizations o on o.id = c.organization_id where o.slug = $1 order by c.id limit 1', [slug]);
    return row.id;
  }

  it('answers a repeated key with the first result and changes nothing', async () => {
    const input = { clientId: await clientId(), name: 'Once only' };
    const first = await owner.request(createProject, { input, key: 'project-once' });
    expect(first.errors).toBeUndefined();
    const second = await owner.request(createProject, { input, key: 'project-once' });
    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(second.data.createProject.client.name).toBeTruthy();
    const projects = await t.db.admin(`select id from projects where organization_id = $1 and name = 'Once only'`, [alphaId]);
    expect(projects).toHaveLength(1);
    expect(await t.db.admin(`select 1 from activity_events where entity_id = $1`, [projects[0].id])).toHaveLength(1);
    expect(await t.db.admin(`select 1 from outbox where aggregate_id = $1`, [projects[0].id])).toHaveLength(1);
  });

  it('refuses the same key for other arguments or another mutation with BAD_USER_INPUT on idempotencyKey', async () => {
    const input = { clientId: await clientId(), name: 'Keyed' };
    expect((await owner.request(createProject, { input, key: 'key-reused' })).errors).toBeUndefined();
    const otherArguments = await owner.request(createProject, { input: { ...input, name: 'Other' }, key: 'key-reused' });
    expect(otherArguments.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    const otherMutation = await owner.request('mutation($key: String) { createClient(input: { name: "Keyed" }, idempotencyKey: $key) { id } }', { key: 'key-reused' });
    expect(otherMutation.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    const otherActor = await member.request(createProject, { input, key: 'key-reused' });
    expect(otherActor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    const tooLong = await owner.request(createProject, { input, key: 'k'.repeat(256) });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await t.db.admin(`select 1 from projects where name in ('Keyed', 'Other')`)).toHaveLength(1);
  });

  it('keeps keys per tenant, lets a failed mutation be retried under its key, and serialises concurrent duplicates', async () => {
    const beta = await t.as('beta');
    const inBeta = await beta.request(createProject, { input: { clientId: await clientId('beta'), name: 'Beta keyed' }, key: 'project-once' });
    expect(inBeta.errors).toBeUndefined();
    const missing = { clientId: '01900000-0000-7000-8000-000000000000', name: 'Missing client' };
    expect((await owner.request(createProject, { input: missing, key: 'after-failure' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const fixed = await owner.request(createProject, { input: { clientId: await clientId(), name: 'After failure' }, key: 'after-failure' });
    expect(fixed.errors).toBeUndefined();

    const answers = await Promise.all(
      Array.from({ length: 6 }, () => owner.request('mutation($key: String) { createClient(input: { name: "Concurrent once" }, idempotencyKey: $key) { id } }', { key: 'client-concurrent' })),
    );
    expect(answers.map((answer) => answer.errors)).toEqual(Array(6).fill(undefined));
    expect(new Set(answers.map((answer) => answer.data.createClient.id)).size).toBe(1);
    expect(await t.db.admin(`select 1 from clients where name = 'Concurrent once'`)).toHaveLength(1);
  });

  it('never stores a secret: replaying a key that created an API key answers CONFLICT', async () => {
    const create = 'mutation($key: String) { createApiKey(input: { name: "Keyed key", scopes: ["crm:read"] }, idempotencyKey: $key) { secret apiKey { id } } }';
    const first = await owner.request(create, { key: 'api-key-once' });
    expect(first.errors).toBeUndefined();
    const secret = first.data.createApiKey.secret as string;
    const [stored] = await t.db.admin(`select result::text as result from idempotency_keys where key = 'api-key-once'`);
    expect(stored.result).not.toContain(secret);
    const again = await owner.request(create, { key: 'api-key-once' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await t.db.admin(`select 1 from api_keys where name = 'Keyed key'`)).toHaveLength(1);
  });
});
