import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Every list field of the public graph whose items can be soft-deleted hides a deleted item,
// and shows it again when an owner asks with includeDeleted (where the field takes it). The
// fields are found by introspection: a new list of a deletable type without a case below fails
// this test by itself.
let t: TestStack;
let owner: GraphQLClient;
beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
});
afterAll(() => t?.close());

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedField {
  name: string;
  args: Array<{ name: string }>;
  type: TypeRef;
}
interface IntrospectedType {
  kind: string;
  name: string;
  fields: IntrospectedField[] | null;
}

const INTROSPECTION = `{ __schema { types { kind name fields { name args { name } type { ...T } } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

function unwrap(type: TypeRef): { name: string; list: boolean } {
  let list = false;
  let current: TypeRef | null = type;
  while (current && !current.name) {
    if (current.kind === 'LIST') list = true;
    current = current.ofType;
  }
  return { name: current!.name!, list };
}

async function run(query: string, variables: Record<string, unknown> = {}) {
  const result = await owner.request(query, variables);
  expect(result.errors, query).toBeUndefined();
  return Object.values(result.data as Record<string, any>)[0];
}

const LINES = '[{ description: "Work", quantity: 1, unitPriceMinor: 1000 }]';

/** What a case needs: the parent's id (none for Query), the deleted child's id and type, a filter for root lists. */
interface Case {
  parent?: string;
  /** The root field that reaches the parent when it is not `<type>(id:)`, e.g. the caller's own organization. */
  root?: string;
  child: string;
  childType: string;
  filter?: string;
  /**
   * A list that is the record of an act which itself deletes its items (a merge's duplicates),
   * and why it shows them: the test then checks that the item is deleted and still listed.
   */
  record?: string;
}

describe('soft-deleted items in lists', () => {
  it('are hidden from every list of a deletable type, and shown with includeDeleted', async () => {
    const introspection = await owner.request(INTROSPECTION);
    expect(introspection.errors).toBeUndefined();
    const types = new Map<string, IntrospectedType>((introspection.data.__schema.types as IntrospectedType[]).map((type) => [type.name, type]));
    const deletable = (name: string) => Boolean(types.get(name)?.fields?.some((field) => field.name === 'deletedAt'));
    /** The item type of a list or a connection field, or null for a field that is no list. */
    const itemType = (field: IntrospectedField): { item: string; connection: boolean } | null => {
      const { name, list } = unwrap(field.type);
      if (list) return { item: name, connection: false };
      const edges = types.get(name)?.fields?.find((candidate) => candidate.name === 'edges');
      if (!name.endsWith('Connection') || !edges) return null;
      const node = types.get(unwrap(edges.type).name)?.fields?.find((candidate) => candidate.name === 'node');
      return node ? { item: unwrap(node.type).name, connection: true } : null;
    };

    // One client with one of everything; then one child of each kind that gets deleted.
    const client = (await run('mutation { createClient(input: { name: "Lists" }) { id } }')).id;
    const project = (await run('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Parent project" }) { id } }', { c: client })).id;
    const contract = (await run('mutation($c: ID!) { createContract(input: { clientId: $c, title: "Parent contract", value: { amountMinor: 100, currency: "USD" } }) { id } }', { c: client })).id;
    const engagement = (await run('mutation($c: ID!, $k: ID!) { createEngagement(input: { clientId: $c, contractId: $k, name: "Parent engagement", type: RETAINER }) { id } }', { c: client, k: contract })).id;
    const thread = (await run('mutation($c: ID!) { createThread(input: { clientId: $c, subject: "Parent thread" }) { id } }', { c: client })).id;
    const vendor = (await run('mutation { createVendor(input: { name: "Parent vendor" }) { id } }')).id;

    const make = async (type: string): Promise<string> => {
      switch (type) {
        case 'Client':
          return (await run('mutation { createClient(input: { name: "Deleted client" }) { id } }')).id;
        case 'Contact':
          return (await run('mutation($c: ID!) { createContact(input: { clientId: $c, firstName: "Deleted" }) { id } }', { c: client })).id;
        case 'Deal':
          return (await run('mutation($c: ID!) { createDeal(input: { clientId: $c, title: "Deleted", value: { amountMinor: 1, currency: "USD" } }) { id } }', { c: client })).id;
        case 'Proposal':
          return (await run(`mutation($c: ID!) { createProposal(input: { clientId: $c, title: "Deleted", currency: "USD", lineItems: ${LINES} }) { id } }`, { c: client })).id;
        case 'Contract':
          return (await run('mutation($c: ID!) { createContract(input: { clientId: $c, title: "Deleted", value: { amountMinor: 1, currency: "USD" } }) { id } }', { c: client })).id;
        case 'Engagement':
          return (await run('mutation($c: ID!, $k: ID!) { createEngagement(input: { clientId: $c, contractId: $k, name: "Deleted", type: RETAINER }) { id } }', { c: client, k: contract })).id;
        case 'Project': {
          const id = (await run('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Deleted" }) { id } }', { c: client })).id;
          await run('mutation($e: ID!, $p: ID!) { addProjectToEngagement(id: $e, projectId: $p) { id } }', { e: engagement, p: id });
          return id;
        }
        case 'Task':
          return (await run('mutation($p: ID!) { createTask(input: { projectId: $p, title: "Deleted" }) { id } }', { p: project })).id;
        case 'Milestone':
          return (await run('mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "Deleted" }) { id } }', { p: project })).id;
        case 'Invoice':
          return (await run(`mutation($c: ID!, $e: ID!) { createInvoice(input: { clientId: $c, engagementId: $e, currency: "USD", lineItems: ${LINES} }) { id } }`, { c: client, e: engagement })).id;
        case 'Vendor':
          return (await run('mutation { createVendor(input: { name: "Deleted vendor" }) { id } }')).id;
        case 'Bill':
          return (await run(`mutation($v: ID!) { createBill(input: { vendorId: $v, currency: "USD", lineItems: ${LINES} }) { id } }`, { v: vendor })).id;
        case 'Thread':
          return (await run('mutation($c: ID!) { createThread(input: { clientId: $c, subject: "Deleted" }) { id } }', { c: client })).id;
        case 'Message':
          return (await run('mutation($t: ID!) { postMessage(input: { threadId: $t, body: "Deleted" }) { id } }', { t: thread })).id;
        case 'FileObject':
          return (await run('mutation($c: ID!) { createUploadUrl(input: { clientId: $c, name: "deleted.txt", contentType: "text/plain", size: 3 }) { file { id } } }', { c: client })).file.id;
        case 'Workflow':
          return (
            await run(
              'mutation { createWorkflow(input: { name: "Deleted", trigger: { eventType: "ClientCreated" }, steps: [{ key: "msg", name: "Hello", kind: POST_MESSAGE, input: { clientId: "{{event.payload.clientId}}", body: "Hi" } }] }) { id } }',
            )
          ).id;
        case 'Membership': {
          // Invited and accepted, as people join: the token is in the mail queued with the invitation.
          const email = `listed.member.${Date.now()}@example.com`;
          await run('mutation($e: String!) { inviteMember(input: { email: $e, role: MEMBER }) { id } }', { e: email });
          const [mail] = await t.db.admin<{ body_text: string }>("select body_text from mail_outbox where to_address = $1 and kind = 'invitation'", [email]);
          const token = /^Token: (\S+)$/m.exec(mail!.body_text)![1]!;
          const accepted = await t.anonymous.request('mutation($t: String!) { acceptInvitation(token: $t, name: "Listed", password: "a fine long passphrase") { user { id } } }', { t: token });
          expect(accepted.errors).toBeUndefined();
          const [membership] = await t.db.admin<{ id: string }>("select m.id from memberships m join organizations o on o.id = m.organization_id where o.slug = 'alpha' and m.user_id = $1", [accepted.data.acceptInvitation.user.id]);
          return membership!.id;
        }
        default:
          throw new Error(`no way to make a ${type}: add one to this test`);
      }
    };
    /** Soft-deletes a child the way the graph does for its type. */
    const remove = async (type: string, id: string) => {
      if (type === 'Membership') await run('mutation($id: ID!) { removeMember(membershipId: $id) { id } }', { id });
      else await run(`mutation($id: ID!) { delete${type === 'FileObject' ? 'File' : type}(id: $id) { id } }`, { id });
    };
    const children = new Map<string, string>();
    const child = async (type: string) => {
      if (!children.has(type)) children.set(type, await make(type));
      return { child: children.get(type)!, childType: type };
    };

    // Per list field: its parent and the child that must vanish from it.
    const cases: Record<string, () => Promise<Case>> = {
      'Query.clients': async () => ({ ...(await child('Client')), filter: '{ search: "Deleted client" }' }),
      'Query.deals': () => child('Deal'),
      'Query.proposals': async () => ({ ...(await child('Proposal')), filter: `{ clientId: "${client}" }` }),
      'Query.contracts': async () => ({ ...(await child('Contract')), filter: `{ clientId: "${client}" }` }),
      'Query.engagements': async () => ({ ...(await child('Engagement')), filter: `{ clientId: "${client}" }` }),
      'Query.projects': () => child('Project'),
      'Query.invoices': async () => ({ ...(await child('Invoice')), filter: `{ clientId: "${client}" }` }),
      'Query.vendors': async () => ({ ...(await child('Vendor')), filter: '{ search: "Deleted vendor" }' }),
      'Query.bills': async () => ({ ...(await child('Bill')), filter: `{ vendorId: "${vendor}" }` }),
      'Query.threads': async () => ({ ...(await child('Thread')), filter: `{ clientId: "${client}" }` }),
      'Query.files': async () => ({ ...(await child('FileObject')), filter: `{ clientId: "${client}" }` }),
      'Query.workflows': () => child('Workflow'),
      'Client.contacts': async () => ({ parent: client, ...(await child('Contact')) }),
      'Client.deals': async () => ({ parent: client, ...(await child('Deal')) }),
      'Client.proposals': async () => ({ parent: client, ...(await child('Proposal')) }),
      'Client.contracts': async () => ({ parent: client, ...(await child('Contract')) }),
      'Client.engagements': async () => ({ parent: client, ...(await child('Engagement')) }),
      'Client.projects': async () => ({ parent: client, ...(await child('Project')) }),
      'Client.invoices': async () => ({ parent: client, ...(await child('Invoice')) }),
      'Client.threads': async () => ({ parent: client, ...(await child('Thread')) }),
      'Client.files': async () => ({ parent: client, ...(await child('FileObject')) }),
      'Contract.engagements': async () => ({ parent: contract, ...(await child('Engagement')) }),
      'Engagement.projects': async () => ({ parent: engagement, ...(await child('Project')) }),
      'Engagement.invoices': async () => ({ parent: engagement, ...(await child('Invoice')) }),
      'Project.tasks': async () => ({ parent: project, ...(await child('Task')) }),
      'Project.milestones': async () => ({ parent: project, ...(await child('Milestone')) }),
      'Thread.messages': async () => ({ parent: thread, ...(await child('Message')) }),
      'Vendor.bills': async () => ({ parent: vendor, ...(await child('Bill')) }),
      // A removed member is a soft-deleted membership (kept for the audit trail): gone from the list.
      'Organization.members': async () => ({ root: 'organization', ...(await child('Membership')) }),
      'ClientMerge.duplicates': async () => {
        const [survivor, duplicate] = [await make('Client'), await make('Client')];
        const merge = await run('mutation($s: ID!, $d: ID!) { mergeClients(survivorId: $s, duplicateIds: [$d]) { id } }', { s: survivor, d: duplicate });
        return { parent: merge.id, child: duplicate, childType: 'Client', record: 'a merge deletes its duplicates, and its record names them (deletedAt and mergedInto say so)' };
      },
    };

    const fields: Array<{ key: string; parentType: string; field: IntrospectedField; connection: boolean }> = [];
    for (const type of types.values()) {
      if (type.kind !== 'OBJECT' || type.name.startsWith('__') || type.name === 'Mutation' || type.name.endsWith('Connection')) continue;
      for (const field of type.fields ?? []) {
        const list = itemType(field);
        if (list && deletable(list.item)) fields.push({ key: `${type.name}.${field.name}`, parentType: type.name, field, connection: list.connection });
      }
    }
    expect(fields.map((field) => field.key).filter((key) => !cases[key]), 'list fields of deletable types without a case').toEqual([]);
    expect(fields.length).toBe(Object.keys(cases).length);

    const prepared = new Map<string, Case>();
    for (const { key } of fields) prepared.set(key, await cases[key]!());

    const read = async (entry: (typeof fields)[number], setup: Case, includeDeleted: boolean): Promise<string[]> => {
      const { field, parentType, connection } = entry;
      const args: string[] = [];
      const names = field.args.map((arg) => arg.name);
      if (names.includes('first')) args.push('first: 100');
      if (setup.filter && names.includes('filter')) args.push(`filter: ${setup.filter}`);
      if (includeDeleted) args.push('includeDeleted: true');
      const item = setup.record ? 'id deletedAt' : 'id';
      const selection = `${field.name}${args.length ? `(${args.join(', ')})` : ''} { ${connection ? `edges { node { ${item} } }` : item} }`;
      const lookup = parentType[0]!.toLowerCase() + parentType.slice(1);
      const query = parentType === 'Query' ? `{ ${selection} }` : setup.root ? `{ ${setup.root} { ${selection} } }` : `query($id: ID!) { ${lookup}(id: $id) { ${selection} } }`;
      const data = await run(query, setup.root ? {} : { id: setup.parent });
      const list = parentType === 'Query' ? data : data[field.name];
      const items: Array<{ id: string; deletedAt?: string | null }> = connection ? list.edges.map((edge: { node: { id: string } }) => edge.node) : list;
      if (setup.record) expect(items.find((listed) => listed.id === setup.child)?.deletedAt, `${entry.key}: ${setup.record}`).toBeTruthy();
      return items.map((listed) => listed.id);
    };

    for (const entry of fields) expect(await read(entry, prepared.get(entry.key)!, false), `${entry.key} before the delete`).toContain(prepared.get(entry.key)!.child);
    for (const [type, id] of children) await remove(type, id);
    for (const entry of fields) {
      const setup = prepared.get(entry.key)!;
      if (setup.record) {
        expect(await read(entry, setup, false), `${entry.key}: ${setup.record}`).toContain(setup.child);
        continue;
      }
      expect(await read(entry, setup, false), `${entry.key} hides a deleted ${setup.childType}`).not.toContain(setup.child);
      if (entry.field.args.some((arg) => arg.name === 'includeDeleted')) {
        expect(await read(entry, setup, true), `${entry.key} with includeDeleted`).toContain(setup.child);
      }
    }
  });
});
