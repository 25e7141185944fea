import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Custom fields (ARCHITECTURE 3.5) on invoices: the definitions are the crm subgraph's
// (subgraphs/crm/test/custom-fields.test.ts); the revenue subgraph validates its own values against them.
let t: TestStack;
let owner: GraphQLClient;

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
});
afterAll(() => t?.close());

function errorOf(result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  return { code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field };
}

async function createClient(customFields: unknown): Promise<any> {
  return owner.request('mutation($cf: JSON) { createClient(input: { name: "Custom Co", customFields: $cf }) { id version customFields } }', { cf: customFields });
}

describe('values', () => {
  it('validates invoice custom fields in the revenue subgraph', async () => {
    const client = (await createClient({})).data.createClient.id;
    const create = (customFields: unknown) =>
      owner.request(
        'mutation($c: ID!, $cf: JSON) { createInvoice(input: { clientId: $c, currency: "USD", lineItems: [{ description: "Work", quantity: 1, unitPriceMinor: 1000 }], customFields: $cf }) { id customFields customField(key: "po_number") { type text } } }',
        { c: client, cf: customFields },
      );
    const created = await create({ po_number: 'PO-7' });
    expect(created.errors).toBeUndefined();
    expect(created.data.createInvoice).toMatchObject({ customFields: { po_number: 'PO-7' }, customField: { type: 'TEXT', text: 'PO-7' } });
    expect(errorOf(await create({ po_number: 7 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.customFields.po_number' });
    expect(errorOf(await create({ tier: 'Gold' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.customFields.tier' });
    const patched = await owner.request('mutation($id: ID!) { updateInvoice(id: $id, input: { customFields: { po_number: null } }) { customFields version } }', { id: created.data.createInvoice.id });
    expect(patched.data.updateInvoice).toEqual({ customFields: {}, version: 2 });
    await create({ po_number: 'PO-FILTER-1' });
    const filtered = await owner.request('{ invoices(filter: { customFields: [{ key: "po_number", anyOf: ["PO-FILTER-1", "PO-NONE"] }] }) { totalCount edges { node { customFields } } } }');
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data.invoices).toEqual({ totalCount: 1, edges: [{ node: { customFields: { po_number: 'PO-FILTER-1' } } }] });
    expect(errorOf(await owner.request('{ invoices(filter: { customFields: [{ key: "po_number", gt: "A" }] }) { totalCount } }'))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.customFields.0.gt' });
  });
});
