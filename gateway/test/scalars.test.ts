import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// A bad scalar value is a request error, whether it is written in the query or sent as a
// variable: HTTP 400, no data, BAD_USER_INPUT, and a message that names the argument (or the
// variable) and the public scalar, as the GraphQL-over-HTTP spec and ARCHITECTURE section 4 say.
let t: TestStack;
let owner: GraphQLClient;
let clientId: string;
beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  clientId = (await owner.request('{ clients(first: 1) { edges { node { id } } } }')).data.clients.edges[0].node.id;
});
afterAll(() => t?.close());

const invoiceInput = (dueDate: string) => ({ clientId, currency: 'USD', dueDate, lineItems: [{ description: 'Work', quantity: 1, unitPriceMinor: 100 }] });

describe('bad scalar values', () => {
  it('refuses a bad DateTime literal with 400, no data, BAD_USER_INPUT naming the argument and the scalar', async () => {
    const result = await owner.request(`{ client(id: "${clientId}", asOf: "yesterday") { id } }`);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
    expect(result.errors![0]!.message).toMatch(/asOf/);
    expect(result.errors![0]!.message).toMatch(/DateTime/);
  });

  it('refuses the same value as a variable in the same way, naming the variable', async () => {
    const result = await owner.request('query($id: ID!, $at: DateTime) { client(id: $id, asOf: $at) { id } }', { id: clientId, at: 'yesterday' });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/\$at/);
    expect(result.errors![0]!.message).toMatch(/DateTime/);
  });

  it('calls an impossible date a bad Date, the public scalar, in a literal and in a variable, and writes nothing', async () => {
    const literal = await owner.request(
      `mutation { createInvoice(input: { clientId: "${clientId}", currency: "USD", dueDate: "2026-02-30", lineItems: [{ description: "Work", quantity: 1, unitPriceMinor: 100 }] }) { id } }`,
    );
    const variable = await owner.request('mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }', { input: invoiceInput('2026-02-30') });
    for (const result of [literal, variable]) {
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.message).toMatch(/\bDate\b/);
      expect(result.errors![0]!.message).not.toMatch(/LocalDate/);
    }
    expect(literal.errors![0]!.extensions?.field).toBe('input.dueDate');
    expect(variable.errors![0]!.message).toMatch(/\$input/);
    expect(await t.db.admin("select id from invoices where due_date = '2026-03-02' or due_date = '2026-02-28'")).toEqual([]);
  });

  it('still accepts good values, and answers a good DateTime in the past', async () => {
    const result = await owner.request('query($id: ID!, $at: DateTime) { client(id: $id, asOf: $at) { id } }', { id: clientId, at: '2000-01-01T00:00:00Z' });
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ client: null });
  });
});
