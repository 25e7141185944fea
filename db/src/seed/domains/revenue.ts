import { priceLineItems, type LineItemInput, type PricedLines } from '@ubos/kernel';
import type { SeedContext, SeededClient } from './context.js';

/** Clients that get invoices: a few, so the seed stays small (tests seed it too). */
const CLIENTS_WITH_INVOICES = 3;

/** Far enough ahead that a SENT or PARTIALLY_PAID demo invoice does not turn OVERDUE. */
const DUE_LATER = '2030-12-31';

const SERVICES = ['Strategy workshop', 'Design hours', 'Development hours', 'Hosting (monthly)', 'Support retainer'];
const SUPPLIES = ['Cloud hosting', 'Freelance design', 'Software licences', 'Office supplies', 'Travel'];

/**
 * One invoice per entry, cycling over the first clients, so that every derived status is
 * present. `paid` is the share of the total paid, in payments of equal parts.
 */
const INVOICES: Array<{ status: string; sent: boolean; voided?: boolean; issue: number; due: number | null; paid: number; payments: number }> = [
  { status: 'DRAFT', sent: false, issue: 300, due: null, paid: 0, payments: 0 },
  { status: 'SENT', sent: true, issue: 300, due: -1, paid: 0, payments: 0 },
  { status: 'PARTIALLY_PAID', sent: true, issue: 280, due: -1, paid: 0.4, payments: 1 },
  { status: 'PAID', sent: true, issue: 20, due: 50, paid: 1, payments: 2 },
  { status: 'OVERDUE', sent: true, issue: -60, due: -30, paid: 0, payments: 0 },
  { status: 'OVERDUE', sent: true, issue: -45, due: -15, paid: 0.5, payments: 1 },
  { status: 'VOID', sent: true, voided: true, issue: 40, due: 70, paid: 0, payments: 0 },
  { status: 'PAID', sent: true, issue: 100, due: 130, paid: 1, payments: 1 },
];

/** Three vendors with two bills each, covering every bill status. */
const VENDORS = [
  { name: 'Northwind Hosting', email: 'billing@northwind-hosting.example', bills: ['DRAFT', 'APPROVED'] },
  { name: 'Pixel Freelance Studio', email: 'hello@pixel-studio.example', bills: ['APPROVED_PARTLY_PAID', 'PAID'] },
  { name: 'Staples & Co', email: 'accounts@staples-co.example', bills: ['VOID', 'PAID'] },
] as const;

function demoLines(next: () => number, names: string[]): LineItemInput[] {
  const count = 1 + Math.floor(next() * 3);
  return Array.from({ length: count }, (_, index) => ({
    description: names[(index + Math.floor(next() * names.length)) % names.length]!,
    quantity: [1, 2.5, 8, 12.75][Math.floor(next() * 4)]!,
    unitPriceMinor: (20 + Math.floor(next() * 180)) * 1_000 + 50,
    taxRate: [0, 0.07, 0.2][Math.floor(next() * 3)]!,
  }));
}

const at = (seed: SeedContext, days: number) => `${seed.isoDate(days)}T10:00:00Z`;

/** The total split into `count` payments, the last taking the remainder. */
function split(total: number, count: number): number[] {
  const part = Math.floor(total / count);
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? total - part * (count - 1) : part));
}

const pricedColumns = (priced: PricedLines) => ({
  line_items: JSON.stringify(priced.lineItems),
  subtotal_minor: priced.subtotalMinor,
  tax_minor: priced.taxMinor,
  total_minor: priced.totalMinor,
});

/**
 * Demo data of the revenue domain: invoices in every status with their payments, and vendors
 * with bills in every status. Invoice numbers come from the database, like any insert (a
 * trigger takes the tenant's next number), so the counter always matches the invoices. A
 * number is taken before ON CONFLICT is looked at, so invoices are inserted only after
 * checking that they are missing: seeding twice must not burn numbers.
 */
