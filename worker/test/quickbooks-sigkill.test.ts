import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuickBooksStandIn, type QuickBooksStandIn } from '@ubos/quickbooks/standin';
import { startProcess, type RunningProcess } from '@ubos/test-support/processes';
import type { GraphQLClient } from '@ubos/test-support/stack';
import { startWorkflowStack, waitUntil, type WorkflowStack } from './support.js';

// The QuickBooks sync under crashes: two worker processes, one SIGKILLed every 1.5 to 3 s (and
// replaced) during the first sync of 200 clients and 300 invoices. QuickBooks must end with
// exactly one customer per client and one invoice per sent invoice: 0 lost, 0 duplicated.

const CLIENTS = 200;
const INVOICES = 300;
const KILLS = 5;
let standIn: QuickBooksStandIn;
let stack: WorkflowStack;
let owner: GraphQLClient;
const workers: RunningProcess[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGKILL during a QuickBooks sync', () => {
  beforeAll(async () => {
    standIn = await startQuickBooksStandIn();
    Object.assign(process.env, standIn.env(), { UBOS_INTEGRATION_KEY: randomBytes(32).toString('hex') });
    stack = await startWorkflowStack();
    owner = await stack.as('alpha');
    const org = stack.tenants.alpha!.organizationId;
    await stack.db.admin(`insert into clients (organization_id, name, email) select $1, 'Crash client ' || lpad(i::text, 4, '0'), 'k' || i || '@crash.test' from generate_series(1, ${CLIENTS}) i`, [org]);
    await stack.db.admin(
      `insert into invoices (organization_id, number, client_id, currency, line_items, subtotal_minor, tax_minor, total_minor, sent_at)
       select $1, 1, c.id, 'USD', jsonb_build_array(jsonb_build_object('description', 'Work', 'quantity', 1, 'unitPriceMinor', 1000 + i, 'taxRate', 0,
              'subtotalMinor', 1000 + i, 'taxMinor', 0, 'totalMinor', 1000 + i)), 1000 + i, 0, 1000 + i, now()
       from generate_series(1, ${INVOICES}) i
       join lateral (select id from clients where organization_id = $1 and name = 'Crash client ' || lpad((1 + (i - 1) % ${CLIENTS})::text, 4, '0')) c on true`,
      [org],
    );
  }, 180_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await stack?.close();
    await standIn?.close();
  });

  it('ends with one remote object per row: 0 lost, 0 duplicated', async () => {
    const env = () => ({
      ...standIn.env(),
      UBOS_INTEGRATION_KEY: process.env.UBOS_INTEGRATION_KEY,
      WORKER_DATABASE_URL: stack.workerUrl,
      UBOS_GATEWAY_URL: stack.url,
      UBOS_DATA_DIR: stack.config.dataDir,
      UBOS_WORKER_CONCURRENCY: '3',
      UBOS_WORKFLOW_MAX_ATTEMPTS: '20',
      UBOS_WORKER_RETRY_DELAY: '1',
      UBOS_WORKER_EXPIRE_SECONDS: '6',
      UBOS_WORKER_MAINTENANCE_SECONDS: '1',
      UBOS_WORKER_DISPATCH_MS: '200',
    });
    workers.push(startProcess('worker/src/main.ts', env()), startProcess('worker/src/main.ts', env()));
    standIn.approveAs('realm-crash');
    const started = await owner.request('mutation { connectQuickBooks(redirectUri: "https://app.example.com/cb") { authorizationUrl } }');
    const location = new URL((await fetch(started.data.connectQuickBooks.authorizationUrl, { redirect: 'manual' })).headers.get('location')!);
    const done = await owner.request('mutation($code: String!, $state: String!, $realmId: String!) { completeQuickBooksConnection(code: $code, state: $state, realmId: $realmId) { status } }', {
      code: location.searchParams.get('code'),
      state: location.searchParams.get('state'),
      realmId: location.searchParams.get('realmId'),
    });
    expect(done.data.completeQuickBooksConnection.status).toBe('CONNECTED');

    // Kill while QuickBooks is being written to.
    await waitUntil(async () => standIn.objects('realm-crash', 'Customer').length > 10, 'the sync to start', 60_000, 50);
    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(1500 + Math.random() * 1500);
      const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0]!;
      await victim.stop('SIGKILL');
      workers.push(startProcess('worker/src/main.ts', env()));
    }
    const org = stack.tenants.alpha!.organizationId;
    const clients = (await stack.db.admin<{ n: number }>('select count(*)::int as n from clients where organization_id = $1 and deleted_at is null', [org]))[0]!.n;
    const invoices = (await stack.db.admin<{ n: number }>('select count(*)::int as n from invoices where organization_id = $1 and deleted_at is null and sent_at is not null and voided_at is null', [org]))[0]!.n;
    await waitUntil(async () => {
      const state = (await owner.request('{ integrations { pendingCount syncing } }')).data.integrations[0];
      return !state.syncing && state.pendingCount === 0 && standIn.objects('realm-crash', 'Invoice').length >= invoices;
    }, 'the sync to finish after the kills', 240_000, 500);

    const customers = standIn.objects('realm-crash', 'Customer');
    expect(customers).toHaveLength(clients);
    expect(new Set(customers.map((customer) => customer.DisplayName)).size).toBe(clients);
    const remoteInvoices = standIn.objects('realm-crash', 'Invoice');
    expect(remoteInvoices).toHaveLength(invoices);
    expect(new Set(remoteInvoices.map((invoice) => invoice.DocNumber)).size).toBe(invoices);
    const mapped = await stack.db.admin<{ n: number }>("select count(*)::int as n from integration_quickbooks_customers where organization_id = $1 and sync_state = 'SYNCED'", [org]);
    expect(mapped[0]!.n).toBe(clients);
    // One create request id per client: a create repeated after a kill reused its id, and QuickBooks answered it from memory.
    const creates = standIn.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/customer') && request.status === 200);
    expect(new Set(creates.map((request) => request.requestId)).size).toBe(clients);
  }, 400_000);
});
