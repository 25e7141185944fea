import DataLoader from 'dataloader';
import type { EntityManager, EntitySchema, FilterQuery } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection, type CursorValue } from './cursor.js';

/**
 * A PostgreSQL array literal. Knex expands a JS array binding in raw SQL into a list of
 * placeholders, which `= any(...)` cannot take, so arrays travel as one text parameter.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`).join(',')}}`;
}

export interface SortOrder<T> {
  /** Entity properties in sort order; the last must be the unique `id`. */
  properties: Array<keyof T & string>;
  direction: 'ASC' | 'DESC';
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
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
 * A top-level connection through the EntityManager, so the tenant filter applies. Rows are
 * fetched with `first + 1` to learn whether a next page exists; the total is counted only
 * when the query selects totalCount.
 */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntitySchema<T, any>,
  // A function when the filter holds raw() fragments as keys: MikroORM consumes such a key
  // when it builds a query, so the page and the count each need a fresh filter.
  filter: FilterQuery<T> | (() => FilterQuery<T>),
  args: PageArgs,
  sort: SortOrder<T>,
  options: { filters?: Record<string, boolean> } = {},
): Promise<Connection<T>> {
  const build = (typeof filter === 'function' ? filter : () => filter) as () => FilterQuery<T>;
  const first = pageSize(args.first);
  const conditions: FilterQuery<T>[] = [build()];
  if (args.after) conditions.push(keysetCondition(sort, decodeCursor(args.after, sort.properties.length)));
  const orderBy = Object.fromEntries(sort.properties.map((property) => [property, sort.direction])) as any;
  const rows = first === 0 && !args.after ? [] : await em.find(entity, { $and: conditions } as FilterQuery<T>, { orderBy, limit: first + 1, ...options });
  return toConnection(rows as T[], first, (node) => cursorFor(node, sort), Boolean(args.after), () => em.count(entity, build(), options));
}

export interface ChildListSpec<T> {
  entity: EntitySchema<T, any>;
  table: string;
  /** The column that points at the parent, e.g. client_id. */
  parentColumn: string;
  sort: SortOrder<T> & { columns: string[] };
  /** The table has deleted_at: deleted rows are left out unless the caller includes them. */
  softDeletable?: boolean;
}

export interface ChildPageArgs extends PageArgs {
  /** Column to list of allowed values, e.g. { status: ['ACTIVE'] }. */
  filter?: Record<string, readonly string[] | null | undefined>;
  includeDeleted?: boolean;
}

interface ChildKey {
  parentId: string;
  args: ChildPageArgs;
}

/**
 * Pages of child rows for many parents in one statement (e.g. the projects of 50 clients):
 * a window function numbers each parent's rows after the cursor, and a second one counts
 * each parent's total. Keys that share the same page arguments share a statement, so a list
 * costs one statement per level whatever its length.
 *
 * This is raw SQL, which the ORM's tenant filter does not reach; the explicit organization_id
 * condition is its equivalent, and Row Level Security still stands behind both.
 */