export async function seedRevenue(seed: SeedContext, clients: SeededClient[]): Promise<void> {
  const next = seed.random('revenue');
  const billed = clients.slice(0, CLIENTS_WITH_INVOICES);
  if (billed.length === 0) return;
  for (const [index, spec] of INVOICES.entries()) {
    const client = billed[index % billed.length]!;
    const id = seed.id(`invoice:${seed.slug}:${index}`);
    const priced = priceLineItems(demoLines(next, SERVICES));
    const amounts = spec.payments ? split(Math.round(priced.totalMinor * spec.paid), spec.payments) : [];
    const paymentIds = amounts.map((_, paymentIndex) => seed.id(`payment:${seed.slug}:${index}:${paymentIndex}`));
    const existing = await seed.client.query('select 1 from invoices where organization_id = $1 and id = $2', [seed.organizationId, id]);
    if (existing.rowCount) continue;
    const engagement = await seed.client.query<{ id: string }>(
      'select id from engagements where organization_id = $1 and client_id = $2 and deleted_at is null order by id limit 1',
      [seed.organizationId, client.id],
    );
    await seed.insert('invoices', {
      organization_id: seed.organizationId,
      id,
      client_id: client.id,
      engagement_id: index % 2 === 0 ? (engagement.rows[0]?.id ?? null) : null,
      currency: 'USD',
      ...pricedColumns(priced),
      amount_paid_minor: amounts.reduce((sum, amount) => sum + amount, 0),
      issue_date: seed.isoDate(spec.issue),
      due_date: spec.due === null ? null : spec.due === -1 ? DUE_LATER : seed.isoDate(spec.due),
      sent_at: spec.sent ? at(seed, spec.issue) : null,
      voided_at: spec.voided ? at(seed, spec.issue + 5) : null,
      notes: spec.status === 'VOID' ? 'Issued in error; replaced by a corrected invoice.' : null,
    });
    for (const [paymentIndex, amount] of amounts.entries()) {
      await seed.insert('payments', {
        organization_id: seed.organizationId,
        id: paymentIds[paymentIndex],
        invoice_id: id,
        client_id: client.id,
        amount_minor: amount,
        currency: 'USD',
        paid_at: at(seed, spec.issue + 10 * (paymentIndex + 1)),
        method: paymentIndex % 2 === 0 ? 'bank transfer' : 'card',
        reference: `TRX-${seed.slug.toUpperCase()}-${index}${paymentIndex}`,
      });
    }
  }

  for (const [vendorIndex, vendor] of VENDORS.entries()) {
    const vendorId = seed.id(`vendor:${seed.slug}:${vendorIndex}`);
    await seed.insert('vendors', {
      organization_id: seed.organizationId,
      id: vendorId,
      name: vendor.name,
      email: vendor.email,
      phone: `+1 555 02${String(vendorIndex).padStart(2, '0')}`,
    });
    for (const [billIndex, kind] of vendor.bills.entries()) {
      const billId = seed.id(`bill:${seed.slug}:${vendorIndex}:${billIndex}`);
      const priced = priceLineItems(demoLines(next, SUPPLIES));
      const status = kind === 'APPROVED_PARTLY_PAID' ? 'APPROVED' : kind;
      const amounts = kind === 'PAID' ? split(priced.totalMinor, 1 + billIndex) : kind === 'APPROVED_PARTLY_PAID' ? [Math.floor(priced.totalMinor / 3)] : [];
      const issue = 30 * (vendorIndex + 1) + billIndex * 7;
      await seed.insert('bills', {
        organization_id: seed.organizationId,
        id: billId,
        vendor_id: vendorId,
        reference: `${vendor.name.split(' ')[0]!.toUpperCase()}-${2026}${String(vendorIndex * 10 + billIndex + 1).padStart(3, '0')}`,
        status,
        currency: 'USD',
        ...pricedColumns(priced),
        amount_paid_minor: amounts.reduce((sum, amount) => sum + amount, 0),
        issue_date: seed.isoDate(issue),
        due_date: seed.isoDate(issue + 30),
        approved_at: status === 'APPROVED' || status === 'PAID' ? at(seed, issue + 2) : null,
        paid_at: status === 'PAID' ? at(seed, issue + 20) : null,
        voided_at: status === 'VOID' ? at(seed, issue + 3) : null,
      });
      for (const [paymentIndex, amount] of amounts.entries()) {
        await seed.insert('bill_payments', {
          organization_id: seed.organizationId,
          id: seed.id(`bill-payment:${seed.slug}:${vendorIndex}:${billIndex}:${paymentIndex}`),
          bill_id: billId,
          amount_minor: amount,
          currency: 'USD',
          paid_at: at(seed, issue + 10 + 10 * paymentIndex),
          reference: `PAY-${seed.slug.toUpperCase()}-${vendorIndex}${billIndex}${paymentIndex}`,
        });
      }
    }
  }
}
