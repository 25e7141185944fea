import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@ubos/kernel';
import { startTestStack, type GraphQLResult, type TestStack } from '@ubos/test-support/stack';

// The audit trail through the gateway: random sequences of mutations, some failing part-way,
// and the activity_events of the tenant afterwards match exactly what committed.

let t: TestStack;
let organizationId: string;
let actor: string;
/** One superuser connection for the checks (t.db.admin opens one per query). */
let admin: pg.Client;

beforeAll(async () => {
  t = await startTestStack();
  organizationId = t.tenants.alpha!.organizationId;
  actor = `user:${t.tenants.alpha!.userIds['owner@alpha.test']}`;
  admin = new pg.Client({ connectionString: t.db.adminUrl });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await t?.close();
});

async function sql<T extends pg.QueryResultRow = any>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await admin.query<T>(text, params)).rows;
}

// ------------------------------------------------------------------------------------------
// Transport: the body and the x-request-id header (GraphQLClient returns the body only)
// ------------------------------------------------------------------------------------------
interface Sent {
  result: GraphQLResult;
  requestId: string;
}

async function send(query: string, variables: Record<string, unknown>): Promise<Sent> {
  const owner = await t.as('alpha');
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const requestId = response.headers.get('x-request-id');
  expect(requestId, 'x-request-id header').toBeTruthy();
  const body = (await response.json()) as GraphQLResult;
  return { result: { ...body, status: response.status }, requestId: requestId! };
}

// ------------------------------------------------------------------------------------------
// The model: every row of the tenant as the triggers see it (to_jsonb minus bookkeeping)
// ------------------------------------------------------------------------------------------
type EntityType = 'Client' | 'Contact' | 'Project' | 'Task';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Row = Record<string, Json>;

const TABLES: Record<EntityType, string> = { Client: 'clients', Contact: 'contacts', Project: 'projects', Task: 'tasks' };
const UNTRACKED = ['organization_id', 'id', 'version', 'updated_at', 'created_at'];
/** What a new row holds besides its input: the columns no mutation of this API sets. */
const CREATED_DEFAULTS: Record<EntityType, Row> = {
  // A client created without an address has neither of the two shapes (full_address on schema version 1, address on 2).
  Client: { custom_fields: {}, deleted_at: null, deleted_by: null, full_address: null, address: null, merged_into: null },
  Contact: { custom_fields: {}, deleted_at: null, deleted_by: null },
  Project: { custom_fields: {}, deleted_at: null, deleted_by: null },
  Task: { milestone_id: null, deleted_at: null, deleted_by: null },
};

interface Entity {
  type: EntityType;
  id: string;
  row: Row;
  version: number;
}

interface ExpectedEvent {
  entity_type: EntityType;
  entity_id: string;
  client_id: string | null;
  action: 'created' | 'updated';
  changes: Record<string, { from: Json; to: Json }>;
  request_id: string;
}

/** What the runs exercised, so that the property cannot pass by testing nothing. */
const coverage = { documents: 0, failedDocuments: 0, committedBeforeFailure: 0, createsFoundByMarker: 0, noopUpdates: 0, demotions: 0, events: 0 };

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

class Model {
  readonly entities = new Map<string, Entity>();
  readonly expected: ExpectedEvent[] = [];
  readonly touched = new Set<string>();
  columns: Record<EntityType, string[]> = { Client: [], Contact: [], Project: [], Task: [] };

  static async load(): Promise<Model> {
    const model = new Model();
    for (const [type, table] of Object.entries(TABLES) as Array<[EntityType, string]>) {
      const rows = await sql<{ id: string; version: number; row: Row }>(
        `select id, version, to_jsonb(x) - $2::text[] as row from ${table} x where organization_id = $1`,
        [organizationId, UNTRACKED],
      );
      for (const row of rows) model.entities.set(row.id, { type, id: row.id, row: row.row, version: row.version });
      const columns = await sql<{ column_name: string }>(`select column_name from information_schema.columns where table_schema = 'public' and table_name = $1`, [table]);
      model.columns[type] = columns.map((column) => column.column_name).filter((column) => !UNTRACKED.includes(column)).sort();
    }
    return model;
  }

  ids(type: EntityType): string[] {
    return [...this.entities.values()].filter((entity) => entity.type === type).map((entity) => entity.id);
  }

  get(id: string): Entity {
    const entity = this.entities.get(id);
    if (!entity) throw new Error(`model: no entity ${id}`);
    return entity;
  }

