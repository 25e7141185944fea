import { expect, it } from 'vitest';
import type { TestDatabase } from './database.js';
import type { GraphQLClient } from './stack.js';

/**
 * The rule for an operation with several mutation fields, run the same way in one-process and
 * in distributed mode: each field commits on its own, in order, and the answer carries the
 * result of every field that committed next to the error of the field that failed (mutation
 * results are nullable). What the answer says was written is exactly what the database holds.
 */
export function defineMutationFieldsSuite(setup: () => { client: GraphQLClient; db: TestDatabase; clientId: string }) {
  const contactsNamed = async (db: TestDatabase, lastName: string) =>
    (await db.admin<{ id: string }>('select id from contacts where last_name = $1 and deleted_at is null order by id', [lastName])).map((row) => row.id);

  it('two fields, the second failing: the first is answered and committed, the second is null with its error', async () => {
    const { client, db, clientId } = setup();
    const lastName = `Pair-${Date.now()}`;
    const result = await client.request(
      `mutation($clientId: ID!, $lastName: String!) {
         a: createContact(input: { clientId: $clientId, firstName: "Ada", lastName: $lastName }) { id }
         b: createContact(input: { clientId: $clientId, firstName: "Bob", lastName: $lastName, email: "not-an-email" }) { id }
       }`,
      { clientId, lastName },
    );
    expect(result.status).toBe(200);
    expect(result.data?.a?.id).toEqual(expect.any(String));
    expect(result.data?.b).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.path).toEqual(['b']);
    expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await contactsNamed(db, lastName)).toEqual([result.data!.a.id]);
  });

  it('three fields across two subgraphs, the last failing: both earlier ones are answered and committed', async () => {
    const { client, db, clientId } = setup();
    const lastName = `Trio-${Date.now()}`;
    const result = await client.request(
      `mutation($clientId: ID!, $lastName: String!) {
         a: createContact(input: { clientId: $clientId, firstName: "Ada", lastName: $lastName }) { id lastName }
         b: createProject(input: { clientId: $clientId, name: $lastName }) { id name }
         c: createContact(input: { clientId: $clientId, firstName: "Cy", lastName: $lastName, email: "still-not-an-email" }) { id }
       }`,
      { clientId, lastName },
    );
    expect(result.status).toBe(200);
    expect(result.data?.a).toEqual({ id: expect.any(String), lastName });
    expect(result.data?.b).toEqual({ id: expect.any(String), name: lastName });
    expect(result.data?.c).toBeNull();
    expect(result.errors?.map((error) => error.path)).toEqual([['c']]);
    expect(await contactsNamed(db, lastName)).toEqual([result.data!.a.id]);
    const projects = await db.admin<{ id: string }>('select id from projects where name = $1', [lastName]);
    expect(projects.map((row) => row.id)).toEqual([result.data!.b.id]);
  });

  it('a failing first field does not stop the fields after it', async () => {
    const { client, db, clientId } = setup();
    const lastName = `After-${Date.now()}`;
    const result = await client.request(
      `mutation($clientId: ID!, $lastName: String!) {
         a: createContact(input: { clientId: $clientId, firstName: "", lastName: $lastName }) { id }
         b: createContact(input: { clientId: $clientId, firstName: "Bea", lastName: $lastName }) { id }
       }`,
      { clientId, lastName },
    );
    expect(result.data?.a).toBeNull();
    expect(result.data?.b?.id).toEqual(expect.any(String));
    expect(result.errors?.map((error) => error.path)).toEqual([['a']]);
    expect(await contactsNamed(db, lastName)).toEqual([result.data!.b.id]);
  });
}
