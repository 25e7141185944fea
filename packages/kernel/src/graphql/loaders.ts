import DataLoader from 'dataloader';
import type { EntityManager, EntitySchema, FilterQuery } from '@mikro-orm/postgresql';
import { rowMapper } from '../db/row-mapper.js';
import { conditionsSignature, pgArray, type SqlCondition } from '../db/sql.js';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection, type CursorValue } from './cursor.js';
import type { LoaderScope } from './context.js';
import type { PageArgs, SortOrder } from './pagination.js';

type Row = Record<string, unknown>;

/** The database column of an entity property. */
function columnOf(em: EntityManager, entity: EntitySchema<any, any>, property: string): string {
  const column = em.getMetadata().get(entity.meta.className).properties[property]?.fieldNames?.[0];
  if (!column) throw new Error(`${entity.meta.className} has no column for ${property}`);
  return column;
}

/**
 * Loads rows by id, one statement per batch. With includeDeleted, soft-deleted rows are found
 * too: federated references use it, so that links to a deleted row stay navigable.
 *
 * Tenant rows are read as raw rows mapped to plain objects, as pages are: a by-id load is a
 * read, never flushed, and managing it in the unit of work cost more than the statement. The
 * explicit organization_id condition stands for the ORM's tenant filter (Row Level Security
 * still stands behind it). Rows of no tenant (users) go through the EntityManager.
 */
