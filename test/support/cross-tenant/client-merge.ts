import type { TestDatabase } from '../database.js';
import type { DomainCases } from '../cross-tenant.js';

/**
 * Every tenant gets a recorded merge (straight into the table, as the suite does for API
 * keys), so that another tenant's merge can be looked up and undone, and must not be.
 */
async function ensureClientMerge(db: TestDatabase, organizationId: string): Promise<void> {
  const [existing] = await db.admin('select id from client_merges where organization_id = $1 limit 1', [organizationId]);
  if (existing) return;
  await db.admin(
    `insert into client_merges (organization_id, client_id, duplicate_ids, duplicate_statuses, survivor_version_before, survivor_version_after, status, merged_by, completed_at)
     select organization_id, id, array[ubos_uuid_v7()], '{}'::jsonb, version, version, 'COMPLETED', 'system', now()
       from clients where organization_id = $1 order by id limit 1`,
    [organizationId],
  );
}

/**
 * Client merges: another tenant's merge is as absent as a missing one, and no merge takes
 * another tenant's client as its survivor or as a duplicate.
 */
export const clientMergeCases: DomainCases = {
  idTables: { clientMerge: 'client_merges' },
  ensureRows: ensureClientMerge,
  cases: [
    { field: 'clientMerge', what: 'clientMerge', operation: (id) => ({ query: 'query($id: ID!) { clientMerge(id: $id) { id status survivor { id } } }', variables: { id } }) },
    { field: 'unmergeClient', what: 'clientMerge', operation: (id) => ({ query: 'mutation($id: ID!) { unmergeClient(mergeId: $id) { id status } }', variables: { id } }) },
    {
      field: 'mergeClients',
      what: 'client',
      operation: (id, own) => ({ query: 'mutation($id: ID!, $own: ID!) { mergeClients(survivorId: $id, duplicateIds: [$own]) { id } }', variables: { id, own: own.client } }),
    },
    {
      field: 'mergeClients',
      what: 'client',
      operation: (id, own) => ({ query: 'mutation($id: ID!, $own: ID!) { mergeClients(survivorId: $own, duplicateIds: [$id]) { id } }', variables: { id, own: own.client } }),
    },
  ],
  withoutId: ['clientDuplicates'],
  lists: {
    selection: 'clientDuplicates(first: 100) { client { id } duplicate { id } } mergedClients: clients(first: 100) { edges { node { merges { id survivor { id } duplicates { id } } } } }',
    tables: ['clients', 'client_merges'],
  },
};
