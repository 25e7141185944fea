import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Every change announces itself: each of these mutations, which wrote nothing to the outbox
// before, puts the event of its type and entity in the outbox, in its own transaction.
let t: TestStack;
let owner: GraphQLClient;
let clientId: string;
beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  clientId = (await owner.request('mutation { createClient(input: { name: "Announced" }) { id } }')).data.createClient.id;
});
afterAll(() => t?.close());

async function run(query: string, variables: Record<string, unknown> = {}) {
  const result = await owner.request(query, variables);
  expect(result.errors, query).toBeUndefined();
  return Object.values(result.data as Record<string, any>)[0];
}

async function expectEvent(eventType: string, aggregateType: string, aggregateId: string) {
  const rows = await t.db.admin('select event_type, aggregate_type from outbox where aggregate_id = $1 and event_type = $2', [aggregateId, eventType]);
  expect(rows, `${eventType} for ${aggregateType} ${aggregateId}`).toEqual([{ event_type: eventType, aggregate_type: aggregateType }]);
}

describe('the outbox', () => {
  it('announces contacts, deals, tasks and milestones: created, updated, deleted and restored', async () => {
    const contact = await run('mutation($c: ID!) { createContact(input: { clientId: $c, firstName: "Ada" }) { id } }', { c: clientId });
    await expectEvent('ContactCreated', 'Contact', contact.id);
    await run('mutation($id: ID!) { updateContact(id: $id, input: { title: "CTO" }) { id } }', { id: contact.id });
    await expectEvent('ContactUpdated', 'Contact', contact.id);
    await run('mutation($id: ID!) { deleteContact(id: $id) { id } }', { id: contact.id });
    await expectEvent('ContactDeleted', 'Contact', contact.id);
    await run('mutation($id: ID!) { restoreContact(id: $id) { id } }', { id: contact.id });
    await expectEvent('ContactRestored', 'Contact', contact.id);

    const deal = await run('mutation($c: ID!) { createDeal(input: { clientId: $c, title: "Retainer", value: { amountMinor: 100, currency: "USD" } }) { id } }', { c: clientId });
    await run('mutation($id: ID!) { updateDeal(id: $id, input: { title: "Bigger retainer" }) { id } }', { id: deal.id });
    await expectEvent('DealUpdated', 'Deal', deal.id);
    await run('mutation($id: ID!) { deleteDeal(id: $id) { id } }', { id: deal.id });
    await expectEvent('DealDeleted', 'Deal', deal.id);
    await run('mutation($id: ID!) { restoreDeal(id: $id) { id } }', { id: deal.id });
    await expectEvent('DealRestored', 'Deal', deal.id);

    const project = await run('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Site" }) { id } }', { c: clientId });
    const milestone = await run('mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "Launch" }) { id } }', { p: project.id });
    await expectEvent('MilestoneCreated', 'Milestone', milestone.id);
    await run('mutation($id: ID!) { updateMilestone(id: $id, input: { completed: true }) { id } }', { id: milestone.id });
    await expectEvent('MilestoneUpdated', 'Milestone', milestone.id);
    const task = await run('mutation($p: ID!) { createTask(input: { projectId: $p, title: "Ship" }) { id } }', { p: project.id });
    await expectEvent('TaskCreated', 'Task', task.id);
    await run('mutation($id: ID!) { updateTask(id: $id, input: { status: DONE }) { id } }', { id: task.id });
    await expectEvent('TaskUpdated', 'Task', task.id);
    for (const [kind, id] of [['Task', task.id], ['Milestone', milestone.id]] as const) {
      await run(`mutation($id: ID!) { delete${kind}(id: $id) { id } }`, { id });
      await expectEvent(`${kind}Deleted`, kind, id);
      await run(`mutation($id: ID!) { restore${kind}(id: $id) { id } }`, { id });
      await expectEvent(`${kind}Restored`, kind, id);
    }
  });

  it('announces vendor and bill updates, threads and workflows', async () => {
    const vendor = await run('mutation { createVendor(input: { name: "Paper Co" }) { id } }');
    await run('mutation($id: ID!) { updateVendor(id: $id, input: { name: "Paper & Co" }) { id } }', { id: vendor.id });
    await expectEvent('VendorUpdated', 'Vendor', vendor.id);
    const bill = await run('mutation($v: ID!) { createBill(input: { vendorId: $v, currency: "USD", lineItems: [{ description: "Paper", quantity: 1, unitPriceMinor: 500 }] }) { id } }', { v: vendor.id });
    await run('mutation($id: ID!) { updateBill(id: $id, input: { reference: "B-1" }) { id } }', { id: bill.id });
    await expectEvent('BillUpdated', 'Bill', bill.id);

    const thread = await run('mutation($c: ID!) { createThread(input: { clientId: $c, subject: "Kick-off" }) { id } }', { c: clientId });
    await expectEvent('ThreadCreated', 'Thread', thread.id);
    await run('mutation($id: ID!) { updateThread(id: $id, input: { subject: "Kick-off notes" }) { id } }', { id: thread.id });
    await expectEvent('ThreadUpdated', 'Thread', thread.id);
    const message = await run('mutation($t: ID!) { postMessage(input: { threadId: $t, body: "Hello" }) { id } }', { t: thread.id });
    await run('mutation($id: ID!) { editMessage(id: $id, input: { body: "Hello again" }) { id } }', { id: message.id });
    await expectEvent('MessageUpdated', 'Message', message.id);

    const workflow = await run(
      'mutation { createWorkflow(input: { name: "Notify", trigger: { eventType: "ClientCreated" }, steps: [{ key: "msg", name: "Say hello", kind: POST_MESSAGE, input: { clientId: "{{event.payload.clientId}}", body: "Hello" } }] }) { id } }',
    );
    await expectEvent('WorkflowCreated', 'Workflow', workflow.id);
    await run('mutation($id: ID!) { updateWorkflow(id: $id, input: { name: "Notify everyone" }) { id } }', { id: workflow.id });
    await expectEvent('WorkflowUpdated', 'Workflow', workflow.id);
  });
});