  clientOf(entity: Entity): string | null {
    if (entity.type === 'Client') return entity.id;
    if (entity.type === 'Task') return this.get(entity.row.project_id as string).row.client_id as string;
    return entity.row.client_id as string;
  }

  create(type: EntityType, id: string, input: Row, requestId: string): Entity {
    const row: Row = { ...CREATED_DEFAULTS[type], ...input };
    const unknown = this.columns[type].filter((column) => !(column in row));
    if (unknown.length) throw new Error(`model: ${type} has columns the test does not know a created value for: ${unknown.join(', ')}`);
    const entity: Entity = { type, id, row, version: 1 };
    this.entities.set(id, entity);
    this.touched.add(id);
    this.expected.push({
      entity_type: type,
      entity_id: id,
      client_id: this.clientOf(entity),
      action: 'created',
      changes: Object.fromEntries(Object.entries(row).map(([key, value]) => [key, { from: null, to: value }])),
      request_id: requestId,
    });
    return entity;
  }

  update(id: string, changes: Row, requestId: string): Entity {
    const entity = this.get(id);
    const diff: ExpectedEvent['changes'] = {};
    for (const [key, value] of Object.entries(changes)) {
      if (!(key in entity.row)) throw new Error(`model: ${entity.type} has no column ${key}`);
      if (!same(entity.row[key], value)) diff[key] = { from: entity.row[key]!, to: value };
    }
    this.touched.add(id);
    // An update that changes nothing writes no event (and no version).
    if (Object.keys(diff).length === 0) {
      coverage.noopUpdates++;
      return entity;
    }
    entity.row = { ...entity.row, ...changes };
    entity.version++;
    this.expected.push({ entity_type: entity.type, entity_id: id, client_id: this.clientOf(entity), action: 'updated', changes: diff, request_id: requestId });
    return entity;
  }

  /** Only one primary contact per client: promoting one demotes the others. */
  demoteOtherPrimaryContacts(keep: Entity, requestId: string): void {
    for (const other of [...this.entities.values()]) {
      if (other.type === 'Contact' && other.id !== keep.id && other.row.client_id === keep.row.client_id && other.row.is_primary === true) {
        this.update(other.id, { is_primary: false }, requestId);
        coverage.demotions++;
      }
    }
  }
}

// ------------------------------------------------------------------------------------------
// The services' normalisation, restated (kernel/src/graphql/validation.ts)
// ------------------------------------------------------------------------------------------
type Input = Record<string, Json>;

/** optionalText: absent stays absent, null clears, blank clears, the rest is trimmed. */
function optionalText(value: Json | undefined): Json | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}
const optionalEmail = (value: Json | undefined) => {
  const text = optionalText(value);
  return typeof text === 'string' ? text.toLowerCase() : text;
};
const requiredText = (value: Json | undefined) => (value === undefined ? undefined : String(value).trim());
const lastName = (value: Json | undefined) => (value === undefined ? undefined : (optionalText(value) ?? ''));

/** Keeps the keys whose value is defined: an omitted input field keeps the column's value. */
function defined(row: Record<string, Json | undefined>): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as Row;
}

function clientColumns(input: Input): Row {
  return defined({
    name: requiredText(input.name),
    status: input.status,
    email: optionalEmail(input.email),
    phone: optionalText(input.phone),
    website: optionalText(input.website),
    industry: optionalText(input.industry),
    notes: optionalText(input.notes),
  });
}

function contactColumns(input: Input): Row {
  return defined({
    first_name: requiredText(input.firstName),
    last_name: lastName(input.lastName),
    email: optionalEmail(input.email),
    phone: optionalText(input.phone),
    title: optionalText(input.title),
    is_primary: input.isPrimary,
  });
}

function projectColumns(input: Input): Row {
  return defined({
    name: requiredText(input.name),
    description: optionalText(input.description),
    status: input.status,
    start_date: input.startDate,
    due_date: input.dueDate,
  });
}

function taskColumns(input: Input): Row {
  return defined({ title: requiredText(input.title), status: input.status, due_date: input.dueDate, milestone_id: input.milestoneId });
}

// ------------------------------------------------------------------------------------------
// Operations
// ------------------------------------------------------------------------------------------
type Kind = 'createClient' | 'updateClient' | 'createContact' | 'updateContact' | 'createProject' | 'updateProject' | 'createTask' | 'updateTask';

