import { createHash } from 'node:crypto';
import type pg from 'pg';
import { hashPassword, uuidv7 } from '@ubos/kernel';
import { withAdminClient } from '../admin.js';
import { demoClientCustomFields, demoDealCustomFields, demoProjectCustomFields } from './domains/custom-fields.js';
import { DOMAIN_SEEDS, type SeedContext } from './domains/index.js';
import { CLIENT_STATUSES, COMPANY_FIRST, COMPANY_LAST, DEAL_STAGES, FIRST_NAMES, INDUSTRIES, LAST_NAMES, PROJECT_KINDS, PROJECT_STATUSES, TASK_STATUSES, TASK_TITLES } from './vocabulary.js';

export const DEMO_PASSWORD = 'ubos-demo';

export interface DemoUser {
  email: string;
  name: string;
  role: 'OWNER' | 'ADMIN' | 'MEMBER';
}

export interface DemoOrganization {
  name: string;
  slug: string;
  users: DemoUser[];
  clients: number;
}

/** The demo tenants. A consultant belongs to both, to show choosing an organization at login. */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: 'Acme Agency',
    slug: 'acme',
    clients: 24,
    users: [
      { email: 'owner@acme.test', name: 'Ada Acme', role: 'OWNER' },
      { email: 'member@acme.test', name: 'Max Member', role: 'MEMBER' },
      { email: 'consultant@ubos.test', name: 'Casey Consultant', role: 'ADMIN' },
    ],
  },
  {
    name: 'Globex Consulting',
    slug: 'globex',
    clients: 22,
    users: [
      { email: 'owner@globex.test', name: 'Gil Globex', role: 'OWNER' },
      { email: 'consultant@ubos.test', name: 'Casey Consultant', role: 'MEMBER' },
    ],
  },
];

// Seed rows carry ids derived from their seed key, so every start produces the same ids and
// ON CONFLICT DO NOTHING makes the seed idempotent. The time part is fixed and increasing, so
// the ids still sort in creation order.
const SEED_EPOCH = Date.parse('2026-01-01T00:00:00Z');
export function seedId(key: string, order: number): string {
  return uuidv7(SEED_EPOCH + order, createHash('sha256').update(key).digest());
}

/** A small deterministic generator (mulberry32), seeded from a string. */
function random(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}



