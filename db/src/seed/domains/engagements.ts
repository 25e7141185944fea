import { clientsWithRows } from './agreements.js';
import type { SeedContext, SeededClient } from './context.js';

/** Clients that get an engagement: the same few that have agreements. */
const CLIENTS_WITH_ENGAGEMENTS = 6;
const TYPES = ['RETAINER', 'FIXED_FEE', 'TIME_AND_MATERIALS'] as const;
const STATUSES = ['ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED'] as const;
const NAMES = { RETAINER: 'Ongoing support', FIXED_FEE: 'Website relaunch', TIME_AND_MATERIALS: 'Platform build' };

/**
 * Demo data of the engagements domain: one engagement per client, cycling through every type
 * and status, under the client's oldest contract (but one without), with the client's projects.
 * Runs after the agreements seed, so the contracts exist.
 */
export async function seedEngagements(seed: SeedContext, clients: SeededClient[]): Promise<void> {
  const picked = clients.slice(0, CLIENTS_WITH_ENGAGEMENTS);
  const ids = picked.map((client) => client.id);
  const contracts = (
    await seed.client.query<{ id: string; client_id: string }>('select id, client_id from contracts where organization_id = $1 and client_id = any($2::uuid[]) order by id', [seed.organizationId, ids])
  ).rows;
  const projects = (
    await seed.client.query<{ id: string; client_id: string }>('select id, client_id from projects where organization_id = $1 and client_id = any($2::uuid[]) order by id', [seed.organizationId, ids])
  ).rows;
  const seeded = await clientsWithRows(seed, 'engagements', picked);
  // Ids are taken for every client, so that they come out the same on every run, and rows are
  // inserted for the clients that have none yet (see the agreements seed).
  const insert = async (clientId: string, table: string, row: Record<string, unknown>) => {
    if (!seeded.has(clientId)) await seed.insert(table, row);
  };
  for (const [clientIndex, client] of picked.entries()) {
    const type = TYPES[clientIndex % TYPES.length]!;
    const status = STATUSES[clientIndex % STATUSES.length]!;
    const engagementId = seed.id(`engagement:${seed.slug}:${clientIndex}`);
    const contract = clientIndex % 4 === 3 ? undefined : contracts.find((row) => row.client_id === client.id);
    await insert(client.id, 'engagements', {
      organization_id: seed.organizationId,
      id: engagementId,
      client_id: client.id,
      contract_id: contract?.id ?? null,
      name: `${NAMES[type]} for ${client.name}`,
      type,
      status,
      start_date: seed.isoDate(clientIndex * 7),
      end_date: status === 'ACTIVE' || status === 'PAUSED' ? null : seed.isoDate(180 + clientIndex * 7),
      budget_amount_minor: type === 'TIME_AND_MATERIALS' ? null : (10 + clientIndex * 5) * 100_000,
      budget_currency: type === 'TIME_AND_MATERIALS' ? null : 'USD',
    });
    for (const project of projects.filter((row) => row.client_id === client.id)) {
      await insert(client.id, 'engagement_projects', {
        organization_id: seed.organizationId,
        id: seed.id(`engagement-project:${seed.slug}:${clientIndex}:${project.id}`),
        engagement_id: engagementId,
        client_id: client.id,
        project_id: project.id,
      });
    }
  }
}
