import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEMO_ORGANIZATIONS, seedDemo } from '@ubos/db';
import { createTestDatabase, type TestDatabase } from '@ubos/test-support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(inject('ubosDatabase'));
});

const TABLES = ['organizations', 'users', 'memberships', 'clients', 'contacts', 'deals', 'projects', 'milestones', 'tasks'];

async function snapshot() {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await db.admin(`select count(*) as count, md5(string_agg(id::text, ',' order by id)) as ids from ${table}`);
    result[table] = `${row.count}:${row.ids}`;
  }
  return result;
}

describe('demo seed', () => {
  it('seeds Acme and Globex with 20+ clients and their business, deterministically and idempotently', async () => {
    const first = await seedDemo(db.adminUrl);
    const afterFirst = await snapshot();
    const second = await seedDemo(db.adminUrl);
    expect(second).toEqual(first);
    expect(await snapshot()).toEqual(afterFirst);
    for (const organization of DEMO_ORGANIZATIONS) {
      const id = first[organization.slug]!.organizationId;
      for (const table of ['clients', 'contacts', 'deals', 'projects', 'milestones', 'tasks']) {
        const [row] = await db.admin(`select count(*)::int as count from ${table} where organization_id = $1`, [id]);
        expect(row.count, `${organization.slug} ${table}`).toBeGreaterThanOrEqual(20);
      }
    }
    const [owner] = await db.admin(`select o.name from users u join memberships m on m.user_id = u.id join organizations o on o.id = m.organization_id where u.email = 'owner@acme.test' and m.role = 'OWNER'`);
    expect(owner.name).toBe('Acme Agency');
  });

  it('adds what is missing to an existing database', async () => {
    const fresh = await createTestDatabase(inject('ubosDatabase'));
    const smaller = DEMO_ORGANIZATIONS.map((organization) => ({ ...organization, clients: 5 }));
    await seedDemo(fresh.adminUrl, smaller);
    const early = await fresh.admin('select id, name, version from clients order by id');
    expect(early).toHaveLength(10);
    await seedDemo(fresh.adminUrl);
    const full = await fresh.admin('select id, name, version from clients order by id');
    expect(full.length).toBe(DEMO_ORGANIZATIONS.reduce((sum, organization) => sum + organization.clients, 0));
    // What was there is untouched: same rows, still at version 1.
    for (const row of early) expect(full).toContainEqual(row);
  });
});