export function createByIdLoader<T extends { id: string }>(em: EntityManager, entity: EntitySchema<T, any>, options: { includeDeleted?: boolean } = {}) {
  const meta = em.getMetadata().get(entity.meta.className);
  const tenantScoped = 'organizationId' in meta.properties;
  const skipDeleted = 'deletedAt' in meta.properties && !options.includeDeleted;
  const toEntity = rowMapper(em, entity);
  const sql = `select t.* from ${meta.tableName} t where t.organization_id = ? and t.id = any(?::uuid[])${skipDeleted ? ' and t.deleted_at is null' : ''}`;
  return new DataLoader<string, T | null>(async (ids) => {
    const organizationId = tenantScoped ? (em.getFilterParams<{ organizationId?: string }>('tenant')?.organizationId ?? null) : null;
    const rows = organizationId
      ? (await em.execute<Row[]>(sql, [organizationId, pgArray(ids)])).map(toEntity)
      : ((await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>, options.includeDeleted ? { filters: { notDeleted: false } } : {})) as T[]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * The whole (small, bounded) list of child rows of many parents in one statement, e.g. the
 * milestones of 50 projects, through the EntityManager so the tenant and soft-delete filters
 * apply. For lists that can grow without bound, page them with createChildPageLoader.
 */
export function createChildListLoader<T extends object>(
  em: EntityManager,
  entity: EntitySchema<T, any>,
  parent: keyof T & string,
  options: { orderBy: Record<string, string>; includeDeleted?: boolean },
) {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const rows = (await em.find(entity, { [parent]: { $in: [...parentIds] } } as FilterQuery<T>, {
      orderBy: options.orderBy as any,
      ...(options.includeDeleted ? { filters: { notDeleted: false } } : {}),
    })) as T[];
    const byParent = new Map<string, T[]>();
    for (const row of rows) {
      const parentId = row[parent] as unknown as string;
      let siblings = byParent.get(parentId);
      if (!siblings) byParent.set(parentId, (siblings = []));
      siblings.push(row);
    }
    return parentIds.map((parentId) => byParent.get(parentId) ?? []);
  });
}

export interface ChildPageSpec<T> {
  entity: EntitySchema<T, any>;
  /** The property that points at the parent, e.g. clientId. */
  parent: keyof T & string;
  /** Defaults to id ascending. The last property must be the unique `id`. */
  sort?: SortOrder<T>;
}

export interface ChildPageArgs extends PageArgs {
  /** Property to list of allowed values, e.g. { status: ["ACTIVE"] }; a null list allows all. */
  filter?: Record<string, readonly string[] | null | undefined>;
  /** Conditions on the row `t` that no column holds, e.g. a status derived from dates. */
  conditions?: SqlCondition[];
}

interface ChildKey {
  parentId: string;
  args: ChildPageArgs;
}

const ID_ASCENDING = { properties: ['id'], direction: 'ASC' } as const;

/**
 * Pages of child rows for many parents in one statement (e.g. the projects of 50 clients): a
 * LATERAL subquery per parent walks the (organization_id, parent, sort) index and stops after
 * `first + 1` rows, so a page costs the same however many rows its parent has. When the
 * fetch asks for totals, a second LATERAL counts each parent's rows in the same statement.
 * Keys that share the same page arguments share a statement, so a list costs one statement
 * per level whatever its length.
 *
 * This is raw SQL, which the ORM's tenant filter does not reach; the explicit organization_id
 * condition is its equivalent, and Row Level Security still stands behind both. Soft-deleted
 * rows are left out unless the caller includes them (entities with a deletedAt property).
 */
export function createChildPageLoader<T extends object>(scope: LoaderScope, spec: ChildPageSpec<T>) {
  const { em, organizationId } = scope;
  const meta = em.getMetadata().get(spec.entity.meta.className);
  const table = meta.tableName;
  const parentColumn = columnOf(em, spec.entity, spec.parent);
  const softDeletable = 'deletedAt' in meta.properties;
  const sort = (spec.sort ?? ID_ASCENDING) as SortOrder<T>;
  const sortColumns = sort.properties.map((property) => columnOf(em, spec.entity, property));
  const orderSql = (alias: string) => sortColumns.map((column) => `${alias}.${column} ${sort.direction}`).join(', ');
  const toEntity = rowMapper(em, spec.entity);
  const cursorOf = (node: T) => encodeCursor(sort.properties.map((property) => node[property] as unknown as CursorValue));
  const signature = (args: ChildPageArgs) => JSON.stringify([args.first, args.after, args.filter, args.includeDeleted, conditionsSignature(args.conditions)]);

  /** The rows of the parent `parentSql` that the arguments select, as SQL on `t` with its parameters. */
  const conditions = (args: ChildPageArgs, parentSql: string) => {
    const sql = [`t.organization_id = ?`, `t.${parentColumn} = ${parentSql}`];
    const params: unknown[] = [organizationId];
    if (softDeletable && !args.includeDeleted) sql.push('t.deleted_at is null');
    for (const [property, values] of Object.entries(args.filter ?? {})) {
      if (!values) continue;
      sql.push(`t.${columnOf(em, spec.entity, property)}::text = any(?::text[])`);
      params.push(pgArray(values));
    }
    for (const condition of args.conditions ?? []) {
      sql.push(condition.sql('t'));
      params.push(...condition.params);
    }
    return { sql: sql.join(' and '), params };
  };

  const bySignature = (keys: readonly ChildKey[]) => {
    const groups = new Map<string, ChildKey[]>();
    for (const key of keys) {
      const group = groups.get(signature(key.args));
      if (group) group.push(key);
      else groups.set(signature(key.args), [key]);
    }
    return groups.values();
  };

  // Counts a totalCount that is asked although the fetch did not seem to ask for one.
  const counts = new DataLoader<ChildKey, number, string>(
    async (keys) => {
      const totals = new Map<ChildKey, number>();
      for (const group of bySignature(keys)) {
        const where = conditions(group[0]!.args, 'any(?::uuid[])');
        const [organization, ...rest] = where.params;
        const rows = await em.execute<Array<{ parent: string; count: string }>>(
          `select t.${parentColumn} as parent, count(*) as count from ${table} t where ${where.sql} group by t.${parentColumn}`,
          [organization, pgArray(group.map((key) => key.parentId)), ...rest],
        );
        const byParent = new Map(rows.map((row) => [row.parent, Number(row.count)]));
        for (const key of group) totals.set(key, byParent.get(key.parentId) ?? 0);
      }
      return keys.map((key) => totals.get(key)!);
    },
    { cacheKeyFn: (key) => `${key.parentId}:${signature(key.args)}` },
  );

  const loader = new DataLoader<ChildKey, Connection<T>, string>(
    async (keys) => {
      const results = new Map<ChildKey, Connection<T>>();
      for (const group of bySignature(keys)) {
        const { args } = group[0]!;
        const first = pageSize(args.first);
        const afterValues = args.after ? decodeCursor(args.after, sortColumns.length) : undefined;
        const where = conditions(args, 'k.ubos_parent');
        const cursorSql = afterValues
          ? `and (${sortColumns.map((column) => `t.${column}`).join(', ')}) ${sort.direction === 'ASC' ? '>' : '<'} (${afterValues.map(() => '?').join(', ')})`
          : '';
        const counted = scope.countsTotals;
        const params: unknown[] = [pgArray(group.map((key) => key.parentId))];
        if (counted) params.push(...where.params);
        params.push(...where.params, ...(afterValues ?? []), first + 1);
        const rows = await em.execute<Row[]>(
          `select k.ubos_parent${counted ? ', c.ubos_total' : ''}, p.*
           from unnest(?::uuid[]) as k(ubos_parent)
           ${counted ? `cross join lateral (select count(*) as ubos_total from ${table} t where ${where.sql}) c` : ''}
           ${counted ? 'left' : 'inner'} join lateral (
             select t.* from ${table} t where ${where.sql} ${cursorSql} order by ${orderSql('t')} limit ?
           ) p on true
           order by k.ubos_parent, ${orderSql('p')}`,
          params,
        );
        const byParent = new Map<string, { nodes: T[]; total?: number }>();
        for (const row of rows) {
          const parentId = row.ubos_parent as string;
          let bucket = byParent.get(parentId);
          if (!bucket) byParent.set(parentId, (bucket = { nodes: [], total: counted ? Number(row.ubos_total) : undefined }));
          if (row.id !== null) bucket.nodes.push(toEntity(row));
        }
        for (const key of group) {
          const bucket = byParent.get(key.parentId);
          const total = counted ? (bucket?.total ?? 0) : undefined;
          results.set(key, toConnection(bucket?.nodes ?? [], first, cursorOf, Boolean(args.after), () => total ?? counts.load(key)));
        }
      }
      return keys.map((key) => results.get(key)!);
    },
    { cacheKeyFn: (key) => `${key.parentId}:${signature(key.args)}` },
  );

  return (parentId: string, args: ChildPageArgs) => {
    // Checked here, before batching, so that a bad argument fails its own field only.
    pageSize(args.first);
    if (args.after) decodeCursor(args.after, sortColumns.length);
    return loader.load({ parentId, args });
  };
}

/**
 * A subgraph's per-fetch loaders, each made when the fetch first uses it. A fetch uses one or
 * two of a subgraph's ten or so loaders, and making them all (their closures, metadata lookups
 * and DataLoader instances) was 3% of a Q1 request. The getters live on one prototype made
 * here, so a fetch pays for one object and the loaders it reads.
 */
export function defineLoaders<Factories extends Record<string, (scope: LoaderScope) => unknown>>(
  factories: Factories,
): (scope: LoaderScope) => { readonly [Name in keyof Factories]: ReturnType<Factories[Name]> } {
  const prototype = Object.create(null) as Record<string, unknown>;
  for (const [name, make] of Object.entries(factories)) {
    Object.defineProperty(prototype, name, {
      enumerable: true,
      get(this: { [LOADER_SCOPE]: LoaderScope }) {
        const loader = make(this[LOADER_SCOPE]);
        Object.defineProperty(this, name, { value: loader, enumerable: true });
        return loader;
      },
    });
  }
  return (scope) => Object.create(prototype, { [LOADER_SCOPE]: { value: scope } });
}

const LOADER_SCOPE = Symbol('loaderScope');
