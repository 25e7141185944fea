import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatements } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Proposals and contracts through the real gateway and PostgreSQL: pricing, the status machine,
// the outbox, contracts from proposals, soft deletes, audit, history and the Client extension.
let t: TestStack;
let owner: GraphQLClient;
let member: GraphQLClient;
let clientId: string;
let betaClientId: string;

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  member = await t.anonymous.login('member@alpha.test');
  clientId = (await owner.request('{ clients(first: 1) { edges { node { id } } } }')).data.clients.edges[0].node.id;
  betaClientId = (await (await t.as('beta')).request('{ clients(first: 1) { edges { node { id } } } }')).data.clients.edges[0].node.id;
});
afterAll(() => t?.close());

/** A UTC date `days` from today, as the Date scalar takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const LINE = { description: 'Design', quantity: 2, unitPriceMinor: 10_000, taxRate: 0.2 };
const PROPOSAL = `id status title currency version validUntil sentAt acceptedAt declinedAt notes deletedAt
  subtotal { amountMinor currency } tax { amountMinor currency } total { amountMinor currency }
  lineItems { description quantity taxRate unitPrice { amountMinor currency } subtotal { amountMinor } tax { amountMinor } total { amountMinor currency } }`;
const CONTRACT = 'id status title notes version startDate endDate signedAt signedBy completedAt terminatedAt deletedAt value { amountMinor currency } client { id } proposal { id status }';

async function createProposal(input: Record<string, unknown> = {}): Promise<any> {
  const result = await owner.request(`mutation($input: CreateProposalInput!) { createProposal(input: $input) { ${PROPOSAL} } }`, {
    input: { clientId, title: 'Website relaunch', currency: 'USD', lineItems: [LINE], ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data.createProposal;
}

async function transition(name: string, id: string, client = owner) {
  return client.request(`mutation($id: ID!) { ${name}(id: $id) { ${PROPOSAL} } }`, { id });
}

async function acceptedProposal(): Promise<any> {
  const proposal = await createProposal({ title: 'To be accepted' });
  await transition('sendProposal', proposal.id);
  return (await transition('acceptProposal', proposal.id)).data.acceptProposal;
}

async function createContract(input: Record<string, unknown>) {
  return owner.request(`mutation($input: CreateContractInput!) { createContract(input: $input) { ${CONTRACT} } }`, { input });
}

const outbox = (aggregateId: string) => t.db.admin('select event_type, payload, actor, request_id from outbox where aggregate_id = $1 order by id', [aggregateId]);
const countOutbox = async (type: string) => (await t.db.admin<{ count: number }>('select count(*)::int as count from outbox where event_type = $1', [type]))[0]!.count;
const errorOf = (result: any) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });

describe('line-item pricing', () => {
  it('prices each line half-up to the minor unit, tax per line, and stores the lines with their totals', async () => {
    const proposal = await createProposal({
      lineItems: [
        // 2.5 × 333 = 832.5 → 833; 833 × 0.2 = 166.6 → 167
        { description: 'Strategy', quantity: 2.5, unitPriceMinor: 333, taxRate: 0.2 },
        // 3 × 150 = 450; 450 × 0.05 = 22.5 → 23 (half-up, not to even)
        { description: 'Hosting', quantity: 3, unitPriceMinor: 150, taxRate: 0.05 },
        // no tax rate: 0
        { description: 'Workshop', quantity: 1, unitPriceMinor: 1 },
      ],
      validUntil: day(30),
    });
    expect(proposal.lineItems).toEqual([
      { description: 'Strategy', quantity: 2.5, taxRate: 0.2, unitPrice: { amountMinor: 333, currency: 'USD' }, subtotal: { amountMinor: 833 }, tax: { amountMinor: 167 }, total: { amountMinor: 1000, currency: 'USD' } },
      { description: 'Hosting', quantity: 3, taxRate: 0.05, unitPrice: { amountMinor: 150, currency: 'USD' }, subtotal: { amountMinor: 450 }, tax: { amountMinor: 23 }, total: { amountMinor: 473, currency: 'USD' } },
      { description: 'Workshop', quantity: 1, taxRate: 0, unitPrice: { amountMinor: 1, currency: 'USD' }, subtotal: { amountMinor: 1 }, tax: { amountMinor: 0 }, total: { amountMinor: 1, currency: 'USD' } },
    ]);
    expect(proposal).toMatchObject({
      status: 'DRAFT',
      version: 1,
      validUntil: day(30),
      subtotal: { amountMinor: 1284, currency: 'USD' },
      tax: { amountMinor: 190, currency: 'USD' },
      total: { amountMinor: 1474, currency: 'USD' },
    });
    const [row] = await t.db.admin('select subtotal_minor, tax_minor, total_minor, jsonb_array_length(line_items) as lines from proposals where id = $1', [proposal.id]);
    expect(row).toEqual({ subtotal_minor: '1284', tax_minor: '190', total_minor: '1474', lines: 3 });
    const [created] = await outbox(proposal.id);
    expect(created).toMatchObject({ event_type: 'ProposalCreated', payload: { clientId, title: 'Website relaunch', total: { amountMinor: 1474, currency: 'USD' } } });
  });

  it('names the input at fault, writes nothing and announces nothing when a line is invalid', async () => {
    const before = await countOutbox('ProposalCreated');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ lineItems: [{ ...LINE, quantity: 0 }] }, 'input.lineItems.0.quantity'],
      [{ lineItems: [{ ...LINE, quantity: -1 }] }, 'input.lineItems.0.quantity'],
      [{ lineItems: [{ ...LINE, quantity: 1.1234567 }] }, 'input.lineItems.0.quantity'],
      [{ lineItems: [LINE, { ...LINE, taxRate: 1.5 }] }, 'input.lineItems.1.taxRate'],
      [{ lineItems: [LINE, { ...LINE, unitPriceMinor: -5 }] }, 'input.lineItems.1.unitPriceMinor'],
      [{ lineItems: [{ ...LINE, description: '  ' }] }, 'input.lineItems.0.description'],
      [{ lineItems: [] }, 'input.lineItems'],
      [{ currency: 'usd' }, 'input.currency'],
      [{ title: '' }, 'input.title'],
      [{ clientId: 'not-an-id' }, 'input.clientId'],
    ];
    for (const [input, field] of cases) {
      const result = await owner.request('mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
        input: { clientId, title: 'Bad', currency: 'USD', lineItems: [LINE], ...input },
      });
      expect(errorOf(result), field).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    expect(await countOutbox('ProposalCreated')).toBe(before);
    expect(await t.db.admin(`select id from proposals where title = 'Bad'`)).toEqual([]);
  });

  it('answers NOT_FOUND on input.clientId for another tenant\'s client and for a missing one', async () => {
    for (const id of [betaClientId, '01890000-0000-7000-8000-000000000000']) {
      const result = await owner.request('mutation($id: ID!) { createProposal(input: { clientId: $id, title: "X", currency: "USD", lineItems: [{ description: "A", quantity: 1, unitPriceMinor: 1 }] }) { id } }', { id });
      expect(errorOf(result)).toEqual({ code: 'NOT_FOUND', field: 'input.clientId' });
    }
  });
});

describe('the proposal status machine', () => {
  it('updates a DRAFT (replacing its lines), sends it, accepts it, and refuses every illegal transition with CONFLICT naming the status', async () => {
    const proposal = await createProposal({ validUntil: day(14) });
    const updated = await owner.request(`mutation($id: ID!) { updateProposal(id: $id, input: { title: "Relaunch v2", lineItems: [{ description: "Build", quantity: 10, unitPriceMinor: 12345, taxRate: 0.1 }] }, expectedVersion: 1) { ${PROPOSAL} } }`, { id: proposal.id });
    expect(updated.data.updateProposal).toMatchObject({ title: 'Relaunch v2', version: 2, subtotal: { amountMinor: 123450 }, tax: { amountMinor: 12345 }, total: { amountMinor: 135795 } });
    expect(updated.data.updateProposal.lineItems).toHaveLength(1);
    const stale = await owner.request('mutation($id: ID!) { updateProposal(id: $id, input: { title: "Lost" }, expectedVersion: 1) { id } }', { id: proposal.id });
    expect(errorOf(stale).code).toBe('CONFLICT');
    const badLine = await owner.request('mutation($id: ID!) { updateProposal(id: $id, input: { lineItems: [{ description: "A", quantity: 0.0000001, unitPriceMinor: 1 }] }) { id } }', { id: proposal.id });
    expect(errorOf(badLine)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.lineItems.0.quantity' });

    const accepting = await transition('acceptProposal', proposal.id);
    expect(errorOf(accepting).code).toBe('CONFLICT');
    expect(accepting.errors![0]!.message).toContain('DRAFT');

    const sent = (await transition('sendProposal', proposal.id)).data.sendProposal;
    expect(sent).toMatchObject({ status: 'SENT', version: 3 });
    expect(sent.sentAt).toBeTruthy();
    for (const [name, status] of [['sendProposal', 'SENT'], ['updateProposal', 'SENT']] as const) {
      const result = name === 'updateProposal'
        ? await owner.request('mutation($id: ID!) { updateProposal(id: $id, input: { title: "Too late" }) { id } }', { id: proposal.id })
        : await transition(name, proposal.id);
      expect(errorOf(result).code, name).toBe('CONFLICT');
      expect(result.errors![0]!.message, name).toContain(status);
    }

    const accepted = (await transition('acceptProposal', proposal.id)).data.acceptProposal;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', version: 4 });
    expect(accepted.acceptedAt).toBeTruthy();
    for (const name of ['acceptProposal', 'declineProposal', 'sendProposal']) {
      const result = await transition(name, proposal.id);
      expect(errorOf(result).code, name).toBe('CONFLICT');
      expect(result.errors![0]!.message, name).toContain('ACCEPTED');
    }
    expect((await outbox(proposal.id)).map((event) => event.event_type)).toEqual(['ProposalCreated', 'ProposalUpdated', 'ProposalSent', 'ProposalAccepted']);
  });

  it('declines a sent proposal, after which it can be neither accepted nor sent', async () => {
    const proposal = await createProposal();
    await transition('sendProposal', proposal.id);
    const declined = (await transition('declineProposal', proposal.id)).data.declineProposal;
    expect(declined.status).toBe('DECLINED');
    expect(declined.declinedAt).toBeTruthy();
    const accepting = await transition('acceptProposal', proposal.id);
    expect(errorOf(accepting).code).toBe('CONFLICT');
    expect(accepting.errors![0]!.message).toContain('DECLINED');
    expect((await outbox(proposal.id)).map((event) => event.event_type)).toEqual(['ProposalCreated', 'ProposalSent', 'ProposalDeclined']);
  });

  it('reads a sent proposal past its validUntil as EXPIRED, in lookups, filters and history, and refuses to accept it', async () => {
    const proposal = await createProposal({ title: 'Expiring', validUntil: day(10) });
    await transition('sendProposal', proposal.id);
    // Time passes: the offer's last day is now yesterday.
    await t.db.admin('update proposals set valid_until = $2 where id = $1', [proposal.id, day(-1)]);
    const read = await owner.request('query($id: ID!) { proposal(id: $id) { status validUntil history { edges { node { version snapshot { status validUntil } } } } } }', { id: proposal.id });
    expect(read.data.proposal).toMatchObject({ status: 'EXPIRED', validUntil: day(-1) });
    // Each version is read as of when it was replaced: version 2 was still valid then.
    expect(read.data.proposal.history.edges.map((edge: any) => [edge.node.version, edge.node.snapshot.status])).toEqual([[1, 'DRAFT'], [2, 'SENT'], [3, 'EXPIRED']]);

    const ids = async (filter: string) => (await owner.request(`{ proposals(first: 100, filter: ${filter}) { edges { node { id status } } } }`)).data.proposals.edges.map((edge: any) => edge.node.id);
    expect(await ids('{ status: [EXPIRED] }')).toContain(proposal.id);
    const sentIds = await ids('{ status: [SENT] }');
    expect(sentIds.length).toBeGreaterThan(0);
    expect(sentIds).not.toContain(proposal.id);
    const underClient = await owner.request('query($c: ID!) { client(id: $c) { expired: proposals(first: 100, filter: { status: [EXPIRED] }) { edges { node { id status } } } sent: proposals(first: 100, filter: { status: [SENT] }) { edges { node { id } } } } }', { c: clientId });
    expect(underClient.data.client.expired.edges.map((edge: any) => edge.node.id)).toContain(proposal.id);
    expect(underClient.data.client.expired.edges.every((edge: any) => edge.node.status === 'EXPIRED')).toBe(true);
    expect(underClient.data.client.sent.edges.map((edge: any) => edge.node.id)).not.toContain(proposal.id);

    const before = await countOutbox('ProposalAccepted');
    for (const name of ['acceptProposal', 'declineProposal']) {
      const result = await transition(name, proposal.id);
      expect(errorOf(result).code, name).toBe('CONFLICT');
      expect(result.errors![0]!.message, name).toContain('EXPIRED');
    }
    expect(await countOutbox('ProposalAccepted')).toBe(before);
    expect((await t.db.admin('select status from proposals where id = $1', [proposal.id]))[0].status).toBe('SENT');
  });

  it('refuses to send a proposal whose validUntil has already passed', async () => {
    const proposal = await createProposal({ validUntil: day(-2) });
    const result = await transition('sendProposal', proposal.id);
    expect(errorOf(result).code).toBe('CONFLICT');
    expect(result.errors![0]!.message).toContain('DRAFT');
    expect((await owner.request('query($id: ID!) { proposal(id: $id) { status } }', { id: proposal.id })).data.proposal.status).toBe('DRAFT');
  });
});

describe('ProposalAccepted in the outbox', () => {
  it('carries the proposal, client, title and total, written by the accepting request', async () => {
    const proposal = await createProposal({ title: 'Announced', lineItems: [{ description: 'Retainer', quantity: 1, unitPriceMinor: 500_000, taxRate: 0.2 }] });
    await transition('sendProposal', proposal.id);
    await transition('acceptProposal', proposal.id);
    const [event] = (await outbox(proposal.id)).filter((row) => row.event_type === 'ProposalAccepted');
    expect(event.payload).toMatchObject({ proposalId: proposal.id, clientId, title: 'Announced', total: { amountMinor: 600_000, currency: 'USD' } });
    expect(event.actor).toBe(`user:${t.tenants.alpha!.userIds['owner@alpha.test']}`);
    const audit = await t.db.admin(`select request_id from activity_events where entity_id = $1 and changes -> 'status' ->> 'to' = 'ACCEPTED'`, [proposal.id]);
    expect(audit).toEqual([{ request_id: event.request_id }]);
  });

  it('is written in the transaction of the acceptance: if the event cannot be written, the proposal stays SENT', async () => {
    const proposal = await createProposal();
    await transition('sendProposal', proposal.id);
    // This file's own database: refuse the event, as a failing outbox would.
    await t.db.admin(`alter table outbox add constraint test_refuse_accepted check (event_type <> 'ProposalAccepted') not valid`);
    try {
      const result = await transition('acceptProposal', proposal.id);
      expect(errorOf(result).code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.db.admin('alter table outbox drop constraint test_refuse_accepted');
    }
    const [row] = await t.db.admin('select status, accepted_at, version from proposals where id = $1', [proposal.id]);
    expect(row).toMatchObject({ status: 'SENT', accepted_at: null, version: 2 });
    expect(await t.db.admin(`select id from activity_events where entity_id = $1 and changes -> 'status' ->> 'to' = 'ACCEPTED'`, [proposal.id])).toEqual([]);
    // Each root field commits on its own: the first accept succeeds, the second fails with no event.
    const twice = await owner.request('mutation($id: ID!) { first: acceptProposal(id: $id) { status } second: acceptProposal(id: $id) { status } }', { id: proposal.id });
    expect(errorOf(twice).code).toBe('CONFLICT');
    expect(twice.errors![0]!.path).toEqual(['second']);
    expect((await t.db.admin('select status from proposals where id = $1', [proposal.id]))[0].status).toBe('ACCEPTED');
    expect((await outbox(proposal.id)).filter((event) => event.event_type === 'ProposalAccepted')).toHaveLength(1);
  });
});

describe('contracts', () => {
  it('makes one contract from an accepted proposal, copying its client, title and total, and refuses a second', async () => {
    const proposal = await acceptedProposal();
    const created = await createContract({ proposalId: proposal.id, startDate: day(1), endDate: day(90) });
    expect(created.errors).toBeUndefined();
    expect(created.data.createContract).toMatchObject({
      status: 'DRAFT',
      title: 'To be accepted',
      value: { amountMinor: proposal.total.amountMinor, currency: 'USD' },
      client: { id: clientId },
      proposal: { id: proposal.id, status: 'ACCEPTED' },
      startDate: day(1),
      endDate: day(90),
    });
    const contractId = created.data.createContract.id;
    const again = await createContract({ proposalId: proposal.id });
    expect(errorOf(again).code).toBe('CONFLICT');
    const linked = await owner.request('query($id: ID!) { proposal(id: $id) { contract { id title } } }', { id: proposal.id });
    expect(linked.data.proposal.contract).toEqual({ id: contractId, title: 'To be accepted' });
    const [event] = await outbox(contractId);
    expect(event).toMatchObject({ event_type: 'ContractCreated', payload: { proposalId: proposal.id, clientId, value: { amountMinor: proposal.total.amountMinor, currency: 'USD' } } });
  });

  it('lets only one of two concurrent attempts make the contract of a proposal', async () => {
    const proposal = await acceptedProposal();
    const results = await Promise.all([createContract({ proposalId: proposal.id }), createContract({ proposalId: proposal.id })]);
    expect(results.map((result) => errorOf(result).code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(await t.db.admin('select id from contracts where proposal_id = $1', [proposal.id])).toHaveLength(1);
  });

  it('refuses a proposal that is not ACCEPTED, and mixed or missing inputs, naming the field', async () => {
    const draft = await createProposal();
    const fromDraft = await createContract({ proposalId: draft.id });
    expect(errorOf(fromDraft).code).toBe('CONFLICT');
    expect(fromDraft.errors![0]!.message).toContain('DRAFT');
    const accepted = await acceptedProposal();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ proposalId: accepted.id, clientId }, 'BAD_USER_INPUT', 'input.clientId'],
      [{ proposalId: accepted.id, value: { amountMinor: 1, currency: 'USD' } }, 'BAD_USER_INPUT', 'input.value'],
      [{ proposalId: 'nope' }, 'BAD_USER_INPUT', 'input.proposalId'],
      [{ proposalId: '01890000-0000-7000-8000-000000000000' }, 'NOT_FOUND', 'input.proposalId'],
      [{ title: 'No client', value: { amountMinor: 1, currency: 'USD' } }, 'BAD_USER_INPUT', 'input.clientId'],
      [{ clientId, value: { amountMinor: 1, currency: 'USD' } }, 'BAD_USER_INPUT', 'input.title'],
      [{ clientId, title: 'No value' }, 'BAD_USER_INPUT', 'input.value'],
      [{ clientId, title: 'Bad', value: { amountMinor: -1, currency: 'USD' } }, 'BAD_USER_INPUT', 'input.value.amountMinor'],
      [{ clientId, title: 'Bad', value: { amountMinor: 1, currency: 'US' } }, 'BAD_USER_INPUT', 'input.value.currency'],
      [{ clientId, title: 'Bad', value: { amountMinor: 1, currency: 'USD' }, startDate: day(5), endDate: day(4) }, 'BAD_USER_INPUT', 'input.endDate'],
      [{ clientId: betaClientId, title: 'Foreign', value: { amountMinor: 1, currency: 'USD' } }, 'NOT_FOUND', 'input.clientId'],
    ];
    for (const [input, code, field] of cases) expect(errorOf(await createContract(input)), JSON.stringify(input)).toEqual({ code, field });
  });

  it('signs, completes and terminates with checked transitions; title and value are fixed once signed', async () => {
    const created = (await createContract({ clientId, title: 'Support', value: { amountMinor: 1_200_000, currency: 'EUR' } })).data.createContract;
    expect(created).toMatchObject({ status: 'DRAFT', proposal: null, value: { amountMinor: 1_200_000, currency: 'EUR' }, version: 1 });
    const id = created.id;
    const sign = (input: string) => owner.request(`mutation($id: ID!) { signContract(id: $id, input: ${input}) { ${CONTRACT} } }`, { id });
    expect(errorOf(await sign('{ signedBy: " " }'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.signedBy' });
    expect(errorOf(await sign(`{ signedBy: "Pat", signedAt: "${day(3)}T00:00:00Z" }`))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.signedAt' });
    const complete = await owner.request('mutation($id: ID!) { completeContract(id: $id) { id } }', { id });
    expect(errorOf(complete).code).toBe('CONFLICT');
    expect(complete.errors![0]!.message).toContain('DRAFT');

    const signed = (await sign(`{ signedBy: "Pat Client", signedAt: "${day(-1)}T09:00:00.000Z" }`)).data.signContract;
    expect(signed).toMatchObject({ status: 'SIGNED', signedBy: 'Pat Client', signedAt: `${day(-1)}T09:00:00.000Z`, version: 2 });
    const signAgain = await sign('{ signedBy: "Pat" }');
    expect(errorOf(signAgain).code).toBe('CONFLICT');
    expect(signAgain.errors![0]!.message).toContain('SIGNED');
    const retitle = await owner.request('mutation($id: ID!) { updateContract(id: $id, input: { title: "Cheaper", value: { amountMinor: 1, currency: "EUR" } }) { id } }', { id });
    expect(errorOf(retitle).code).toBe('CONFLICT');
    const extended = await owner.request('mutation($id: ID!) { updateContract(id: $id, input: { endDate: "2031-12-31", notes: "Extended" }, expectedVersion: 2) { endDate notes version } }', { id });
    expect(extended.data.updateContract).toEqual({ endDate: '2031-12-31', notes: 'Extended', version: 3 });

    const completed = (await owner.request(`mutation($id: ID!) { completeContract(id: $id) { ${CONTRACT} } }`, { id })).data.completeContract;
    expect(completed.status).toBe('COMPLETED');
    expect(completed.completedAt).toBeTruthy();
    for (const name of ['terminateContract', 'completeContract']) {
      const result = await owner.request(`mutation($id: ID!) { ${name}(id: $id) { id } }`, { id });
      expect(errorOf(result).code, name).toBe('CONFLICT');
      expect(result.errors![0]!.message, name).toContain('COMPLETED');
    }
    const frozen = await owner.request('mutation($id: ID!) { updateContract(id: $id, input: { notes: "Late" }) { id } }', { id });
    expect(errorOf(frozen).code).toBe('CONFLICT');
    expect((await outbox(id)).map((event) => event.event_type)).toEqual(['ContractCreated', 'ContractSigned', 'ContractUpdated', 'ContractCompleted']);

    const draft = (await createContract({ clientId, title: 'Never signed', value: { amountMinor: 5, currency: 'USD' } })).data.createContract;
    const terminated = (await owner.request(`mutation($id: ID!) { terminateContract(id: $id) { ${CONTRACT} } }`, { id: draft.id })).data.terminateContract;
    expect(terminated.status).toBe('TERMINATED');
    expect(terminated.terminatedAt).toBeTruthy();
  });
});

describe('soft deletes', () => {
  it('hides deleted proposals and contracts from lookups and lists, keeps references resolving, and restores them', async () => {
    const proposal = await acceptedProposal();
    const contract = (await createContract({ proposalId: proposal.id })).data.createContract;
    const deleted = await owner.request('mutation($p: ID!, $c: ID!) { deleteProposal(id: $p) { deletedAt deletedBy } deleteContract(id: $c, expectedVersion: 1) { deletedAt version } }', { p: proposal.id, c: contract.id });
    expect(deleted.data.deleteProposal.deletedBy).toBe(`user:${t.tenants.alpha!.userIds['owner@alpha.test']}`);
    expect(deleted.data.deleteContract.deletedAt).toBeTruthy();
    const lookups = await owner.request('query($p: ID!, $c: ID!) { proposal(id: $p) { id } contract(id: $c) { id } }', { p: proposal.id, c: contract.id });
    expect(lookups.data).toEqual({ proposal: null, contract: null });
    const listed = await owner.request('query($c: ID!) { proposals(first: 100) { edges { node { id } } } contracts(first: 100) { edges { node { id } } } client(id: $c) { proposals(first: 100) { edges { node { id } } } contracts(first: 100) { edges { node { id } } } } }', { c: clientId });
    const idsOf = (connection: any) => connection.edges.map((edge: any) => edge.node.id);
    expect(idsOf(listed.data.proposals)).not.toContain(proposal.id);
    expect(idsOf(listed.data.contracts)).not.toContain(contract.id);
    expect(idsOf(listed.data.client.proposals)).not.toContain(proposal.id);
    expect(idsOf(listed.data.client.contracts)).not.toContain(contract.id);
    const admin = await owner.request('query($c: ID!) { proposals(first: 100, includeDeleted: true) { edges { node { id } } } client(id: $c) { contracts(first: 100, includeDeleted: true) { edges { node { id deletedAt proposal { id deletedAt } } } } } }', { c: clientId });
    expect(idsOf(admin.data.proposals)).toContain(proposal.id);
    const adminContract = admin.data.client.contracts.edges.find((edge: any) => edge.node.id === contract.id).node;
    // The reference to the deleted proposal still resolves, with deletedAt set.
    expect(adminContract.proposal.id).toBe(proposal.id);
    expect(adminContract.proposal.deletedAt).toBeTruthy();
    expect(errorOf(await member.request('{ proposals(includeDeleted: true) { totalCount } }')).code).toBe('FORBIDDEN');
    expect(errorOf(await owner.request('mutation($id: ID!) { sendProposal(id: $id) { id } }', { id: proposal.id })).code).toBe('NOT_FOUND');
    // The deleted contract still holds the proposal's one contract.
    const restoredProposal = await owner.request('mutation($p: ID!) { restoreProposal(id: $p) { deletedAt contract { id deletedAt } } }', { p: proposal.id });
    expect(restoredProposal.data.restoreProposal.deletedAt).toBeNull();
    expect(restoredProposal.data.restoreProposal.contract.id).toBe(contract.id);
    expect(errorOf(await createContract({ proposalId: proposal.id })).code).toBe('CONFLICT');
    const restored = await owner.request('mutation($c: ID!) { restoreContract(id: $c) { deletedAt deletedBy } }', { c: contract.id });
    expect(restored.data.restoreContract).toEqual({ deletedAt: null, deletedBy: null });
    expect((await owner.request('query($c: ID!) { contract(id: $c) { id } }', { c: contract.id })).data.contract.id).toBe(contract.id);
    const events = await t.db.admin('select action from activity_events where entity_id = $1 order by seq', [contract.id]);
    expect(events.map((event) => event.action)).toEqual(['created', 'deleted', 'restored']);
  });
});

describe('audit, history and time travel', () => {
  it('writes one activity event per change with its changes, and answers asOf with the state then', async () => {
    const proposal = await createProposal({ title: 'Audited' });
    const [{ now: afterCreate }] = await t.db.admin('select clock_timestamp() as now');
    await owner.request('mutation($id: ID!) { updateProposal(id: $id, input: { notes: "Second draft" }) { id } }', { id: proposal.id });
    await transition('sendProposal', proposal.id);
    const events = await t.db.admin('select action, actor, client_id, changes from activity_events where entity_type = $1 and entity_id = $2 order by seq', ['Proposal', proposal.id]);
    expect(events.map((event) => event.action)).toEqual(['created', 'updated', 'updated']);
    expect(events.every((event) => event.client_id === clientId && event.actor === `user:${t.tenants.alpha!.userIds['owner@alpha.test']}`)).toBe(true);
    expect(events[0].changes.line_items.to).toHaveLength(1);
    expect(events[1].changes).toEqual({ notes: { from: null, to: 'Second draft' } });
    expect(events[2].changes.status).toEqual({ from: 'DRAFT', to: 'SENT' });

    const then = await owner.request('query($id: ID!, $at: DateTime) { proposal(id: $id, asOf: $at) { status notes version } }', { id: proposal.id, at: afterCreate.toISOString() });
    expect(then.data.proposal).toEqual({ status: 'DRAFT', notes: null, version: 1 });
    const history = await owner.request('query($id: ID!) { proposal(id: $id) { history { totalCount edges { node { version actor validTo snapshot { status notes total { amountMinor } } } } } } }', { id: proposal.id });
    expect(history.data.proposal.history.totalCount).toBe(3);
    expect(history.data.proposal.history.edges.map((edge: any) => edge.node.snapshot.status)).toEqual(['DRAFT', 'DRAFT', 'SENT']);
    const underClient = await owner.request('query($c: ID!, $at: DateTime) { client(id: $c) { proposals(first: 100, asOf: $at) { edges { node { id status } } } } }', { c: clientId, at: afterCreate.toISOString() });
    expect(underClient.data.client.proposals.edges).toContainEqual({ node: { id: proposal.id, status: 'DRAFT' } });
  });
});

describe('through the gateway', () => {
  it('extends Client with proposals and contracts, and resolves their clients from crm', async () => {
    const result = await owner.request('query($c: ID!) { client(id: $c) { name proposals(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { title client { name } } } } contracts { totalCount edges { node { status client { name } } } } } }', { c: clientId });
    expect(result.errors).toBeUndefined();
    const client = result.data.client;
    expect(client.proposals.edges).toHaveLength(2);
    expect(client.proposals.totalCount).toBeGreaterThan(2);
    expect(client.proposals.edges.every((edge: any) => edge.node.client.name === client.name)).toBe(true);
    expect(client.contracts.totalCount).toBeGreaterThan(0);
    const next = await owner.request('query($c: ID!, $after: String) { client(id: $c) { proposals(first: 100, after: $after) { totalCount edges { node { id } } } } }', { c: clientId, after: client.proposals.pageInfo.endCursor });
    expect(next.data.client.proposals.edges).toHaveLength(client.proposals.totalCount - 2);
    const bad = await owner.request('query($c: ID!) { client(id: $c) { proposals(after: "junk") { totalCount } } }', { c: clientId });
    expect(errorOf(bad)).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('serves the seeded proposals in every status and contracts in every status', async () => {
    const result = await owner.request('{ proposals(first: 100) { edges { node { status } } } contracts(first: 100) { edges { node { status proposal { status } } } } }');
    const proposalStatuses = new Set(result.data.proposals.edges.map((edge: any) => edge.node.status));
    expect([...proposalStatuses].sort()).toEqual(['ACCEPTED', 'DECLINED', 'DRAFT', 'EXPIRED', 'SENT']);
    const contracts = result.data.contracts.edges.map((edge: any) => edge.node);
    expect(new Set(contracts.map((contract: any) => contract.status))).toEqual(new Set(['DRAFT', 'SIGNED', 'COMPLETED', 'TERMINATED']));
    expect(contracts.some((contract: any) => contract.proposal?.status === 'ACCEPTED')).toBe(true);
  });

  it('pages the proposals and contracts of many clients with one statement each', async () => {
    const { result, statements } = await sqlStatements.capture(() =>
      owner.request('{ clients(first: 4) { edges { node { proposals(first: 1) { totalCount edges { node { id } } } contracts(first: 1) { totalCount edges { node { id } } } } } } }'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.clients.edges.filter((edge: any) => edge.node.proposals.totalCount > 0).length).toBeGreaterThan(1);
    // clients (crm), then the proposals and the contracts of all four (agreements).
    expect(statements).toHaveLength(3);
  });
});
