import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Custom fields (ARCHITECTURE 3.5) on projects: the definitions are the crm subgraph's
// (subgraphs/crm/test/custom-fields.test.ts); the projects subgraph validates its own values against them.
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
  it('validates project custom fields in the projects subgraph, against the same definitions', async () => {
    const client = (await createClient({})).data.createClient.id;
    const created = await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "P", customFields: { billing_code: "X-1" } }) { id customFields customField(key: "billing_code") { text } } }', { c: client });
    expect(created.data.createProject).toMatchObject({ customFields: { billing_code: 'X-1' }, customField: { text: 'X-1' } });
    const wrong = await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "P", customFields: { billing_code: 7 } }) { id } }', { c: client });
    expect(errorOf(wrong)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.customFields.billing_code' });
    // A client's field is not a project's field.
    const other = await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "P", customFields: { tier: "Gold" } }) { id } }', { c: client });
    expect(errorOf(other)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.customFields.tier' });
  });
});
