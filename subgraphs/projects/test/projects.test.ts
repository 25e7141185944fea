import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The projects subgraph through the gateway: projects of a client, their milestones and tasks.
let t: TestStack;
let alpha: GraphQLClient;

beforeAll(async () => {
  t = await startTestStack();
  alpha = await t.as('alpha');
});
afterAll(() => t?.close());

describe('projects across subgraphs', () => {
  it('creates a project for a client and resolves Project.client through the gateway', async () => {
    const client = (await alpha.request('mutation { createClient(input: { name: "Pied Piper" }) { id } }')).data.createClient.id;
    const project = await alpha.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Compression", startDate: "2026-02-01", dueDate: "2026-03-01" }) { id status client { id name } } }', { c: client });
    expect(project.errors).toBeUndefined();
    expect(project.data.createProject).toMatchObject({ status: 'PLANNED', client: { id: client, name: 'Pied Piper' } });
    const projectId = project.data.createProject.id;
    const milestone = await alpha.request('mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "Beta", dueDate: "2026-02-15" }) { id completed } }', { p: projectId });
    const task = await alpha.request('mutation($p: ID!, $m: ID) { createTask(input: { projectId: $p, milestoneId: $m, title: "Middle-out" }) { id status milestone { name } project { name } } }', { p: projectId, m: milestone.data.createMilestone.id });
    expect(task.data.createTask).toMatchObject({ status: 'TODO', milestone: { name: 'Beta' }, project: { name: 'Compression' } });
    const done = await alpha.request('mutation($id: ID!) { updateTask(id: $id, input: { status: DONE }) { status } updateMilestone(id: "' + milestone.data.createMilestone.id + '", input: { completed: true }) { completed completedAt } }', { id: task.data.createTask.id });
    expect(done.data.updateTask.status).toBe('DONE');
    expect(done.data.updateMilestone.completed).toBe(true);
    const tree = await alpha.request('query($c: ID!) { client(id: $c) { name projects { totalCount edges { node { name tasks { totalCount } milestones { name } } } } } }', { c: client });
    expect(tree.data.client).toEqual({ name: 'Pied Piper', projects: { totalCount: 1, edges: [{ node: { name: 'Compression', tasks: { totalCount: 1 }, milestones: [{ name: 'Beta' }] } }] } });
  });

  it('checks dates and that a task milestone belongs to the same project', async () => {
    const client = (await alpha.request('{ clients(first: 1) { edges { node { id projects(first: 2) { edges { node { id milestones { id } } } } } } } }')).data.clients.edges[0].node;
    const dates = await alpha.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Backwards", startDate: "2026-03-01", dueDate: "2026-02-01" }) { id } }', { c: client.id });
    expect(dates.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    const badDate = await alpha.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "X", startDate: "2026-13-45" }) { id } }', { c: client.id });
    expect(badDate.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const other = await alpha.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Other" }) { id } }', { c: client.id });
    const foreignMilestone = client.projects.edges[0].node.milestones[0].id;
    const task = await alpha.request('mutation($p: ID!, $m: ID) { createTask(input: { projectId: $p, milestoneId: $m, title: "X" }) { id } }', { p: other.data.createProject.id, m: foreignMilestone });
    expect(task.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.milestoneId' });
  });
});
