import { priceLineItems, type LineItemInput } from '@ubos/kernel';
import type { SeedContext, SeededClient } from './context.js';

/** Clients that get agreements: a few, so the seed stays small (tests seed it too). */
const CLIENTS_WITH_AGREEMENTS = 6;

/**
 * Two proposals per client, cycling through every status. EXPIRED is stored as SENT with a
 * validUntil long past; SENT ones stay valid until 2030.
 */
const PROPOSAL_STATUSES = ['DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'ACCEPTED'] as const;
/** One contract of its own per client, cycling through every status; accepted proposals add a SIGNED one each. */
const CONTRACT_STATUSES = ['DRAFT', 'SIGNED', 'COMPLETED', 'TERMINATED'] as const;

const SERVICES = ['Discovery workshop', 'Design sprint', 'Implementation', 'Training session', 'Support retainer'];
const VALID_FOR_YEARS = '2030-12-31';

function demoLines(next: () => number): LineItemInput[] {
  const count = 1 + Math.floor(next() * 3);
  return Array.from({ length: count }, (_, index) => ({
    description: SERVICES[(index + Math.floor(next() * SERVICES.length)) % SERVICES.length]!,
    quantity: [1, 2.5, 8, 12.75][Math.floor(next() * 4)]!,
    unitPriceMinor: (50 + Math.floor(next() * 250)) * 1_000 + 99,
    taxRate: [0, 0.07, 0.2][Math.floor(next() * 3)]!,
  }));
}

const at = (seed: SeedContext, days: number) => `${seed.isoDate(days)}T10:00:00Z`;

/** The clients among `clients` that already have rows in `table`. */
export async function clientsWithRows(seed: SeedContext, table: 'proposals' | 'engagements', clients: SeededClient[]): Promise<Set<string>> {
  const { rows } = await seed.client.query<{ client_id: string }>(`select distinct client_id from ${table} where organization_id = $1 and client_id = any($2::uuid[])`, [
    seed.organizationId,
    clients.map((client) => client.id),
  ]);
  return new Set(rows.map((row) => row.client_id));
}

/** Demo data of the agreements domain: proposals in every status, contracts in every status, one per accepted proposal. */
export async function seedAgreements(seed: SeedContext, clients: SeededClient[]): Promise<void> {
  const next = seed.random('agreements');
  const picked = clients.slice(0, CLIENTS_WITH_AGREEMENTS);
  // Seed ids depend on how many were taken before, so a client that already has agreements
  // (say, from an earlier seed with fewer clients) is left as it is rather than seeded twice.
  // Rows are still built for every client: the ids and random values, and so every later
  // domain's ids, then come out the same on every run.
  const seeded = await clientsWithRows(seed, 'proposals', picked);
  const rows: Array<{ table: string; clientId: string; row: Record<string, unknown> }> = [];
  const add = (table: string, row: Record<string, unknown>) => rows.push({ table, clientId: row.client_id as string, row });
  for (const [clientIndex, client] of picked.entries()) {
    for (let proposalIndex = 0; proposalIndex < 2; proposalIndex++) {
      const position = clientIndex * 2 + proposalIndex;
      const status = PROPOSAL_STATUSES[position % PROPOSAL_STATUSES.length]!;
      const priced = priceLineItems(demoLines(next));
      const proposalId = seed.id(`proposal:${seed.slug}:${clientIndex}:${proposalIndex}`);
      const title = `${SERVICES[position % SERVICES.length]} for ${client.name}`;
      const sent = status !== 'DRAFT';
      add('proposals', {
        organization_id: seed.organizationId,
        id: proposalId,
        client_id: client.id,
        title,
        notes: status === 'DECLINED' ? 'Budget moved to next year.' : null,
        status: status === 'EXPIRED' ? 'SENT' : status,
        currency: 'USD',
        line_items: JSON.stringify(priced.lineItems),
        subtotal_minor: priced.subtotalMinor,
        tax_minor: priced.taxMinor,
        total_minor: priced.totalMinor,
        valid_until: status === 'EXPIRED' ? seed.isoDate(40) : status === 'SENT' || status === 'DRAFT' ? VALID_FOR_YEARS : seed.isoDate(60 + position),
        sent_at: sent ? at(seed, 10 + position) : null,
        accepted_at: status === 'ACCEPTED' ? at(seed, 20 + position) : null,
        declined_at: status === 'DECLINED' ? at(seed, 20 + position) : null,
      });
      if (status === 'ACCEPTED') {
        add('contracts', {
          organization_id: seed.organizationId,
          id: seed.id(`contract:${seed.slug}:proposal:${clientIndex}:${proposalIndex}`),
          client_id: client.id,
          proposal_id: proposalId,
          title,
          status: 'SIGNED',
          value_amount_minor: priced.totalMinor,
          value_currency: 'USD',
          start_date: seed.isoDate(30 + position),
          end_date: seed.isoDate(210 + position),
          signed_at: at(seed, 25 + position),
          signed_by: `Managing Director, ${client.name}`,
        });
      }
    }
    const status = CONTRACT_STATUSES[clientIndex % CONTRACT_STATUSES.length]!;
    const signed = status !== 'DRAFT';
    add('contracts', {
      organization_id: seed.organizationId,
      id: seed.id(`contract:${seed.slug}:${clientIndex}`),
      client_id: client.id,
      proposal_id: null,
      title: `Master services agreement with ${client.name}`,
      notes: status === 'TERMINATED' ? 'Ended early by mutual agreement.' : null,
      status,
      value_amount_minor: (20 + Math.floor(next() * 80)) * 100_000,
      value_currency: 'USD',
      start_date: seed.isoDate(clientIndex * 7),
      end_date: seed.isoDate(365 + clientIndex * 7),
      signed_at: signed ? at(seed, clientIndex * 7) : null,
      signed_by: signed ? `Chief Executive, ${client.name}` : null,
      completed_at: status === 'COMPLETED' ? at(seed, 300) : null,
      terminated_at: status === 'TERMINATED' ? at(seed, 200) : null,
    });
  }
  for (const { table, clientId, row } of rows) if (!seeded.has(clientId)) await seed.insert(table, row);
}
