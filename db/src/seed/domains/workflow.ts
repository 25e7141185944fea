import type { SeedContext, SeededClient } from './context.js';

/** Clients whose events started a demo run: a few, so the seed stays small (tests seed it too). */
const CLIENTS_WITH_RUNS = 5;
/** One run per client, cycling through every status. */
const RUN_STATUSES = ['SUCCEEDED', 'FAILED', 'RUNNING', 'PENDING', 'SKIPPED'] as const;
type Status = (typeof RUN_STATUSES)[number] | 'PENDING';

const at = (seed: SeedContext, days: number, hour = 10) => `${seed.isoDate(days)}T${String(hour).padStart(2, '0')}:00:00Z`;

/** The steps of each seeded run: how far it got, by the run's status. */
function stepStatuses(status: Status, count: number): Status[] {
  switch (status) {
    case 'SUCCEEDED':
      return Array(count).fill('SUCCEEDED');
    case 'FAILED':
      return Array.from({ length: count }, (_, index) => (index < 1 ? 'SUCCEEDED' : index === 1 ? 'FAILED' : 'SKIPPED'));
    case 'RUNNING':
      return Array.from({ length: count }, (_, index) => (index < 2 ? 'SUCCEEDED' : index === 2 ? 'RUNNING' : 'PENDING'));
    case 'SKIPPED':
      return Array(count).fill('SKIPPED');
    default:
      return Array(count).fill('PENDING');
  }
}

/**
 * Demo data of the workflow domain: every organization's default "Proposal accepted" workflow
 * (the same database function the migration and the worker use, so it exists exactly once),
 * a disabled webhook workflow of the organization's own, runs in every status and one dead
 * letter. Seeded runs have no jobs behind them: they show what runs look like, nothing executes them.
 */
export async function seedWorkflow(seed: SeedContext, clients: SeededClient[]): Promise<void> {
  await seed.client.query('select ubos_install_default_workflows()');
  const { rows } = await seed.client.query<{ id: string; version: number; name: string; steps: Array<Record<string, unknown>> }>(
    `select id, version, name, steps from workflows where organization_id = $1 and system_key = 'proposal-accepted'`,
    [seed.organizationId],
  );
  const defaultWorkflow = rows[0]!;

  const webhookId = seed.id(`workflow:${seed.slug}:deal-won-webhook`);
  await seed.insert('workflows', {
    organization_id: seed.organizationId,
    id: webhookId,
    name: 'Tell the sales channel about won deals',
    description: 'Disabled until the team sets up its endpoint.',
    trigger_event_type: 'DealStageChanged',
    trigger_conditions: JSON.stringify([{ path: 'event.payload.to', operator: 'EQUALS', value: 'WON' }]),
    steps: JSON.stringify([{ key: 'notify', name: 'Notify the sales channel', kind: 'CALL_WEBHOOK', input: { url: 'https://hooks.example.com/ubos/deals', data: { dealId: '{{event.aggregateId}}' } } }]),
    enabled: false,
  });
  await seed.insert('workflow_secrets', { organization_id: seed.organizationId, workflow_id: webhookId, step_key: 'notify', secret: `demo-signing-secret-${seed.slug}` });

  const withRuns = clients.slice(0, CLIENTS_WITH_RUNS);
  // Every status at least once, even for an organization with fewer clients.
  for (let index = 0; index < Math.max(withRuns.length, RUN_STATUSES.length) && withRuns.length > 0; index++) {
    const client = withRuns[index % withRuns.length]!;
    const status = RUN_STATUSES[index % RUN_STATUSES.length]!;
    const statuses = stepStatuses(status, defaultWorkflow.steps.length);
    const day = 30 + index;
    const steps = defaultWorkflow.steps.map((step, stepIndex) => {
      const stepStatus = statuses[stepIndex]!;
      const ran = stepStatus === 'SUCCEEDED' || stepStatus === 'FAILED' || stepStatus === 'RUNNING';
      return {
        ...step,
        status: stepStatus,
        attempts: stepStatus === 'FAILED' ? 5 : ran ? 1 : 0,
        error: stepStatus === 'FAILED' ? 'NOT_FOUND on input.contractId: Contract not found' : null,
        output: stepStatus === 'SUCCEEDED' ? { id: seed.id(`workflow-output:${seed.slug}:${index}:${stepIndex}`) } : null,
        startedAt: ran ? at(seed, day, 10 + stepIndex) : null,
        finishedAt: stepStatus === 'SUCCEEDED' || stepStatus === 'FAILED' ? at(seed, day, 10 + stepIndex) : null,
      };
    });
    const finished = status === 'SUCCEEDED' || status === 'FAILED' || status === 'SKIPPED';
    await seed.insert('workflow_runs', {
      organization_id: seed.organizationId,
      id: seed.id(`workflow-run:${seed.slug}:${index}`),
      workflow_id: defaultWorkflow.id,
      workflow_version: defaultWorkflow.version,
      workflow_name: defaultWorkflow.name,
      event_id: seed.id(`workflow-event:${seed.slug}:${index}`),
      event_type: 'ProposalAccepted',
      event_aggregate_type: 'Proposal',
      event_aggregate_id: seed.id(`workflow-proposal:${seed.slug}:${index}`),
      event_payload: JSON.stringify({ proposalId: seed.id(`workflow-proposal:${seed.slug}:${index}`), clientId: client.id, title: `Engagement with ${client.name}` }),
      event_occurred_at: at(seed, day, 9),
      client_id: client.id,
      status,
      steps: JSON.stringify(steps),
      created_at: at(seed, day, 9),
      started_at: status === 'PENDING' || status === 'SKIPPED' ? null : at(seed, day, 10),
      finished_at: finished ? at(seed, day, 12) : null,
      updated_at: at(seed, day, 12),
    });
  }

  await seed.insert('event_dead_letters', {
    organization_id: seed.organizationId,
    id: seed.id(`dead-letter:${seed.slug}`),
    event_type: 'DealStageChanged',
    handler: 'workflow-router',
    attempts: 5,
    error: 'connection terminated unexpectedly',
    failed_at: at(seed, 45),
  });
}
