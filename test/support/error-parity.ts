import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { TestDatabase } from './database.js';
import type { GraphQLClient, GraphQLResult } from './stack.js';

/**
 * The same failing requests, answered the same way in one-process and in distributed mode:
 * each mode compares what the caller sees (status, data, each error's message, path, code and
 * field) with one committed file, so the two modes agree with each other to the letter; and
 * nothing internal (an address, a subgraph's name or raw answer, a stack) reaches the caller.
 */
export const ERROR_PARITY_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'error-parity.snapshot.json');

interface Callers {
  anonymous: GraphQLClient;
  owner: GraphQLClient;
  member: GraphQLClient;
  db: TestDatabase;
}

const FOREIGN_ID_PLACEHOLDER = '<a client of another tenant>';

export function defineErrorParitySuite(setup: () => Callers) {
  it('answers every failing request as the other mode does, with nothing internal', async () => {
    const { anonymous, owner, member, db } = setup();
    const [own] = await db.admin<{ id: string }>("select c.id from clients c join organizations o on o.id = c.organization_id where o.slug = 'alpha' and c.deleted_at is null order by c.id limit 1");
    const [foreign] = await db.admin<{ id: string }>("select c.id from clients c join organizations o on o.id = c.organization_id where o.slug = 'beta' order by c.id limit 1");
    const cases: Array<[string, GraphQLClient, string, Record<string, unknown>?]> = [
      ['a wrong password', anonymous, 'mutation { login(email: "owner@alpha.test", password: "not the password") { token } }'],
      ['an unknown id', owner, 'mutation { updateClient(id: "01900000-0000-7000-8000-000000000000", input: { name: "Nobody" }) { id } }'],
      ['a foreign tenant\'s id', owner, 'mutation($id: ID!) { updateClient(id: $id, input: { name: "Not yours" }) { id } }', { id: foreign!.id }],
      ['a foreign tenant\'s id, read', owner, 'query($id: ID!) { client(id: $id) { id name } }', { id: foreign!.id }],
      ['a forbidden role', member, 'mutation { defineCustomField(input: { entityType: CLIENT, key: "tier", label: "Tier", type: TEXT }) { id } }'],
      ['a bad input', owner, 'mutation($id: ID!) { createContact(input: { clientId: $id, firstName: "Ada", lastName: "Lovelace", email: "not-an-email" }) { id } }', { id: own!.id }],
      ['a conflict', owner, 'mutation($id: ID!) { updateClient(id: $id, input: { name: "Stale" }, expectedVersion: 987654) { id } }', { id: own!.id }],
      ['no login at all', anonymous, '{ clients(first: 1) { totalCount } }'],
    ];
    const seen: Record<string, unknown> = {};
    for (const [name, client, query, variables] of cases) {
      const result: GraphQLResult = await client.request(query, variables);
      const text = JSON.stringify(result);
      for (const internal of ['http://', '127.0.0.1', 'localhost', '"response"', 'serviceName', 'stacktrace']) expect(text, `${name}: ${internal}`).not.toContain(internal);
      expect(text, `${name}: a stack frame`).not.toMatch(/\bat \S+ \(?\S+\.(ts|js):\d+/);
      seen[name] = {
        status: result.status,
        data: result.data ?? null,
        errors: (result.errors ?? []).map((error) => ({ message: error.message.replace(foreign!.id, FOREIGN_ID_PLACEHOLDER), path: error.path ?? null, code: error.extensions?.code ?? null, field: error.extensions?.field ?? null })),
      };
    }
    await expect(JSON.stringify(seen, null, 2) + '\n').toMatchFileSnapshot(ERROR_PARITY_FILE);
  });
}