interface Op {
  kind: Kind;
  /** Picks the target (update) or the parent (create) among the tenant's rows of that type. */
  pick: number;
  input: Input;
  /** A create's unique field gets a fresh marker, padded with blanks that the service trims. */
  padded?: boolean;
  /** An update whose input repeats the target's current values: it must write nothing. */
  echo?: boolean;
  /** The target or parent is an id nobody has. */
  missing?: 'id' | 'parent' | 'milestone';
  /** Set on the invalid ones: what the failure must look like. */
  fails?: { code: string; field: string };
}

const KINDS: Record<Kind, { type: EntityType; parent?: EntityType; inputType: string; unique?: string; fields: string }> = {
  createClient: { type: 'Client', inputType: 'CreateClientInput', unique: 'name', fields: 'id name status email phone website industry notes' },
  updateClient: { type: 'Client', inputType: 'UpdateClientInput', fields: 'id name status email phone website industry notes' },
  createContact: { type: 'Contact', parent: 'Client', inputType: 'CreateContactInput', unique: 'firstName', fields: 'id firstName lastName email phone title isPrimary' },
  updateContact: { type: 'Contact', inputType: 'UpdateContactInput', fields: 'id firstName lastName email phone title isPrimary' },
  createProject: { type: 'Project', parent: 'Client', inputType: 'CreateProjectInput', unique: 'name', fields: 'id name description status startDate dueDate' },
  updateProject: { type: 'Project', inputType: 'UpdateProjectInput', fields: 'id name description status startDate dueDate' },
  createTask: { type: 'Task', parent: 'Project', inputType: 'CreateTaskInput', unique: 'title', fields: 'id title status dueDate' },
  updateTask: { type: 'Task', inputType: 'UpdateTaskInput', fields: 'id title status dueDate' },
};
const UNIQUE_COLUMN: Record<EntityType, string> = { Client: 'name', Contact: 'first_name', Project: 'name', Task: 'title' };
const PARENT_FIELD: Partial<Record<Kind, string>> = { createContact: 'clientId', createProject: 'clientId', createTask: 'projectId' };

/** Small domains, so that updates often repeat the current value (and must then write nothing). */
const v = {
  clientStatus: fc.constantFrom('LEAD', 'ACTIVE', 'INACTIVE', 'ARCHIVED'),
  email: fc.constantFrom(null, '', 'sales@nimbus.example', ' Sales@Nimbus.EXAMPLE ', 'ops@orbit.example'),
  phone: fc.constantFrom(null, '+1 555 0100', ' +1 555 0100 '),
  website: fc.constantFrom(null, 'https://nimbus.example'),
  industry: fc.constantFrom(null, 'Retail', 'Media'),
  notes: fc.constantFrom(null, 'a note', '   '),
  clientName: fc.constantFrom('Nimbus', ' Nimbus ', 'Orbit'),
  firstName: fc.constantFrom('Ada', ' Ada ', 'Grace'),
  lastName: fc.constantFrom(null, '', 'Lovelace', 'Hopper'),
  title: fc.constantFrom(null, 'CTO'),
  isPrimary: fc.boolean(),
  projectName: fc.constantFrom('Rebrand', 'Rebrand ', 'Launch'),
  description: fc.constantFrom(null, '', 'Scope of work'),
  projectStatus: fc.constantFrom('PLANNED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED'),
  // Every start is before every due date (seeded ones included), so no valid update trips the order check.
  startDate: fc.constantFrom(null, '2020-01-01', '2020-03-15'),
  dueDate: fc.constantFrom(null, '2099-01-01', '2099-12-31'),
  taskTitle: fc.constantFrom('Write', ' Write ', 'Review'),
  taskStatus: fc.constantFrom('TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'),
  taskDue: fc.constantFrom(null, '2026-05-01', '2026-06-01'),
};
const optional = { requiredKeys: [] as never[] };
const pick = fc.nat();
const echo = fc.constantFrom(false, false, true);

const validOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('createClient' as const), pick, padded: fc.boolean(), input: fc.record({ status: v.clientStatus, email: v.email, phone: v.phone, website: v.website, industry: v.industry, notes: v.notes }, optional) }),
  fc.record({ kind: fc.constant('updateClient' as const), pick, echo, input: fc.record({ name: v.clientName, status: v.clientStatus, email: v.email, phone: v.phone, website: v.website, industry: v.industry, notes: v.notes }, optional) }),
  fc.record({ kind: fc.constant('createContact' as const), pick, padded: fc.boolean(), input: fc.record({ lastName: v.lastName, email: v.email, phone: v.phone, title: v.title, isPrimary: v.isPrimary }, optional) }),
  fc.record({ kind: fc.constant('updateContact' as const), pick, echo, input: fc.record({ firstName: v.firstName, lastName: v.lastName, email: v.email, phone: v.phone, title: v.title, isPrimary: v.isPrimary }, optional) }),
  fc.record({ kind: fc.constant('createProject' as const), pick, padded: fc.boolean(), input: fc.record({ description: v.description, status: v.projectStatus, startDate: v.startDate, dueDate: v.dueDate }, optional) }),
  fc.record({ kind: fc.constant('updateProject' as const), pick, echo, input: fc.record({ name: v.projectName, description: v.description, status: v.projectStatus, startDate: v.startDate, dueDate: v.dueDate }, optional) }),
  fc.record({ kind: fc.constant('createTask' as const), pick, padded: fc.boolean(), input: fc.record({ status: v.taskStatus, dueDate: v.taskDue }, optional) }),
  fc.record({ kind: fc.constant('updateTask' as const), pick, echo, input: fc.record({ title: v.taskTitle, status: v.taskStatus, dueDate: v.taskDue, milestoneId: fc.constant(null) }, optional) }),
);

const bad = (code: string, field: string) => ({ code, field });
const invalidOp: fc.Arbitrary<Op> = fc.oneof(
  ...(
    [
      { kind: 'createClient', input: { name: '   ' }, fails: bad('BAD_USER_INPUT', 'input.name') },
      { kind: 'createClient', input: { email: 'not-an-email' }, fails: bad('BAD_USER_INPUT', 'input.email') },
      { kind: 'createClient', input: { website: 'ftp://nimbus.example' }, fails: bad('BAD_USER_INPUT', 'input.website') },
      { kind: 'updateClient', input: { name: 'Nobody' }, missing: 'id', fails: bad('NOT_FOUND', 'id') },
      { kind: 'updateClient', input: { name: '' }, fails: bad('BAD_USER_INPUT', 'input.name') },
      { kind: 'updateClient', input: { notes: 'valid', email: 'still not an email' }, fails: bad('BAD_USER_INPUT', 'input.email') },
      { kind: 'createContact', input: {}, missing: 'parent', fails: bad('NOT_FOUND', 'input.clientId') },
      { kind: 'createContact', input: { email: 'nope@' }, fails: bad('BAD_USER_INPUT', 'input.email') },
      { kind: 'updateContact', input: { firstName: ' ' }, fails: bad('BAD_USER_INPUT', 'input.firstName') },
      { kind: 'updateContact', input: { title: 'CEO', isPrimary: null }, fails: bad('BAD_USER_INPUT', 'input.isPrimary') },
      { kind: 'updateContact', input: { title: 'CEO' }, missing: 'id', fails: bad('NOT_FOUND', 'id') },
      // The missing client is found by the foreign key, when the INSERT itself fails.
      { kind: 'createProject', input: {}, missing: 'parent', fails: bad('NOT_FOUND', 'input.clientId') },
      { kind: 'createProject', input: { name: '' }, fails: bad('BAD_USER_INPUT', 'input.name') },
      { kind: 'createProject', input: { startDate: '2099-12-31', dueDate: '2020-01-01' }, fails: bad('BAD_USER_INPUT', 'input.dueDate') },
      { kind: 'updateProject', input: { name: 'Changed first', startDate: '2099-06-01', dueDate: '2099-01-01' }, fails: bad('BAD_USER_INPUT', 'input.dueDate') },
      { kind: 'updateProject', input: { name: 'X' }, missing: 'id', fails: bad('NOT_FOUND', 'id') },
      { kind: 'createTask', input: {}, missing: 'parent', fails: bad('NOT_FOUND', 'input.projectId') },
      { kind: 'createTask', input: {}, missing: 'milestone', fails: bad('NOT_FOUND', 'input.milestoneId') },
      { kind: 'updateTask', input: { title: '  ' }, fails: bad('BAD_USER_INPUT', 'input.title') },
      { kind: 'updateTask', input: { title: 'Fine', status: null }, fails: bad('BAD_USER_INPUT', 'input.status') },
      { kind: 'updateTask', input: { status: 'DONE' }, missing: 'id', fails: bad('NOT_FOUND', 'id') },
    ] as Array<Omit<Op, 'pick'>>
  ).map((op) => pick.map((n): Op => ({ ...op, pick: n }))),
);

