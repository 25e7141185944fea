import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatements } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// 60 clients with projects and tasks, so that first: 10 and first: 50 differ in size.
let t: TestStack;
let owner: GraphQLClient;
beforeAll(async () => {
  t = await startTestStack({
    organizations: [{ name: 'Big Agency', slug: 'big', clients: 60, users: [{ email: 'owner@big.test', name: 'Owner', role: 'OWNER' }] }],
  });
  owner = await t.as('big');
});
afterAll(() => t?.close());

async function statementsFor(query: string) {
  const { result, statements } = await sqlStatements.capture(() => owner.request(query));
  expect(result.errors).toBeUndefined();
  return { result, statements };
}

// Pages of 10 under each client and project keep 50 clients under the default cost limit (about 17,000).
const tree = (first: number) => `{ clients(first: ${first}) { edges { node { id name projects(first: 10) { edges { node { name tasks(first: 10) { edges { node { title } } } } } } } } } }`;

describe('SQL statements per request', () => {
  it('costs the same for 10 and for 50 clients with their projects and tasks: no N+1', async () => {
    const ten = await statementsFor(tree(10));
    const fifty = await statementsFor(tree(50));
    expect(ten.result.data.clients.edges).toHaveLength(10);
    expect(fifty.result.data.clients.edges).toHaveLength(50);
    const projects = fifty.result.data.clients.edges.flatMap((edge: any) => edge.node.projects.edges);
    expect(projects.length).toBeGreaterThan(50);
    // clients (crm), projects of the clients (projects), tasks of the projects (projects):
    // one statement per level, whatever the list size.
    expect(fifty.statements).toHaveLength(ten.statements.length);
    expect(fifty.statements).toHaveLength(3);
  });

  it('resolves 50 federated Project.client references with one batched statement', async () => {
    const { statements } = await statementsFor('{ projects(first: 50) { edges { node { name client { name } } } } }');
    expect(statements).toHaveLength(2);
    expect(statements.filter((sql) => /from "?clients"?\s/.test(sql))).toHaveLength(1);
  });

  it('lists the runs of every workflow of a list in one statement', async () => {
    const runs = '{ workflows(first: 20) { edges { node { id runs(first: 5, filter: { status: [SUCCEEDED, FAILED] }) { totalCount edges { node { id } } } } } } }';
    const before = await statementsFor(runs);
    for (let index = 0; index < 4; index++) {
      const created = await owner.request(
        'mutation($name: String!) { createWorkflow(input: { name: $name, trigger: { eventType: "DealStageChanged" }, steps: [{ key: "notify", kind: POST_MESSAGE, input: { clientId: "{{event.payload.clientId}}", body: "Moved" } }] }) { id } }',
        { name: `Workflow ${index}` },
      );
      expect(created.errors).toBeUndefined();
    }
    const after = await statementsFor(runs);
    expect(after.result.data.workflows.edges.length).toBe(before.result.data.workflows.edges.length + 4);
    expect(after.statements).toHaveLength(before.statements.length);
  });

  it('answers a client by id with one application statement', async () => {
    const id = (await owner.request('{ clients(first: 1) { edges { node { id } } } }')).data.clients.edges[0].node.id;
    const { statements } = await sqlStatements.capture(() => owner.request(`{ client(id: "${id}") { id name status email } }`));
    expect(statements).toHaveLength(1);
  });

  it('reads with no transaction control (each statement carries the tenant), and a mutation field costs its BEGIN and COMMIT only', async () => {
    const counted = async (query: string, variables?: Record<string, unknown>) => {
      const before = sqlStatements.snapshot();
      const result = await owner.request(query, variables);
      const after = sqlStatements.snapshot();
      expect(result.errors).toBeUndefined();
      return { result, application: after.application - before.application, transactionControl: after.transactionControl - before.transactionControl };
    };
    const id = (await owner.request('{ clients(first: 1) { edges { node { id } } } }')).data.clients.edges[0].node.id;
    expect(await counted(`{ client(id: "${id}") { id name } }`)).toMatchObject({ application: 1, transactionControl: 0 });
    expect(await counted(tree(50))).toMatchObject({ application: 3, transactionControl: 0 });
    const one = await counted('mutation { createClient(input: { name: "Counted One" }) { id name projects(first: 5) { totalCount } } }');
    expect(one.transactionControl).toBe(2);
    // A second mutation field is a second transaction; the fields below each result read outside both.
    const two = await counted('mutation { a: createClient(input: { name: "Counted Two" }) { id name } b: createClient(input: { name: "Counted Three" }) { id projects(first: 5) { totalCount } } }');
    expect(two.transactionControl).toBe(4);
    expect(two.result.data.b.projects.totalCount).toBe(0);
    const names = await owner.request('{ clients(first: 100, filter: { search: "Counted" }) { edges { node { name } } } }');
    expect(names.data.clients.edges.map((edge: any) => edge.node.name).sort()).toEqual(['Counted One', 'Counted Three', 'Counted Two']);
  });
});