export function createChildPageLoader<T extends object>(em: EntityManager, organizationId: string | null, spec: ChildListSpec<T>) {
  const { sort } = spec;
  const orderSql = spec.sort.columns.map((column) => `${column} ${sort.direction}`).join(', ');
  const loader = new DataLoader<ChildKey, Connection<T>, string>(
    async (keys) => {
      const groups = new Map<string, ChildKey[]>();
      for (const key of keys) {
        const signature = JSON.stringify([key.args.first, key.args.after, key.args.filter, key.args.includeDeleted]);
        groups.set(signature, [...(groups.get(signature) ?? []), key]);
      }
      const results = new Map<ChildKey, Connection<T>>();
      for (const group of groups.values()) {
        const { args } = group[0]!;
        const first = pageSize(args.first);
        const afterValues = args.after ? decodeCursor(args.after, sort.columns.length) : undefined;
        const params: unknown[] = [organizationId, pgArray(group.map((key) => key.parentId))];
        const filterSql: string[] = [];
        if (spec.softDeletable && !args.includeDeleted) filterSql.push('and t.deleted_at is null');
        for (const [column, values] of Object.entries(args.filter ?? {})) {
          if (!values) continue;
          filterSql.push(`and t.${column} = any(?::text[])`);
          params.push(pgArray(values));
        }
        let cursorSql = '';
        if (afterValues) {
          const placeholders = afterValues.map(() => '?').join(', ');
          cursorSql = `where (${sort.columns.join(', ')}) ${sort.direction === 'ASC' ? '>' : '<'} (${placeholders})`;
          params.push(...afterValues);
        }
        params.push(first + 1);
        const rows = await em.execute<Array<Record<string, unknown>>>(
          `select * from (
             select s.*, row_number() over (partition by s.${spec.parentColumn} order by ${orderSql}) as ubos_position
             from (
               select t.*, count(*) over (partition by t.${spec.parentColumn}) as ubos_total
               from ${spec.table} t
               where t.organization_id = ? and t.${spec.parentColumn} = any(?::uuid[]) ${filterSql.join(' ')}
             ) s ${cursorSql}
           ) page
           where ubos_position <= ?
           order by ${spec.parentColumn}, ${orderSql}`,
          params,
        );
        const byParent = new Map<string, { nodes: T[]; total: number }>();
        for (const row of rows) {
          const parentId = row[spec.parentColumn] as string;
          const total = Number(row.ubos_total);
          delete row.ubos_total;
          delete row.ubos_position;
          const bucket = byParent.get(parentId) ?? { nodes: [], total };
          bucket.nodes.push(em.map(spec.entity, row as any));
          byParent.set(parentId, bucket);
        }
        for (const key of group) {
          const bucket = byParent.get(key.parentId);
          // A parent whose rows all lie before the cursor has no bucket; its total is still
          // needed, so count it on demand (rare: only when paging past the end with after).
          const total = bucket ? bucket.total : afterValues ? undefined : 0;
          results.set(
            key,
            toConnection(bucket?.nodes ?? [], first, (node) => cursorFor(node, sort), Boolean(args.after), () =>
              total ?? countChildren(em, organizationId, spec, key),
            ),
          );
        }
      }
      return keys.map((key) => results.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.parentId, key.args.first, key.args.after, key.args.filter, key.args.includeDeleted]) },
  );
  return (parentId: string, args: ChildPageArgs) => {
    // Checked here, before batching, so that a bad argument fails its own field only.
    pageSize(args.first);
    if (args.after) decodeCursor(args.after, sort.columns.length);
    return loader.load({ parentId, args });
  };
}

async function countChildren<T extends object>(em: EntityManager, organizationId: string | null, spec: ChildListSpec<T>, key: ChildKey): Promise<number> {
  const params: unknown[] = [organizationId, key.parentId];
  const filterSql: string[] = spec.softDeletable && !key.args.includeDeleted ? ['and deleted_at is null'] : [];
  for (const [column, values] of Object.entries(key.args.filter ?? {})) {
    if (!values) continue;
    filterSql.push(`and ${column} = any(?::text[])`);
    params.push(pgArray(values));
  }
  const [row] = await em.execute<Array<{ count: string }>>(
    `select count(*) as count from ${spec.table} where organization_id = ? and ${spec.parentColumn} = ? ${filterSql.join(' ')}`,
    params,
  );
  return Number(row?.count ?? 0);
}

/**
 * Loads entities by id through the EntityManager (tenant filter on), one statement per batch.
 * With includeDeleted, soft-deleted rows are found too: federated references use it, so that
 * links to a deleted row stay navigable.
 */
export function createByIdLoader<T extends { id: string }>(em: EntityManager, entity: EntitySchema<T, any>, options: { includeDeleted?: boolean } = {}) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = (await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>, options.includeDeleted ? { filters: { notDeleted: false } } : {})) as T[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
