import {
  badUserInput,
  computeDataQuality,
  decodeCursor,
  encodeCursor,
  listDataQualityIssues,
  pageSize,
  requestConnection,
  requireRole,
  type Connection,
  type DataQualityEntity,
  type DataQualityIssue,
  type DataQualityReport,
} from '@ubos/kernel';
import type { IdentityContext } from './context.js';

const ADMIN_ONLY = 'Only owners and admins can see data quality';

/** Computed from the tenant's rows in the fetch's own read transaction. */
export function dataQuality(ctx: IdentityContext): Promise<DataQualityReport> {
  requireRole(ctx, ['OWNER', 'ADMIN'], ADMIN_ONLY);
  return computeDataQuality(requestConnection(ctx.em), ctx.organizationId());
}

export async function dataQualityIssues(
  ctx: IdentityContext,
  args: { entityType?: DataQualityEntity | null; first?: number | null; after?: string | null },
): Promise<Connection<DataQualityIssue>> {
  requireRole(ctx, ['OWNER', 'ADMIN'], ADMIN_ONLY);
  const limit = pageSize(args.first);
  let after = null;
  if (args.after) {
    const [entityType, entityId, field, rule] = decodeCursor(args.after, 4, 'after', { endsWithId: false }).map(String);
    if (!entityType || !entityId || !field || !rule) throw badUserInput('after is not a cursor of this list', 'after');
    after = { entityType, entityId, field, rule };
  }
  const connection = requestConnection(ctx.em);
  const page = await listDataQualityIssues(connection, ctx.organizationId(), { entityType: args.entityType, limit, after, withTotal: false });
  const edges = page.issues.map((issue) => ({ cursor: encodeCursor([issue.entityType, issue.entityId, issue.field, issue.rule]), node: issue }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasMore, hasPreviousPage: Boolean(args.after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    // Counted only when read, in a statement of its own.
    get totalCount() {
      return listDataQualityIssues(connection, ctx.organizationId(), { entityType: args.entityType, limit: 0, withTotal: true }).then((counted) => counted.totalCount ?? 0);
    },
  };
}