/** One mutation document: valid fields, then possibly one that fails (so the earlier ones commit). */
const documentArbitrary = fc
  .record({ valid: fc.array(validOp, { minLength: 0, maxLength: 3 }), invalid: fc.option(invalidOp, { freq: 2 }) })
  .filter((document) => document.valid.length > 0 || document.invalid !== null)
  .map((document) => (document.invalid ? [...document.valid, document.invalid] : document.valid));

let markerCounter = 0;
const marker = (kind: Kind) => `${kind} ${process.pid}-${++markerCounter}`;

interface Prepared {
  op: Op;
  alias: string;
  target?: string;
  parent?: string;
  marker?: string;
  variables: Record<string, unknown>;
}

function prepare(model: Model, op: Op, index: number): Prepared {
  const spec = KINDS[op.kind];
  const alias = `f${index}`;
  const input: Record<string, unknown> = { ...op.input };
  const prepared: Prepared = { op, alias, variables: {} };
  const choose = (type: EntityType) => {
    const ids = model.ids(type).sort();
    return ids[op.pick % ids.length]!;
  };
  if (op.kind.startsWith('update')) {
    prepared.target = op.missing === 'id' ? uuidv7() : choose(spec.type);
    prepared.variables[`id${index}`] = prepared.target;
    if (op.echo) {
      const current = model.get(prepared.target).row;
      for (const key of Object.keys(input)) input[key] = current[key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)];
    }
  } else {
    prepared.parent = op.missing === 'parent' ? uuidv7() : spec.parent ? choose(spec.parent) : undefined;
    if (spec.parent) input[PARENT_FIELD[op.kind]!] = prepared.parent;
    if (op.missing === 'milestone') input.milestoneId = uuidv7();
    if (spec.unique && !(spec.unique in input)) {
      prepared.marker = marker(op.kind);
      input[spec.unique] = op.padded ? `  ${prepared.marker} ` : prepared.marker;
    }
  }
  prepared.variables[`v${index}`] = input;
  return prepared;
}

function documentOf(prepared: Prepared[]): { query: string; variables: Record<string, unknown> } {
  const declarations: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, unknown> = {};
  prepared.forEach((entry, index) => {
    const spec = KINDS[entry.op.kind];
    declarations.push(`$v${index}: ${spec.inputType}!`);
    if (entry.target) declarations.push(`$id${index}: ID!`);
    fields.push(`${entry.alias}: ${entry.op.kind}(${entry.target ? `id: $id${index}, ` : ''}input: $v${index}) { ${spec.fields} }`);
    Object.assign(variables, entry.variables);
  });
  return { query: `mutation Audited(${declarations.join(', ')}) { ${fields.join(' ')} }`, variables };
}

/** What the API answers for a row, from the model's columns. */
function answerOf(entity: Entity): Record<string, Json> {
  const r = entity.row;
  switch (entity.type) {
    case 'Client':
      return { id: entity.id, name: r.name!, status: r.status!, email: r.email!, phone: r.phone!, website: r.website!, industry: r.industry!, notes: r.notes! };
    case 'Contact':
      return { id: entity.id, firstName: r.first_name!, lastName: r.last_name!, email: r.email!, phone: r.phone!, title: r.title!, isPrimary: r.is_primary! };
    case 'Project':
      return { id: entity.id, name: r.name!, description: r.description!, status: r.status!, startDate: r.start_date!, dueDate: r.due_date! };
    case 'Task':
      return { id: entity.id, title: r.title!, status: r.status!, dueDate: r.due_date! };
  }
}

async function idByMarker(type: EntityType, value: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(`select id from ${TABLES[type]} where organization_id = $1 and ${UNIQUE_COLUMN[type]} = $2`, [organizationId, value]);
  return rows.map((row) => row.id);
}

