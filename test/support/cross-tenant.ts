import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readCommittedSupergraph } from '@ubos/gateway';
import { uuidv7 } from '@ubos/kernel';
import { DEFAULT_REQUEST_LIMITS, type UbosConfig } from '@ubos/kernel';
import type { TestDatabase } from './database.js';
import type { GraphQLClient, GraphQLResult } from './stack.js';
import { TENANT_TABLES } from './tenant-tables.js';
import { DOMAIN_CASES } from './cross-tenant/index.js';

/**
 * The suite sends hundreds of requests as one owner and one query that reads every row of the
 * tenant (every list at `first: 100`), which the default rate and cost limits rightly refuse:
 * the gateways it runs against turn them off. gateway/test/limits.test.ts tests the limits.
 */
export const ISOLATION_SUITE_CONFIG: Partial<UbosConfig> = {
  limits: { ...DEFAULT_REQUEST_LIMITS, maxCost: 100_000_000 },
  rateLimits: { actor: null, tenant: null, login: null },
};
export const ISOLATION_SUITE_ENV = { UBOS_MAX_COST: '100000000', UBOS_RATE_LIMIT_ACTOR: '0', UBOS_RATE_LIMIT_TENANT: '0', UBOS_RATE_LIMIT_LOGIN: '0' };

export interface CrossTenantContext {
  /** The acting tenant's owner. */
  actor: GraphQLClient;
  actorOrganizationId: string;
  /** The other tenants' organization ids. */
  foreignOrganizationIds: string[];
  db: TestDatabase;
}

/** One id of each kind for a tenant, by kind (`client`, `invoice`, ...). */
export type Ids = Record<string, string>;

export interface IdCase {
  field: string;
  /** The kind of id the operation is tried with: a key of the domain's `idTables`, or a foundation kind. */
  what: string;
  /** The operation with `id` standing for the foreign (or missing) id; `own` holds the actor's ids. */
  operation(id: string, own: Ids): { query: string; variables: Record<string, unknown> };
}

/** What a domain adds to the cross-tenant suite; each domain keeps its own file under ./cross-tenant/. */
export interface DomainCases {
  /** The table each kind of id is taken from (its first row by id, per tenant). */
  idTables: Record<string, string>;
  cases: IdCase[];
  /** Root fields without an id argument; `lists` covers the ones that return data. */
  withoutId: string[];
  /** Makes sure each tenant has a row of each kind of id this domain probes that the seed does not give. */
  ensureRows?(db: TestDatabase, organizationId: string): Promise<void>;
  /** A selection added to the one big list query, and the tables whose foreign ids must not appear in it. */
  lists?: { selection: string; tables: string[] };
  /** Adds rows the seed does not make (e.g. sessions), so that each tenant has an id of each kind. */
  prepare?(db: TestDatabase, organizationId: string): Promise<void>;
}

const FOUNDATION_ID_TABLES: Record<string, string> = { client: 'clients', contact: 'contacts', deal: 'deals', project: 'projects', task: 'tasks', milestone: 'milestones' };