function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function isoDate(base: number, days: number): string {
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

async function insert(client: pg.Client, table: string, row: Record<string, unknown>, conflict = 'do nothing'): Promise<void> {
  const columns = Object.keys(row);
  const placeholders = columns.map((_, index) => `$${index + 1}`);
  await client.query(`insert into ${table} (${columns.join(', ')}) values (${placeholders.join(', ')}) on conflict ${conflict}`, Object.values(row));
}

async function ensureUser(client: pg.Client, user: DemoUser, password: string): Promise<string> {
  const existing = await client.query<{ id: string }>('select id from users where email = $1', [user.email]);
  if (existing.rows[0]) return existing.rows[0].id;
  const id = seedId(`user:${user.email}`, 0);
  await insert(client, 'users', { id, email: user.email, name: user.name, password_hash: await hashPassword(password) }, '(email) do nothing');
  return id;
}

/**
 * Seeds one organization: its users and a deterministic book of business. Each call adds
 * only what is missing, so later features can add their own demo data to an existing
 * database. Runs as the admin, with the tenant set, so Row Level Security agrees.
 */
export async function seedOrganization(client: pg.Client, spec: DemoOrganization, password = DEMO_PASSWORD): Promise<SeededOrganization> {
  const userIds: Record<string, string> = {};
  const organizationId = seedId(`org:${spec.slug}`, 0);
  const next = random(spec.slug);
  await client.query('begin');
  try {
    await client.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
    await insert(client, 'organizations', { id: organizationId, name: spec.name, slug: spec.slug }, '(slug) do nothing');
    for (const user of spec.users) {
      const userId = await ensureUser(client, user, password);
      userIds[user.email] = userId;
      await insert(client, 'memberships', { organization_id: organizationId, id: seedId(`membership:${spec.slug}:${user.email}`, 1), user_id: userId, role: user.role }, '(organization_id, user_id) do nothing');
    }
    let order = 10;
    for (let index = 0; index < spec.clients; index++) {
      const clientId = seedId(`client:${spec.slug}:${index}`, order++);
      const name = `${COMPANY_FIRST[index % COMPANY_FIRST.length]} ${pick(next, COMPANY_LAST)}${index >= COMPANY_FIRST.length ? ` ${Math.floor(index / COMPANY_FIRST.length) + 1}` : ''}`;
      const domain = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      await insert(client, 'clients', {
        organization_id: organizationId,
        id: clientId,
        name,
        status: pick(next, CLIENT_STATUSES),
        email: `hello@${domain}.example`,
        phone: `+1 555 01${String(index).padStart(2, '0')}`,
        website: `https://${domain}.example`,
        industry: pick(next, INDUSTRIES),
        custom_fields: JSON.stringify(demoClientCustomFields(index)),
      });
      for (let contactIndex = 0; contactIndex < 2; contactIndex++) {
        const firstName = pick(next, FIRST_NAMES);
        const lastName = pick(next, LAST_NAMES);
        await insert(client, 'contacts', {
          organization_id: organizationId,
          id: seedId(`contact:${spec.slug}:${index}:${contactIndex}`, order++),
          client_id: clientId,
          first_name: firstName,
          last_name: lastName,
          email: `${firstName}.${lastName}@${domain}.example`.toLowerCase(),
          title: contactIndex === 0 ? 'Managing Director' : 'Project Lead',
          is_primary: contactIndex === 0,
        });
      }
      const dealCount = 1 + Math.floor(next() * 2);
      for (let dealIndex = 0; dealIndex < dealCount; dealIndex++) {
        await insert(client, 'deals', {
          organization_id: organizationId,
          id: seedId(`deal:${spec.slug}:${index}:${dealIndex}`, order++),
          client_id: clientId,
          title: `${pick(next, PROJECT_KINDS)} for ${name}`,
          stage: pick(next, DEAL_STAGES),
          value_amount_minor: (5 + Math.floor(next() * 95)) * 100_000,
          value_currency: 'USD',
          expected_close_date: isoDate(SEED_EPOCH, 30 + Math.floor(next() * 180)),
          custom_fields: JSON.stringify(demoDealCustomFields(index, dealIndex)),
        });
      }
      const projectCount = 1 + Math.floor(next() * 2);
      for (let projectIndex = 0; projectIndex < projectCount; projectIndex++) {
        const projectId = seedId(`project:${spec.slug}:${index}:${projectIndex}`, order++);
        const start = Math.floor(next() * 120);
        await insert(client, 'projects', {
          organization_id: organizationId,
          id: projectId,
          client_id: clientId,
          name: `${pick(next, PROJECT_KINDS)} ${projectIndex + 1}`,
          description: `Engagement with ${name}.`,
          status: pick(next, PROJECT_STATUSES),
          start_date: isoDate(SEED_EPOCH, start),
          due_date: isoDate(SEED_EPOCH, start + 60),
          custom_fields: JSON.stringify(demoProjectCustomFields(index, projectIndex)),
        });
        const milestoneIds: string[] = [];
        for (let milestoneIndex = 0; milestoneIndex < 2; milestoneIndex++) {
          const milestoneId = seedId(`milestone:${spec.slug}:${index}:${projectIndex}:${milestoneIndex}`, order++);
          milestoneIds.push(milestoneId);
          await insert(client, 'milestones', {
            organization_id: organizationId,
            id: milestoneId,
            project_id: projectId,
            name: milestoneIndex === 0 ? 'Discovery complete' : 'Final delivery',
            due_date: isoDate(SEED_EPOCH, start + 30 * (milestoneIndex + 1)),
          });
        }
        for (let taskIndex = 0; taskIndex < 4; taskIndex++) {
          await insert(client, 'tasks', {
            organization_id: organizationId,
            id: seedId(`task:${spec.slug}:${index}:${projectIndex}:${taskIndex}`, order++),
            project_id: projectId,
            milestone_id: milestoneIds[taskIndex < 2 ? 0 : 1],
            title: TASK_TITLES[(taskIndex + projectIndex * 4) % TASK_TITLES.length],
            status: pick(next, TASK_STATUSES),
            due_date: isoDate(SEED_EPOCH, start + 7 * (taskIndex + 1)),
          });
        }
      }
    }
    const seed: SeedContext = {
      client,
      organizationId,
      slug: spec.slug,
      userIds,
      random: (domain) => random(`${spec.slug}:${domain}`),
      id: (key) => seedId(`${key}`, order++),
      insert: (table, row, conflict) => insert(client, table, row, conflict),
      isoDate: (days) => isoDate(SEED_EPOCH, days),
    };
    const clients = (await client.query<{ id: string; name: string }>('select id, name from clients where organization_id = $1 order by id', [organizationId])).rows;
    for (const seedDomain of DOMAIN_SEEDS) await seedDomain(seed, clients);
    // Clients written here announce no event, so crm's handlers never see them: their duplicate
    // candidates (migration 0060) are computed for the whole tenant at once.
    // Statistics first: a plan made while clients looks empty would scan it for every client.
    await client.query('analyze clients');
    await client.query('select ubos_refresh_client_duplicates($1)', [organizationId]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return { organizationId, userIds };
}

export interface SeededOrganization {
  organizationId: string;
  /** By email. */
  userIds: Record<string, string>;
}

/** Seeds the demo tenants; answers their ids by slug. */
export async function seedDemo(adminUrl: string, organizations: DemoOrganization[] = DEMO_ORGANIZATIONS): Promise<Record<string, SeededOrganization>> {
  return withAdminClient(adminUrl, async (client) => {
    const seeded: Record<string, SeededOrganization> = {};
    for (const organization of organizations) seeded[organization.slug] = await seedOrganization(client, organization);
    return seeded;
  });
}