/** Applies one committed field to the model. */
async function commit(model: Model, entry: Prepared, data: Record<string, any> | null | undefined, requestId: string): Promise<Entity> {
  const spec = KINDS[entry.op.kind];
  const input = entry.variables[`v${entry.alias.slice(1)}`] as Input;
  const columns = { Client: clientColumns, Contact: contactColumns, Project: projectColumns, Task: taskColumns }[spec.type](input);
  if (entry.target) {
    const entity = model.update(entry.target, columns, requestId);
    if (entry.op.kind === 'updateContact' && input.isPrimary === true) model.demoteOtherPrimaryContacts(entity, requestId);
    return entity;
  }
  // A create: every committed field is answered, so its id is in the answer; its marker finds that same row.
  const id = data?.[entry.alias]?.id as string;
  expect(id, `${entry.op.kind} ${entry.marker} answered its id`).toEqual(expect.any(String));
  expect(await idByMarker(spec.type, entry.marker!), `${entry.op.kind} ${entry.marker} committed exactly once`).toEqual([id]);
  coverage.createsFoundByMarker++;
  const defaults: Record<EntityType, Row> = {
    Client: { status: 'ACTIVE', email: null, phone: null, website: null, industry: null, notes: null },
    Contact: { client_id: entry.parent!, last_name: '', email: null, phone: null, title: null, is_primary: false },
    Project: { client_id: entry.parent!, description: null, status: 'PLANNED', start_date: null, due_date: null },
    Task: { project_id: entry.parent!, status: 'TODO', due_date: null },
  };
  const entity = model.create(spec.type, id, { ...defaults[spec.type], ...columns }, requestId);
  if (entry.op.kind === 'createContact' && entity.row.is_primary === true) model.demoteOtherPrimaryContacts(entity, requestId);
  return entity;
}

interface ActualEvent extends ExpectedEvent {
  actor: string;
  seq: number;
  hash: string | null;
}

async function runSequence(documents: Op[][]): Promise<void> {
  const model = await Model.load();
  const [head] = await sql<{ seq: number }>('select coalesce(max(seq), 0)::int as seq from activity_events where organization_id = $1', [organizationId]);
  const startSeq = head!.seq;
  const requestIds = new Set<string>();

  for (const operations of documents) {
    const prepared = operations.map((op, index) => prepare(model, op, index));
    const { query, variables } = documentOf(prepared);
    const { result, requestId } = await send(query, variables);
    expect(requestIds.has(requestId), 'request ids are unique').toBe(false);
    requestIds.add(requestId);
    expect(result.status, JSON.stringify(result)).toBeLessThan(500);
    const failing = prepared.at(-1)!.op.fails ? prepared.at(-1)! : undefined;
    coverage.documents++;
    if (failing) {
      coverage.failedDocuments++;
      if (prepared.length > 1) coverage.committedBeforeFailure++;
      // The failing field is last: every field before it answered (and committed) before it ran.
      expect(result.errors, `${query}\n${JSON.stringify(variables)}`).toHaveLength(1);
      expect(result.errors![0]!.path).toEqual([failing.alias]);
      expect(result.errors![0]!.extensions).toMatchObject(failing.op.fails!);
      // Mutation results are nullable: the failing field is null, every committed one is answered (checked below).
      expect(result.data?.[failing.alias]).toBeNull();
      if (failing.marker) expect(await idByMarker(KINDS[failing.op.kind].type, failing.marker), 'a failed create leaves no row').toEqual([]);
    } else {
      expect(result.errors, `${query}\n${JSON.stringify(variables)}`).toBeUndefined();
    }
    for (const entry of prepared) {
      if (entry === failing) continue;
      const entity = await commit(model, entry, result.data, requestId);
      if (result.data) expect(result.data[entry.alias], `${entry.alias} answered the committed row`).toEqual(answerOf(entity));
    }
  }

  // The events of the run: exactly the committed changes, in commit order.
  const events = await sql<ActualEvent>(
    `select seq::int as seq, hash, actor, entity_type, entity_id, client_id, action, changes, request_id
     from activity_events where organization_id = $1 and seq > $2 order by seq`,
    [organizationId, startSeq],
  );
  const comparable = (event: ExpectedEvent) => ({
    entity_type: event.entity_type,
    entity_id: event.entity_id,
    client_id: event.client_id,
    action: event.action,
    changes: event.changes,
    request_id: event.request_id,
  });
  expect(events.map(comparable)).toEqual(model.expected.map(comparable));
  for (const event of events) {
    expect(event.actor).toBe(actor);
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
  }
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => startSeq + index + 1));
  coverage.events += events.length;
  // No event anywhere else either: none of the failed fields wrote one under another tenant.
  const [elsewhere] = await sql(`select count(*)::int as count from activity_events where request_id = any($1::text[]) and organization_id <> $2`, [[...requestIds], organizationId]);
  expect(elsewhere.count).toBe(0);

  // The model agrees with the database on every row it touched, version included, and with the history.
  for (const id of model.touched) {
    const entity = model.get(id);
    const [row] = await sql(`select version, to_jsonb(x) - $2::text[] as row from ${TABLES[entity.type]} x where id = $1`, [id, UNTRACKED]);
    expect(row, `${entity.type} ${id}`).toEqual({ version: entity.version, row: entity.row });
    const history = await sql(
      `select version, data - $3::text[] as data, valid_to is null as open from entity_history where entity_type = $1 and entity_id = $2 order by version`,
      [entity.type, id, UNTRACKED],
    );
    expect(history.map((version) => version.version)).toEqual(Array.from({ length: entity.version }, (_, index) => index + 1));
    expect(history.at(-1)).toEqual({ version: entity.version, data: entity.row, open: true });
  }
  // The verification runs for the caller's own tenant only.
  await sql('begin');
  await sql(`select set_config('app.organization_id', $1, true)`, [organizationId]);
  const [verified] = await sql('select ok, events_checked::int as events_checked from ubos_verify_audit_chain($1)', [organizationId]);
  await sql('rollback');
  expect(verified.ok).toBe(true);
}

