import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCommittedSupergraph } from '@ubos/gateway';
import { QUEUE_SCHEMA } from '@ubos/db';
import { startProcess, type RunningProcess } from '@ubos/test-support/processes';
import type { GraphQLClient } from '@ubos/test-support/stack';
import { acceptProposal, hasProposalFlow, madeFor, sentProposal } from './proposals.js';
import { startWorkflowStack, waitUntil, type WorkflowStack } from './support.js';

// Reliability under crashes: two real worker processes, one of them SIGKILLed at a random
// moment every few seconds (and replaced) while 100 proposals are accepted through the gateway.
// Every proposal must end with exactly one contract, engagement, project and welcome message:
// 0 lost, 0 applied twice. The largest redelivery delay (from a kill until another worker
// started a job the killed one held) is measured and printed.

const PROPOSALS = 100;
/** Kills, one every 2.5 to 6 s, while the proposals are accepted and their runs go on. */
const MAX_KILLS = 8;
const ready = hasProposalFlow(readCommittedSupergraph());
let stack: WorkflowStack;
let owner: GraphQLClient;
const workers: RunningProcess[] = [];

function workerEnv() {
  return {
    WORKER_DATABASE_URL: stack.workerUrl,
    UBOS_GATEWAY_URL: stack.url,
    // The test stack's platform keys, so the gateway accepts the worker's service tokens.
    UBOS_DATA_DIR: stack.config.dataDir,
    UBOS_WORKER_CONCURRENCY: '4',
    UBOS_WORKFLOW_MAX_ATTEMPTS: '20',
    UBOS_WORKER_RETRY_DELAY: '1',
    UBOS_WORKER_EXPIRE_SECONDS: '6',
    UBOS_WORKER_MAINTENANCE_SECONDS: '1',
    UBOS_WORKER_DISPATCH_MS: '200',
    UBOS_WORKER_STEP_TIMEOUT_MS: '5000',
  };
}

async function pool<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!ready)('SIGKILL at random points while 100 proposals are accepted', () => {
  beforeAll(async () => {
    stack = await startWorkflowStack();
    owner = await stack.as('alpha');
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await stack?.close();
  });

  it('ends with exactly one contract, engagement, project and message per proposal: 0 lost, 0 applied twice', async () => {
    const proposals = Array.from({ length: PROPOSALS }, () => ({ clientId: '', proposalId: '' }));
    await pool(proposals, 8, async (_item, index) => {
      proposals[index] = await sentProposal(owner, `Deal ${String(index).padStart(3, '0')}`);
    });

    workers.push(startProcess('worker/src/main.ts', workerEnv()), startProcess('worker/src/main.ts', workerEnv()));
    const started = Date.now();
    const kills: Array<{ at: number; jobs: Map<string, number> }> = [];
    const delays: number[] = [];
    let finished = false;

    // Measures each redelivery: a job active at a kill that later starts again (on another worker).
    const watching = new Map<string, { killedAt: number; startedOn: number }>();
    const watcher = (async () => {
      while (!finished || watching.size > 0) {
        if (watching.size > 0) {
          const rows = await stack.db.admin<{ id: string; state: string; started_on: Date | null }>(`select id, state, started_on from ${QUEUE_SCHEMA}.job where id = any($1::uuid[])`, [[...watching.keys()]]);
          for (const row of rows) {
            const watched = watching.get(row.id)!;
            const startedOn = row.started_on ? new Date(row.started_on).getTime() : 0;
            if (startedOn > watched.startedOn) {
              delays.push(startedOn - watched.killedAt);
              watching.delete(row.id);
            } else if (row.state === 'completed' || row.state === 'failed' || row.state === 'cancelled') {
              watching.delete(row.id); // it was the surviving worker's
            }
          }
        }
        await sleep(250);
      }
    })();

    const killer = (async () => {
      while (!finished && kills.length < MAX_KILLS) {
        await sleep(2_500 + Math.random() * 3_500);
        if (finished) break;
        const victim = Math.floor(Math.random() * workers.length);
        const active = await stack.db.admin<{ id: string; started_on: Date }>(`select id, started_on from ${QUEUE_SCHEMA}.job where state = 'active'`);
        workers[victim]!.child.kill('SIGKILL');
        const at = Date.now();
        await workers[victim]!.stop('SIGKILL');
        kills.push({ at, jobs: new Map(active.map((job) => [job.id, new Date(job.started_on).getTime()])) });
        if (process.env.UBOS_SIGKILL_DEBUG) console.log(`[kill ${kills.length}] ${active.length} active jobs, ${Math.round((at - started) / 1000)} s`);
        for (const job of active) watching.set(job.id, { killedAt: at, startedOn: new Date(job.started_on).getTime() });
        workers[victim] = startProcess('worker/src/main.ts', workerEnv());
      }
    })();

    await pool(proposals, 6, async (proposal) => acceptProposal(owner, proposal.proposalId));

    const runs = await waitUntil(async () => {
      const [row] = await stack.db.admin(
        `select count(*) filter (where status = 'SUCCEEDED')::int as succeeded, count(*) filter (where status = 'FAILED')::int as failed, count(*)::int as total
           from workflow_runs where event_type = 'ProposalAccepted' and created_at > now() - interval '1 hour'`,
      );
      return row.succeeded + row.failed >= PROPOSALS ? row : undefined;
    }, 'every run to finish', 150_000, 500);
    finished = true;
    await killer;
    await watcher;
    const elapsed = Date.now() - started;

    // 0 lost, 0 applied twice.
    expect(runs).toEqual({ succeeded: PROPOSALS, failed: 0, total: PROPOSALS });
    for (const [index, proposal] of proposals.entries()) {
      const made = await madeFor(stack.db, proposal, `Deal ${String(index).padStart(3, '0')}`);
      expect([made.contracts.length, made.engagements.length, made.projects.length, made.messages.length, made.runs.length], `proposal ${index}`).toEqual([1, 1, 1, 1, 1]);
      expect(made.engagements[0].contract_id).toBe(made.contracts[0].id);
    }
    const [outbox] = await stack.db.admin(`select count(*) filter (where dispatched_at is null)::int as undispatched,
      count(*) filter (where not exists (select 1 from inbox i where i.organization_id = o.organization_id and i.event_id = o.id))::int as unhandled from outbox o`);
    expect(outbox).toEqual({ undispatched: 0, unhandled: 0 });
    const created = await stack.db.admin(`select entity_type, count(*)::int as n from activity_events where actor like 'workflow:%' and action = 'created' group by entity_type order by entity_type`);
    const byType = Object.fromEntries(created.map((row) => [row.entity_type, row.n]));
    for (const type of ['Contract', 'Engagement', 'Project', 'Milestone', 'Task', 'Message']) expect(byType[type], type).toBe(PROPOSALS);
    const retried = await stack.db.admin(`select count(*)::int as n from workflow_runs, jsonb_array_elements(steps) s where (s ->> 'attempts')::int > 1`);

    const largest = delays.length ? Math.max(...delays) : 0;
    console.log(
      `[sigkill] ${kills.length} kills, ${delays.length} jobs redelivered, largest redelivery delay ${(largest / 1000).toFixed(1)} s ` +
        `(expiry 6 s + maintenance 1 s + backoff), ${retried[0].n} steps needed more than one attempt, ${PROPOSALS} proposals done in ${(elapsed / 1000).toFixed(0)} s`,
    );
    expect(kills.length).toBeGreaterThanOrEqual(3);
    expect(largest).toBeLessThan(60_000);
  }, 300_000);
});
