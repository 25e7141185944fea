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
  /**
   * Runs the request while the timeline subgraph fails as a crashed one does: over HTTP it
   * answers 500 with an internal body (an address, a stack), in one process its entry point
   * throws such an error.
   */
  whileTimelineFails<T>(request: () => Promise<T>): Promise<T>;
}

/** What a failing subgraph might say: nothing of it may reach the caller. */
export const INTERNAL_FAILURE = {
  message: 'connect ECONNREFUSED 10.20.30.40:5432',
  stack: 'Error: connect ECONNREFUSED 10.20.30.40:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n    at Pool.connect (/srv/ubos/node_modules/pg-pool/index.js:45:11)',
};

const FOREIGN_ID_PLACEHOLDER = '<a client of another tenant>';

export function defineErrorParitySuite(setup: () => Callers) {
  it('answers every failing request as the other mode does, with nothing internal', async () => {
    const { anonymous, owner, member, db, whileTimelineFails } = setup();
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
      ['a subgraph that answers 500', owner, '{ activity(first: 1) { totalCount } }'],
      ['a subgraph that answers 500, beside a working one', owner, '{ clients(first: 1) { totalCount } activity(first: 1) { totalCount } }'],
    ];
    const seen: Record<string, unknown> = {};
    for (const [name, client, query, variables] of cases) {
      const send = () => client.request(query, variables);
      const result: GraphQLResult = name.startsWith('a subgraph that answers 500') ? await whileTimelineFails(send) : await send();
      const text = JSON.stringify(result);
      for (const internal of ['http://', '127.0.0.1', 'localhost', '"response"', 'serviceName', 'stacktrace', '10.20.30.40', 'ECONNREFUSED', 'node_modules']) {
        expect(text, `${name}: ${internal}`).not.toContain(internal);
      }
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