describe('audit trail through the gateway', () => {
  it('records exactly the committed changes of random mutation sequences, some failing part-way: 0 extra, 0 missing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(documentArbitrary, { minLength: 1, maxLength: 8 }), (documents) => runSequence(documents)),
      { numRuns: 40 },
    );
    for (const [what, count] of Object.entries(coverage)) expect(count, `runs exercised ${what}`).toBeGreaterThan(0);
  }, 120_000);

  it('writes no event for an update that changes nothing, empty input included', async () => {
    const client = (await send('mutation { createClient(input: { name: "Unchanged", email: "hi@unchanged.example" }) { id } }', {})).result.data!.createClient.id;
    const [before] = await sql('select count(*)::int as count from activity_events where entity_id = $1', [client]);
    expect(before.count).toBe(1);
    const noop = await send(
      'mutation($id: ID!) { a: updateClient(id: $id, input: {}) { id } b: updateClient(id: $id, input: { name: " Unchanged ", email: "HI@unchanged.example" }) { id } }',
      { id: client },
    );
    expect(noop.result.errors).toBeUndefined();
    expect(await sql('select count(*)::int as count from activity_events where entity_id = $1', [client])).toEqual([before]);
    expect(await sql('select count(*)::int as count from activity_events where request_id = $1', [noop.requestId])).toEqual([{ count: 0 }]);
  });

  it('gives every concurrent update of one client its own event and version, and a contiguous history', async () => {
    const client = (await send('mutation { createClient(input: { name: "Contended" }) { id } }', {})).result.data!.createClient.id;
    const CONCURRENT = 12;
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, index) => send('mutation($id: ID!, $name: String!) { updateClient(id: $id, input: { name: $name }) { id } }', { id: client, name: `Contended ${index}` })),
    );
    const failures = results.filter((sent) => sent.result.errors).map((sent) => sent.result.errors![0]!.extensions?.code);
    expect(failures, 'every concurrent update succeeds').toEqual([]);
    const events = await sql('select action, request_id from activity_events where entity_id = $1 order by seq', [client]);
    expect(events.map((event) => event.action)).toEqual(['created', ...Array(CONCURRENT).fill('updated')]);
    expect(new Set(events.slice(1).map((event) => event.request_id))).toEqual(new Set(results.map((sent) => sent.requestId)));
    const [row] = await sql('select version, to_jsonb(c) as row from clients c where id = $1', [client]);
    expect(row.version).toBe(CONCURRENT + 1);
    const history = await sql(
      `select version, valid_from::text as valid_from, valid_to::text as valid_to, data from entity_history where entity_type = 'Client' and entity_id = $1 order by version`,
      [client],
    );
    expect(history.map((version) => version.version)).toEqual(Array.from({ length: CONCURRENT + 1 }, (_, index) => index + 1));
    for (let index = 0; index < history.length - 1; index++) expect(history[index]!.valid_to).toBe(history[index + 1]!.valid_from);
    expect(history.at(-1)!.valid_to).toBeNull();
    expect(history.at(-1)!.data).toEqual(row.row);
  });
});