const FOUNDATION_CASES: IdCase[] = [
  { field: 'client', what: 'client', operation: (id) => ({ query: 'query($id: ID!) { client(id: $id) { id name } }', variables: { id } }) },
  { field: 'contact', what: 'contact', operation: (id) => ({ query: 'query($id: ID!) { contact(id: $id) { id firstName } }', variables: { id } }) },
  { field: 'deal', what: 'deal', operation: (id) => ({ query: 'query($id: ID!) { deal(id: $id) { id title } }', variables: { id } }) },
  { field: 'project', what: 'project', operation: (id) => ({ query: 'query($id: ID!) { project(id: $id) { id name client { id } } }', variables: { id } }) },
  { field: 'task', what: 'task', operation: (id) => ({ query: 'query($id: ID!) { task(id: $id) { id title } }', variables: { id } }) },
  { field: 'milestone', what: 'milestone', operation: (id) => ({ query: 'query($id: ID!) { milestone(id: $id) { id name } }', variables: { id } }) },
  { field: 'updateClient', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { updateClient(id: $id, input: { name: "Hijacked" }) { id } }', variables: { id } }) },
  { field: 'createContact', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { createContact(input: { clientId: $id, firstName: "Mallory" }) { id } }', variables: { id } }) },
  { field: 'updateContact', what: 'contact', operation: (id) => ({ query: 'mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Mallory" }) { id } }', variables: { id } }) },
  { field: 'createDeal', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { createDeal(input: { clientId: $id, title: "X", value: { amountMinor: 1, currency: "USD" } }) { id } }', variables: { id } }) },
  { field: 'updateDeal', what: 'deal', operation: (id) => ({ query: 'mutation($id: ID!) { updateDeal(id: $id, input: { stage: LOST }) { id } }', variables: { id } }) },
  { field: 'createProject', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { createProject(input: { clientId: $id, name: "X" }) { id } }', variables: { id } }) },
  { field: 'updateProject', what: 'project', operation: (id) => ({ query: 'mutation($id: ID!) { updateProject(id: $id, input: { name: "X" }) { id } }', variables: { id } }) },
  { field: 'createTask', what: 'project', operation: (id) => ({ query: 'mutation($id: ID!) { createTask(input: { projectId: $id, title: "X" }) { id } }', variables: { id } }) },
  { field: 'createTask', what: 'milestone', operation: (id, own) => ({ query: 'mutation($id: ID!, $p: ID!) { createTask(input: { projectId: $p, milestoneId: $id, title: "X" }) { id } }', variables: { id, p: own.project } }) },
  { field: 'updateTask', what: 'task', operation: (id) => ({ query: 'mutation($id: ID!) { updateTask(id: $id, input: { status: DONE }) { id } }', variables: { id } }) },
  { field: 'updateTask', what: 'milestone', operation: (id, own) => ({ query: 'mutation($id: ID!, $t: ID!) { updateTask(id: $t, input: { milestoneId: $id }) { id } }', variables: { id, t: own.task } }) },
  { field: 'createMilestone', what: 'project', operation: (id) => ({ query: 'mutation($id: ID!) { createMilestone(input: { projectId: $id, name: "X" }) { id } }', variables: { id } }) },
  { field: 'updateMilestone', what: 'milestone', operation: (id) => ({ query: 'mutation($id: ID!) { updateMilestone(id: $id, input: { completed: true }) { id } }', variables: { id } }) },
  { field: 'login', what: 'organization', operation: (id) => ({ query: 'mutation($id: ID) { login(email: "owner@alpha.test", password: "ubos-demo", organizationId: $id) { token } }', variables: { id } }) },
  { field: 'verifyAuditChain', what: 'organization', operation: (id) => ({ query: 'query($id: ID!) { verifyAuditChain(organizationId: $id) { ok eventsChecked firstBrokenEventId } }', variables: { id } }) },
  { field: 'deleteClient', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { deleteClient(id: $id) { id } }', variables: { id } }) },
  { field: 'restoreClient', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { restoreClient(id: $id) { id } }', variables: { id } }) },
  { field: 'client', what: 'client', operation: (id) => ({ query: 'query($id: ID!) { client(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
  { field: 'deleteContact', what: 'contact', operation: (id) => ({ query: 'mutation($id: ID!) { deleteContact(id: $id) { id } }', variables: { id } }) },
  { field: 'restoreContact', what: 'contact', operation: (id) => ({ query: 'mutation($id: ID!) { restoreContact(id: $id) { id } }', variables: { id } }) },
  { field: 'contact', what: 'contact', operation: (id) => ({ query: 'query($id: ID!) { contact(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
  { field: 'deleteDeal', what: 'deal', operation: (id) => ({ query: 'mutation($id: ID!) { deleteDeal(id: $id) { id } }', variables: { id } }) },
  { field: 'restoreDeal', what: 'deal', operation: (id) => ({ query: 'mutation($id: ID!) { restoreDeal(id: $id) { id } }', variables: { id } }) },
  { field: 'deal', what: 'deal', operation: (id) => ({ query: 'query($id: ID!) { deal(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
  { field: 'deleteProject', what: 'project', operation: (id) => ({ query: 'mutation($id: ID!) { deleteProject(id: $id) { id } }', variables: { id } }) },
  { field: 'restoreProject', what: 'project', operation: (id) => ({ query: 'mutation($id: ID!) { restoreProject(id: $id) { id } }', variables: { id } }) },
  { field: 'project', what: 'project', operation: (id) => ({ query: 'query($id: ID!) { project(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
  { field: 'deleteTask', what: 'task', operation: (id) => ({ query: 'mutation($id: ID!) { deleteTask(id: $id) { id } }', variables: { id } }) },
  { field: 'restoreTask', what: 'task', operation: (id) => ({ query: 'mutation($id: ID!) { restoreTask(id: $id) { id } }', variables: { id } }) },
  { field: 'task', what: 'task', operation: (id) => ({ query: 'query($id: ID!) { task(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
  { field: 'deleteMilestone', what: 'milestone', operation: (id) => ({ query: 'mutation($id: ID!) { deleteMilestone(id: $id) { id } }', variables: { id } }) },
  { field: 'restoreMilestone', what: 'milestone', operation: (id) => ({ query: 'mutation($id: ID!) { restoreMilestone(id: $id) { id } }', variables: { id } }) },
  { field: 'milestone', what: 'milestone', operation: (id) => ({ query: 'query($id: ID!) { milestone(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
  { field: 'updateClient', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { updateClient(id: $id, input: { name: "X" }, expectedVersion: 1) { id } }', variables: { id } }) },
  { field: 'revokeApiKey', what: 'apiKey', operation: (id) => ({ query: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', variables: { id } }) },
  { field: 'eraseClient', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { eraseClient(id: $id) { id } }', variables: { id } }) },
  { field: 'purgeClient', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { purgeClient(id: $id) }', variables: { id } }) },
  { field: 'purgeContact', what: 'contact', operation: (id) => ({ query: 'mutation($id: ID!) { purgeContact(id: $id) }', variables: { id } }) },
  { field: 'purgeDeal', what: 'deal', operation: (id) => ({ query: 'mutation($id: ID!) { purgeDeal(id: $id) }', variables: { id } }) },
  { field: 'purgeProject', what: 'project', operation: (id) => ({ query: 'mutation($id: ID!) { purgeProject(id: $id) }', variables: { id } }) },
  { field: 'purgeTask', what: 'task', operation: (id) => ({ query: 'mutation($id: ID!) { purgeTask(id: $id) }', variables: { id } }) },
  { field: 'purgeMilestone', what: 'milestone', operation: (id) => ({ query: 'mutation($id: ID!) { purgeMilestone(id: $id) }', variables: { id } }) },
];

const DOMAINS: DomainCases[] = [
  {
    idTables: FOUNDATION_ID_TABLES,
    cases: FOUNDATION_CASES,
    withoutId: ['apiKeys', 'createApiKey', 'persistedOperations', 'registerPersistedOperations', 'clients', 'deals', 'projects', 'me', 'organization', 'createClient', 'activity', 'exportAuditCheckpoint'],
  },
  ...DOMAIN_CASES,
];
const CASES = DOMAINS.flatMap((domain) => domain.cases);
const WITHOUT_ID_ARGUMENTS = new Set(DOMAINS.flatMap((domain) => domain.withoutId));
const ID_TABLES: Record<string, string> = Object.assign({}, ...DOMAINS.map((domain) => domain.idTables));

/** Each tenant gets one API key, so that key management is tried across tenants too. */
async function apiKeyOf(db: TestDatabase, organizationId: string): Promise<string> {
  const [existing] = await db.admin<{ id: string }>('select id from api_keys where organization_id = $1 order by id limit 1', [organizationId]);
  if (existing) return existing.id;
  const [created] = await db.admin<{ id: string }>(
    `insert into api_keys (organization_id, name, prefix, secret_hash, scopes, created_by)
     values ($1, 'Cross-tenant probe', substr(md5(random()::text), 1, 12), md5(random()::text), '{crm:read}', 'system') returning id`,
    [organizationId],
  );
  return created!.id;
}

async function idsOf(db: TestDatabase, organizationId: string): Promise<Ids> {
  for (const domain of DOMAINS) await domain.prepare?.(db, organizationId);
  const ids: Ids = { organization: organizationId, apiKey: await apiKeyOf(db, organizationId) };
  for (const domain of DOMAINS) await domain.ensureRows?.(db, organizationId);
  for (const [what, table] of Object.entries(ID_TABLES)) {
    const [row] = await db.admin<{ id: string }>(`select id from ${table} where organization_id = $1 order by id limit 1`, [organizationId]);
    if (!row) throw new Error(`the seed gives tenant ${organizationId} no row in ${table}, so ${what} cannot be probed`);
    ids[what] = row.id;
  }
  return ids;
}

/** A digest of every row of the given tenants: it changes if anything of theirs changes. */
async function fingerprint(db: TestDatabase, organizationIds: string[]): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of [...TENANT_TABLES, 'organizations']) {
    const column = table === 'organizations' ? 'id' : 'organization_id';
    const [row] = await db.admin<{ digest: string; count: string }>(
      `select count(*) as count, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t where ${column} = any($1::uuid[])`,
      [organizationIds],
    );
    result[table] = `${row!.count}:${row!.digest}`;
  }
  return result;
}

function normalize(result: GraphQLResult, id: string): string {
  return JSON.stringify({ status: result.status, data: result.data, errors: result.errors }).replaceAll(id, '<id>').replace(/"requestId":"[^"]+"/g, '"requestId":"<request>"');
}

/**
 * With three tenants, every query and mutation that takes an id runs with the other tenants'
 * ids: no foreign row is returned or changed, and a foreign id answers exactly like a missing one.
 */
export function defineCrossTenantSuite(setup: () => Promise<CrossTenantContext>) {
  describe('cross-tenant isolation through the gateway', () => {
    it('covers every root field of the supergraph', () => {
      const schema = buildSchema(readCommittedSupergraph());
      const fields = ['Query', 'Mutation'].flatMap((type) => {
        const object = schema.getType(type);
        // @inaccessible fields are not in the public graph: only the gateway calls them, signed.
        return isObjectType(object)
          ? Object.values(object.getFields())
              .filter((field) => !field.name.startsWith('_') && !field.astNode?.directives?.some((directive) => directive.name.value === 'inaccessible'))
              .map((field) => field.name)
          : [];
      });
      const covered = new Set([...CASES.map((entry) => entry.field), ...WITHOUT_ID_ARGUMENTS]);
      expect(fields.filter((field) => !covered.has(field))).toEqual([]);
    });

    it('answers a foreign id exactly like a missing one, and changes no foreign row', async () => {
      const context = await setup();
      const own = await idsOf(context.db, context.actorOrganizationId);
      // Gathered first: it may create a probe API key in a foreign tenant.
      const foreignIdsByOrganization = new Map<string, Ids>();
      for (const organizationId of context.foreignOrganizationIds) foreignIdsByOrganization.set(organizationId, await idsOf(context.db, organizationId));
      const before = await fingerprint(context.db, context.foreignOrganizationIds);
      let checked = 0;
      const probes = context.foreignOrganizationIds.flatMap((foreignOrganizationId) => CASES.map((entry) => ({ entry, foreign: foreignIdsByOrganization.get(foreignOrganizationId)! })));
      // No probe can change anything (a foreign or missing id fails), so a few are sent at
      // once: the suite has hundreds of pairs, and distributed mode pays HTTP for each fetch.
      const AT_ONCE = 4;
      for (let start = 0; start < probes.length; start += AT_ONCE) {
        await Promise.all(
          probes.slice(start, start + AT_ONCE).map(async ({ entry, foreign }) => {
            const foreignId = foreign[entry.what];
            if (!foreignId) throw new Error(`no id of kind ${entry.what}: add its table to the domain's idTables`);
            const missingId = uuidv7();
            const withForeign = entry.operation(foreignId, own);
            const withMissing = entry.operation(missingId, own);
            const [foreignResult, missingResult] = await Promise.all([
              context.actor.request(withForeign.query, withForeign.variables),
              context.actor.request(withMissing.query, withMissing.variables),
            ]);
            expect(normalize(foreignResult, foreignId), `${entry.field} with a foreign ${entry.what}`).toBe(normalize(missingResult, missingId));
            expect(foreignResult.status).toBeLessThan(500);
            const errorCode = foreignResult.errors?.[0]?.extensions?.code;
            if (foreignResult.errors) expect(['NOT_FOUND', 'FORBIDDEN']).toContain(errorCode);
            else expect(Object.values(foreignResult.data ?? {})).toEqual([null]);
            checked++;
          }),
        );
      }
      expect(checked).toBe(CASES.length * context.foreignOrganizationIds.length);
      expect(await fingerprint(context.db, context.foreignOrganizationIds)).toEqual(before);
    });

    it('lists only the own tenant, with totals that match its rows', async () => {
      const context = await setup();
      const foreignIds = new Set<string>();
      for (const table of ['clients', 'deals', 'projects', 'contacts', 'tasks', 'milestones', 'activity_events', ...DOMAINS.flatMap((domain) => domain.lists?.tables ?? [])]) {
        for (const row of await context.db.admin<{ id: string }>(`select id from ${table} where organization_id = any($1::uuid[])`, [context.foreignOrganizationIds])) foreignIds.add(row.id);
      }
      const result = await context.actor.request(`{
        me { id } organization { id members { edges { node { user { id } } } } }
        clients(first: 100) { totalCount edges { node { id contacts(first: 100) { edges { node { id } } } deals(first: 100) { edges { node { id } } } projects(first: 100) { edges { node { id tasks(first: 100) { edges { node { id } } } milestones { id } } } } } } }
        deals(first: 100) { totalCount edges { node { id client { id } } } }
        projects(first: 100) { totalCount edges { node { id } } }
        activity(first: 100) { totalCount edges { node { id entityId clientId } } }
        timelines: clients(first: 100) { edges { node { timeline(first: 100) { edges { node { id entityId clientId } } } } } }
        ${DOMAINS.map((domain) => domain.lists?.selection ?? '').join('\n')}
      }`);
      expect(result.errors).toBeUndefined();
      const seen = JSON.stringify(result.data).match(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
      expect(seen.length).toBeGreaterThan(10);
      expect(seen.filter((id) => foreignIds.has(id))).toEqual([]);
      expect(result.data.activity.edges.length).toBeGreaterThan(10);
      expect(result.data.organization.id).toBe(context.actorOrganizationId);
      for (const [field, table] of [['clients', 'clients'], ['deals', 'deals'], ['projects', 'projects'], ['activity', 'activity_events']] as const) {
        const [row] = await context.db.admin<{ count: string }>(`select count(*) from ${table} where organization_id = $1`, [context.actorOrganizationId]);
        expect(result.data[field].totalCount, field).toBe(Number(row!.count));
      }
    });
  });
}
