import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { uuidv7 } from '@ubos/kernel';
import { withAdminClient } from '@ubos/db';
import { createTestDatabase, type TestDatabase } from '@ubos/test-support/database';

// Lists "by creation" sort by id, and events of one transaction are read back by id: ids made
// one after the other must sort in that order, even within one millisecond.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(inject('ubosDatabase'));
});

describe('time-ordered ids', () => {
  it('makes application ids that sort in the order they were made, thousands per millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
  });

  it('keeps seed ids deterministic', () => {
    const entropy = new Uint8Array(10).fill(7);
    expect(uuidv7(1_767_225_600_000, entropy)).toBe(uuidv7(1_767_225_600_000, entropy));
  });

  it('makes database ids that sort in the order the statements ran', async () => {
    const ids = await withAdminClient(db.adminUrl, async (client) => {
      const made: string[] = [];
      for (let index = 0; index < 200; index++) made.push((await client.query<{ id: string }>('select ubos_uuid_v7()::text as id')).rows[0]!.id);
      return made;
    });
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
  });
});
