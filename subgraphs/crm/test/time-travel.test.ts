import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Property: after any sequence of updates, asOf at every instant answers exactly the snapshot
// that was current then, the versions tile time with no gap and no overlap, and replaying
// them reproduces the current row.
let t: TestStack;
let owner: GraphQLClient;
beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
});
afterAll(() => t?.close());

const FIELDS = 'name status email notes version deletedAt';
const update = fc.record(
  {
    name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}$/),
    status: fc.constantFrom('LEAD', 'ACTIVE', 'INACTIVE', 'ARCHIVED'),
    notes: fc.option(fc.stringMatching(/^[a-z ]{1,30}$/), { nil: null }),
    email: fc.option(fc.constantFrom('a@x.example', 'b@y.example'), { nil: null }),
  },
  { requiredKeys: [] },
);
const step = fc.oneof({ weight: 5, arbitrary: update.map((input) => ({ kind: 'update' as const, input })) }, { weight: 1, arbitrary: fc.constant({ kind: 'delete' as const }) }, { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) });

async function dbClock(): Promise<string> {
  const [row] = await t.db.admin<{ now: Date }>('select clock_timestamp() as now');
  return row!.now.toISOString();
}

describe('time travel', () => {
  it('answers asOf with the snapshot of that instant, for random histories', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const created = await owner.request(`mutation { createClient(input: { name: "Seed" }) { id ${FIELDS} } }`);
        expect(created.errors).toBeUndefined();
        const { id, ...initial } = created.data.createClient;
        // Snapshots taken between commits, with the database clock at that moment.
        const snapshots: Array<{ at: string; state: any }> = [{ at: await dbClock(), state: initial }];
        for (const next of steps) {
          const document =
            next.kind === 'update'
              ? `mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { ${FIELDS} } }`
              : next.kind === 'delete'
                ? `mutation($id: ID!) { deleteClient(id: $id) { ${FIELDS} } }`
                : `mutation($id: ID!) { restoreClient(id: $id) { ${FIELDS} } }`;
          const changed = await owner.request(document, { id, input: next.kind === 'update' ? next.input : undefined });
          // A deleted client can only be restored; restoring a live one changes nothing.
          const deletedBefore = Boolean(snapshots.at(-1)!.state.deletedAt);
          const expectedCode = deletedBefore && next.kind !== 'restore' ? 'NOT_FOUND' : undefined;
          expect(changed.errors?.map((error: any) => error.extensions.code)[0]).toBe(expectedCode);
          const [row] = await t.db.admin('select name, status, email, notes, version, deleted_at from clients where id = $1', [id]);
          snapshots.push({ at: await dbClock(), state: { name: row.name, status: row.status, email: row.email, notes: row.notes, version: row.version, deletedAt: row.deleted_at } });
        }
        for (const snapshot of snapshots) {
          const past = await owner.request(`query($id: ID!, $at: DateTime) { client(id: $id, asOf: $at) { ${FIELDS} } }`, { id, at: snapshot.at });
          expect(past.errors).toBeUndefined();
          if (snapshot.state.deletedAt) expect(past.data.client).toBeNull();
          else expect(past.data.client).toEqual({ ...snapshot.state, deletedAt: null });
        }
        const versions = await t.db.admin('select version, valid_from, valid_to, data from entity_history where entity_id = $1 order by version', [id]);
        expect(versions.map((version) => version.version)).toEqual(versions.map((_, index) => index + 1));
        for (let index = 1; index < versions.length; index++) expect(versions[index - 1].valid_to).toEqual(versions[index].valid_from);
        expect(versions.at(-1).valid_to).toBeNull();
        const [current] = await t.db.admin('select to_jsonb(c.*) as row from clients c where id = $1', [id]);
        expect(versions.at(-1).data).toEqual(current.row);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
