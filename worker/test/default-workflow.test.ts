import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCommittedSupergraph } from '@ubos/gateway';
import type { GraphQLClient } from '@ubos/test-support/stack';
import { acceptProposal, hasProposalFlow, madeFor, sentProposal } from './proposals.js';
import { startWorkflowStack, waitUntil, type WorkflowStack } from './support.js';

// The default "Proposal accepted" workflow end to end: a proposal accepted through the gateway
// yields exactly one contract, engagement, project and message, all in the client's timeline
// with the workflow's actor, and a run whose every step SUCCEEDED.

const ready = hasProposalFlow(readCommittedSupergraph());
let stack: WorkflowStack;
let owner: GraphQLClient;

describe.skipIf(!ready)('the default "Proposal accepted" workflow', () => {
  beforeAll(async () => {
    stack = await startWorkflowStack();
    owner = await stack.as('alpha');
    await stack.startWorker();
  });
  afterAll(() => stack?.close());

  it('turns an accepted proposal into one contract, engagement, project and welcome message, audited as workflow:<run id>', async () => {
    const proposal = await sentProposal(owner, 'Brand refresh');
    await acceptProposal(owner, proposal.proposalId);
    const run = await waitUntil(async () => {
      const result = await owner.request(
        'query($id: ID!) { client(id: $id) { workflowRuns { edges { node { id status workflow { systemKey } event { type payload } steps { key status attempts error output } } } } } }',
        { id: proposal.clientId },
      );
      const node = result.data?.client?.workflowRuns.edges[0]?.node;
      return node && ['SUCCEEDED', 'FAILED'].includes(node.status) ? node : undefined;
    }, 'the run to finish');
    expect(run.steps.map((step: any) => [step.key, step.status, step.error])).toEqual([
      ['contract', 'SUCCEEDED', null],
      ['engagement', 'SUCCEEDED', null],
      ['project', 'SUCCEEDED', null],
      ['welcome', 'SUCCEEDED', null],
    ]);
    expect(run).toMatchObject({ status: 'SUCCEEDED', workflow: { systemKey: 'proposal-accepted' }, event: { type: 'ProposalAccepted', payload: { proposalId: proposal.proposalId, clientId: proposal.clientId } } });

    const made = await madeFor(stack.db, proposal, 'Brand refresh');
    expect(made.contracts).toEqual([{ id: run.steps[0].output.id }]);
    expect(made.engagements).toEqual([{ id: run.steps[1].output.id, contract_id: run.steps[0].output.id }]);
    expect(made.projects).toEqual([{ id: run.steps[2].output.id, name: 'Brand refresh' }]);
    expect(made.messages).toEqual([{ id: run.steps[3].output.id, body: 'Welcome aboard' }]);

    const timeline = await owner.request('query($id: ID!) { client(id: $id) { timeline(first: 50) { edges { node { entityType entityId action actor } } } } }', { id: proposal.clientId });
    const byWorkflow = timeline.data.client.timeline.edges.map((edge: any) => edge.node).filter((node: any) => node.actor === `workflow:${run.id}` && node.action === 'CREATED');
    for (const [index, type] of ['Contract', 'Engagement', 'Project', 'Message'].entries()) {
      expect(byWorkflow.find((node: any) => node.entityType === type && node.entityId === run.steps[index].output.id), type).toBeTruthy();
    }
    // The project is the engagement's: the chain reads both ways through the graph.
    const chain = await owner.request('query($id: ID!) { engagement(id: $id) { projects { id name } contract { id } } }', { id: run.steps[1].output.id });
    expect(chain.errors).toBeUndefined();
    expect(chain.data.engagement).toEqual({ projects: [{ id: run.steps[2].output.id, name: 'Brand refresh' }], contract: { id: run.steps[0].output.id } });

    // And nothing else acted twice: one run for the event, one key per mutation of the run.
    const keys = await stack.db.admin('select key from idempotency_keys where actor = $1 order by key', [`workflow:${run.id}`]);
    expect(keys.map((row) => row.key)).toEqual(
      [
        `${run.id}:contract`,
        `${run.id}:engagement`,
        `${run.id}:project`,
        `${run.id}:project:engagement`,
        `${run.id}:project:milestone:0`,
        `${run.id}:project:task:0`,
        `${run.id}:welcome`,
      ].sort(),
    );
  });
});
