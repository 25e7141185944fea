import DataLoader from 'dataloader';
import {
  createByIdLoader,
  createChildPageLoader,
  createHistoryLoaders,
  decodeCursor,
  encodeCursor,
  pageSize,
  pgArray,
  toConnection,
  type Connection,
  type EntityManager,
} from '@ubos/kernel';
import { ContractSchema, type ContractEntity } from './entities/contract.entity.js';
import { ProposalSchema, type ProposalEntity } from './entities/proposal.entity.js';
import { statusSql } from './proposal-status.js';
import type { ProposalStatus } from './__generated__/resolvers-types.js';

interface ProposalPageArgs {
  first?: number | null;
  after?: string | null;
  statuses?: readonly ProposalStatus[] | null;
  includeDeleted?: boolean;
  /** The UTC date against which SENT and EXPIRED are told apart. */
  today: string;
}

/**
 * The proposals of many clients in one statement, like the kernel's createChildPageLoader
 * (a window numbers each client's rows after the cursor, another counts them), with one
 * difference: the status filter is derived, because EXPIRED is SENT with validUntil passed.
 * Raw SQL, so the explicit organization_id condition stands in for the ORM's tenant filter;
 * Row Level Security stands behind both.
 */
function createProposalsOfClientLoader(em: EntityManager, organizationId: string | null) {
  type Key = { clientId: string; args: ProposalPageArgs };
  const signature = (args: ProposalPageArgs) => JSON.stringify([args.first, args.after, args.statuses, args.includeDeleted, args.today]);
  const conditions = (args: ProposalPageArgs, params: unknown[]) => {
    const sql: string[] = [];
    if (!args.includeDeleted) sql.push('and t.deleted_at is null');
    if (args.statuses) sql.push(`and ${statusSql(args.statuses, args.today, params, pgArray)}`);
    return sql.join(' ');
  };
  const count = async (key: Key) => {
    const params: unknown[] = [organizationId, key.clientId];
    const where = conditions(key.args, params);
    const [row] = await em.execute<Array<{ count: string }>>(`select count(*) as count from proposals t where t.organization_id = ? and t.client_id = ? ${where}`, params);
    return Number(row?.count ?? 0);
  };
  const loader = new DataLoader<Key, Connection<ProposalEntity>, string>(
    async (keys) => {
      const groups = new Map<string, Key[]>();
      for (const key of keys) groups.set(signature(key.args), [...(groups.get(signature(key.args)) ?? []), key]);
      const results = new Map<Key, Connection<ProposalEntity>>();
      for (const group of groups.values()) {
        const { args } = group[0]!;
        const first = pageSize(args.first);
        const after = args.after ? String(decodeCursor(args.after, 1)[0]) : undefined;
        const params: unknown[] = [organizationId, pgArray(group.map((key) => key.clientId))];
        const where = conditions(args, params);
        if (after) params.push(after);
        params.push(first + 1);
        const rows = await em.execute<Array<Record<string, unknown>>>(
          `select * from (
             select s.*, row_number() over (partition by s.client_id order by s.id) as ubos_position
             from (
               select t.*, count(*) over (partition by t.client_id) as ubos_total
               from proposals t
               where t.organization_id = ? and t.client_id = any(?::uuid[]) ${where}
             ) s ${after ? 'where s.id > ?' : ''}
           ) page
           where ubos_position <= ?
           order by client_id, id`,
          params,
        );
        const byClient = new Map<string, { nodes: ProposalEntity[]; total: number }>();
        for (const row of rows) {
          const clientId = row.client_id as string;
          const total = Number(row.ubos_total);
          delete row.ubos_total;
          delete row.ubos_position;
          const bucket = byClient.get(clientId) ?? { nodes: [], total };
          bucket.nodes.push(em.map(ProposalSchema, row as any));
          byClient.set(clientId, bucket);
        }
        for (const key of group) {
          const bucket = byClient.get(key.clientId);
          // Every row of a client may lie before the cursor: then its total is counted on demand.
          const total = bucket ? bucket.total : after ? undefined : 0;
          results.set(key, toConnection(bucket?.nodes ?? [], first, (node) => encodeCursor([node.id]), Boolean(after), () => total ?? count(key)));
        }
      }
      return keys.map((key) => results.get(key)!);
    },
    { cacheKeyFn: (key) => `${key.clientId}:${signature(key.args)}` },
  );
  return (clientId: string, args: ProposalPageArgs) => {
    // Checked before batching, so that a bad argument fails its own field only.
    pageSize(args.first);
    if (args.after) decodeCursor(args.after, 1);
    return loader.load({ clientId, args });
  };
}

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createAgreementsLoaders(em: EntityManager, organizationId: string | null) {
  return {
    proposalById: createByIdLoader(em, ProposalSchema),
    /** For references (Contract.proposal, other subgraphs): deleted proposals still resolve. */
    proposalReference: createByIdLoader(em, ProposalSchema, { includeDeleted: true }),
    contractById: createByIdLoader(em, ContractSchema),
    contractReference: createByIdLoader(em, ContractSchema, { includeDeleted: true }),
    /** The contract made from each proposal, deleted or not (it still holds the proposal's one contract). */
    contractOfProposal: new DataLoader<string, ContractEntity | null>(async (proposalIds) => {
      const rows = await em.find(ContractSchema, { proposalId: { $in: [...proposalIds] } }, { filters: { notDeleted: false } });
      const byProposal = new Map(rows.map((row) => [row.proposalId, row]));
      return proposalIds.map((proposalId) => byProposal.get(proposalId) ?? null);
    }),
    proposalHistory: createHistoryLoaders(em, organizationId, 'Proposal', ProposalSchema),
    contractHistory: createHistoryLoaders(em, organizationId, 'Contract', ContractSchema),
    proposalsOfClient: createProposalsOfClientLoader(em, organizationId),
    contractsOfClient: createChildPageLoader(em, organizationId, {
      entity: ContractSchema,
      table: 'contracts',
      parentColumn: 'client_id',
      softDeletable: true,
      sort: { properties: ['id'], columns: ['id'], direction: 'ASC' },
    }),
  };
}

export type AgreementsLoaders = ReturnType<typeof createAgreementsLoaders>;
