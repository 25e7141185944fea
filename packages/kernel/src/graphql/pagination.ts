import { raw } from '@mikro-orm/core';
import type { EntitySchema, FilterQuery } from '@mikro-orm/postgresql';
import type { SqlCondition } from '../db/sql.js';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection, type CursorValue } from './cursor.js';
import type { SubgraphContext } from './context.js';
import { rowMapper } from '../db/row-mapper.js';
import { requireRole } from './write-path.js';

export interface SortOrder<T> {
  /** Entity properties in sort order; the last must be the unique `id`. */
  properties: Array<keyof T & string>;
  direction: 'ASC' | 'DESC';
}

/** The arguments of every list of the graph. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  /** Owners and admins may ask for soft-deleted rows too (see includeDeletedRows). */
  includeDeleted?: boolean | null;
}

function cursorFor<T>(node: T, sort: SortOrder<T>): string {
  return encodeCursor(sort.properties.map((property) => node[property] as unknown as CursorValue));
}

/**
 * The rows after `values` in the given order, as a MikroORM condition:
 * (a > x) OR (a = x AND id > y) for ascending, mirrored for descending.
 */
function keysetCondition<T>(sort: SortOrder<T>, values: CursorValue[]): FilterQuery<T> {
  const comparison = sort.direction === 'ASC' ? '$gt' : '$lt';
  const alternatives = sort.properties.map((property, index) => {
    const condition: Record<string, unknown> = {};
    sort.properties.slice(0, index).forEach((equalProperty, equalIndex) => {
      condition[equalProperty] = values[equalIndex];
    });
    condition[property] = { [comparison]: values[index] };
    return condition;
  });
  return { $or: alternatives } as FilterQuery<T>;
}

/**
 * A MikroORM filter ANDed with raw SQL conditions (derived statuses, custom fields). MikroORM
 * consumes a raw() key when it builds a query, so build the filter afresh for each query:
 * hand findPage a function that calls this.
 */
export function withSqlConditions<T>(where: FilterQuery<T>, conditions: readonly SqlCondition[]): FilterQuery<T> {
  if (conditions.length === 0) return where;
  return { $and: [where, ...conditions.map((condition) => ({ [raw(condition.sql, condition.params)]: [] }))] } as FilterQuery<T>;
}

/** The properties a find selects: every column but the lazy ones (password and secret hashes). */
function eagerProperties<T extends object>(em: SubgraphContext<unknown>['em'], entity: EntitySchema<T, any>): Array<keyof T & string> {
  const meta = em.getMetadata().get(entity.meta.className);
  return Object.values(meta.properties)
    .filter((prop) => !prop.lazy && prop.fieldNames?.length)
    .map((prop) => prop.name as keyof T & string);
}

/**
 * Whether a list shows soft-deleted rows: only when asked, and only owners and admins may
 * ask (FORBIDDEN otherwise).
 */
export function includeDeletedRows(ctx: SubgraphContext<unknown>, includeDeleted: boolean | null | undefined): boolean {
  if (!includeDeleted) return false;
  requireRole(ctx, ['OWNER', 'ADMIN'], 'includeDeleted is for owners and admins');
  return true;
}

/**
 * A top-level connection through the EntityManager, so the tenant filter applies. Rows are
 * fetched with `first + 1` to learn whether a next page exists; the total is counted only
 * when the query selects totalCount. Soft-deleted rows are left out unless
 * `args.includeDeleted` is asked by an owner or admin.
 */
export async function findPage<T extends object>(
  ctx: SubgraphContext<unknown>,
  entity: EntitySchema<T, any>,
  // A function when the filter holds raw() fragments as keys: MikroORM consumes such a key
  // when it builds a query, so the page and the count each need a fresh filter.
  filter: FilterQuery<T> | (() => FilterQuery<T>),
  args: PageArgs,
  sort: SortOrder<T>,
): Promise<Connection<T>> {
  const em = ctx.em;
  const options = includeDeletedRows(ctx, args.includeDeleted) ? { filters: { notDeleted: false } } : {};
  const build = (typeof filter === 'function' ? filter : () => filter) as () => FilterQuery<T>;
  const first = pageSize(args.first);
  const conditions: FilterQuery<T>[] = [build()];
  if (args.after) conditions.push(keysetCondition(sort, decodeCursor(args.after, sort.properties.length)));
  const orderBy = Object.fromEntries(sort.properties.map((property) => [property, sort.direction])) as any;
  let rows: T[] = [];
  if (first > 0 || args.after) {
    // Through the query builder with the entity's filters applied (tenant, soft delete), as
    // em.find would; but the rows come back raw and are mapped as plain objects, because a
    // list is never written back and managing it in the unit of work cost most of its time.
    const query = em.createQueryBuilder(entity).select(eagerProperties(em, entity)).where({ $and: conditions } as FilterQuery<T>).orderBy(orderBy).limit(first + 1);
    await query.applyFilters(options.filters);
    rows = (await query.execute<Array<Record<string, unknown>>>('all', false)).map(rowMapper(em, entity));
  }
  return toConnection(rows, first, (node) => cursorFor(node, sort), Boolean(args.after), () => em.count(entity, build(), options));
}
