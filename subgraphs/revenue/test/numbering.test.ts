import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@ubos/db';
import { uuidv7 } from '@ubos/kernel';
import { startTestStack, TEST_ORGANIZATIONS, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Invoice numbers are sequential and gapless per tenant, even under concurrent creation and
// failed creates; the demo seed leaves the counter where the next create continues.
let t: TestStack;

beforeAll(async () => {
  // 100 requests at once from two owners: the rate limits are tested elsewhere.
  t = await startTestStack({ config: { rateLimits: { actor: null, tenant: null, login: null } } });
});
afterAll(() => t?.close());

const numbersOf = async (organizationId: string) =>
  (await t.db.admin<{ number: number }>('select number from invoices where organization_id = $1 order by number', [organizationId])).map((row) => row.number);
const counterOf = async (organizationId: string) =>
  (await t.db.admin<{ last_number: number }>('select last_number from invoice_counters where organization_id = $1', [organizationId]))[0]?.last_number;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('the demo seed', () => {
  it('seeds invoices in every status with payments, and bills in every status, for every organization', async () => {
    for (const slug of ['alpha', 'beta', 'gamma']) {
      const owner = await t.as(slug);
      const result = await owner.request(`{
        invoices(first: 100) { totalCount edges { node { number status engagement { id } amountPaid { amountMinor } total { amountMinor } payments { amount { amountMinor } } } } }
        bills(first: 100) { edges { node { status amountPaid { amountMinor } total { amountMinor } payments { amount { amountMinor } } vendor { name } } } }
        vendors { totalCount }
      }`);
      expect(result.errors).toBeUndefined();
      const invoices = result.data.invoices.edges.map((edge: any) => edge.node);
      expect(new Set(invoices.map((invoice: any) => invoice.status))).toEqual(new Set(['DRAFT', 'SENT', 'PARTIALLY_PAID', 'PAID', 'OVERDUE', 'VOID']));
      for (const invoice of [...invoices, ...result.data.bills.edges.map((edge: any) => edge.node)]) {
        expect(invoice.payments.reduce((sum: number, payment: any) => sum + payment.amount.amountMinor, 0)).toBe(invoice.amountPaid.amountMinor);
      }
      expect(invoices.some((invoice: any) => invoice.engagement)).toBe(true);
      expect(invoices.map((invoice: any) => invoice.number)).toEqual(range(1, invoices.length).map((n) => `INV-${String(n).padStart(6, '0')}`));
      expect(new Set(result.data.bills.edges.map((edge: any) => edge.node.status))).toEqual(new Set(['DRAFT', 'APPROVED', 'PAID', 'VOID']));
      expect(result.data.vendors.totalCount).toBe(3);
      expect(await counterOf(t.tenants[slug]!.organizationId)).toBe(invoices.length);
    }
  });

  it('adds nothing and burns no number when it runs again', async () => {
    const alpha = t.tenants.alpha!.organizationId;
    const before = { numbers: await numbersOf(alpha), counter: await counterOf(alpha) };
    const [payments] = await t.db.admin('select count(*)::int as count from payments');
    await seedDemo(t.db.adminUrl, TEST_ORGANIZATIONS);
    expect({ numbers: await numbersOf(alpha), counter: await counterOf(alpha) }).toEqual(before);
    expect((await t.db.admin('select count(*)::int as count from payments'))[0]).toEqual(payments);
  });
});

describe('gapless numbers', () => {
  it('numbers 50 concurrent creates in each of two tenants 1..N with no gap or duplicate, failed creates included', async () => {
    const tenants = ['alpha', 'beta'];
    const sessions: Record<string, { owner: GraphQLClient; clientId: string; organizationId: string; seeded: number }> = {};
    for (const slug of tenants) {
      const organizationId = t.tenants[slug]!.organizationId;
      const [client] = await t.db.admin<{ id: string }>('select id from clients where organization_id = $1 order by id limit 1', [organizationId]);
      sessions[slug] = { owner: await t.as(slug), clientId: client!.id, organizationId, seeded: (await numbersOf(organizationId)).length };
    }
    const LINE = { description: 'Concurrent', quantity: 1, unitPriceMinor: 100 };
    // Per tenant: 40 valid creates, 5 refused by validation before any number is taken, and 5
    // with a missing client, refused by the foreign key after the insert took a number (rolled back).
    const kinds = Array.from({ length: 50 }, (_, index) => (index % 10 === 3 ? 'invalid' : index % 10 === 7 ? 'missing-client' : 'valid'));
    const requests = kinds.flatMap((kind, index) =>
      tenants.map(async (slug) => {
        const session = sessions[slug]!;
        const input = {
          clientId: kind === 'missing-client' ? uuidv7() : session.clientId,
          currency: 'USD',
          lineItems: [kind === 'invalid' ? { ...LINE, quantity: -1 } : { ...LINE, description: `Concurrent ${index}` }],
        };
        const result = await session.owner.request('mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id number } }', { input });
        return { slug, kind, result };
      }),
    );
    const results = await Promise.all(requests);
    for (const { kind, result } of results) {
      if (kind === 'valid') expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      else expect(result.errors?.[0]?.extensions?.code).toBe(kind === 'invalid' ? 'BAD_USER_INPUT' : 'NOT_FOUND');
    }
    for (const slug of tenants) {
      const session = sessions[slug]!;
      const created = results.filter((entry) => entry.slug === slug && !entry.result.errors).map((entry) => entry.result.data.createInvoice.number as string);
      expect(created).toHaveLength(40);
      expect(new Set(created).size).toBe(40);
      const total = session.seeded + 40;
      expect(created.map((number) => Number(number.slice(4))).sort((a, b) => a - b)).toEqual(range(session.seeded + 1, total));
      expect(await numbersOf(session.organizationId)).toEqual(range(1, total));
      expect(await counterOf(session.organizationId)).toBe(total);
      // The next invoice continues the sequence.
      const next = await session.owner.request('mutation($c: ID!) { createInvoice(input: { clientId: $c, currency: "USD", lineItems: [{ description: "Next", quantity: 1, unitPriceMinor: 1 }] }) { number } }', { c: session.clientId });
      expect(next.data.createInvoice.number).toBe(`INV-${String(total + 1).padStart(6, '0')}`);
    }
    // The third tenant was not touched.
    const gamma = t.tenants.gamma!.organizationId;
    expect(await counterOf(gamma)).toBe((await numbersOf(gamma)).length);
  });
});
