import DataLoader from 'dataloader';
import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../errors.js';
import { pgArray } from '../db/sql.js';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from './cursor.js';

/** One version of an entity from entity_history, [validFrom, validTo). */
export interface EntityVersion<T> {
  version: number;
  validFrom: Date;
  validTo: Date | null;
  actor: string;
  snapshot: T;
}

/**
 * Turns a row snapshot (the JSON of the table row, snake_case) into an object shaped like the
 * entity. It is deliberately not merged into the identity map: a past version must never
 * overwrite the current row the same request may also read.
 */
export function snapshotToEntity<T>(em: EntityManager, entity: EntitySchema<T, any>, data: Record<string, unknown>): T {
  const meta = em.getMetadata().get(entity.meta.className);
  const result: Record<string, unknown> = {};
  for (const prop of Object.values(meta.properties) as Array<{ name: string; fieldNames?: string[]; type: string; runtimeType?: string }>) {
    const column = prop.fieldNames?.[0];
    if (!column || !(column in data)) continue;
    const value = data[column];
    const isDate = prop.runtimeType === 'Date' || /datetime|timestamp/i.test(prop.type);
    result[prop.name] = isDate && typeof value === 'string' ? new Date(value) : value;
  }
  return result as T;
}

export function parseAsOf(asOf: Date | string | null | undefined, field = 'asOf'): Date | undefined {
  if (asOf === null || asOf === undefined) return undefined;
  const date = asOf instanceof Date ? asOf : new Date(asOf);
  if (Number.isNaN(date.getTime())) throw badUserInput(`${field} is not a valid date-time`, field);
  return date;
}

interface HistoryRow {
  entity_id: string;
  version: number;
  valid_from: Date;
  valid_to: Date | null;
  actor: string;
  data: Record<string, unknown>;
  client_id: string | null;
}

/**
 * Loaders over entity_history for one entity type: the version valid at an instant, the
 * versions of an entity page by page, and, for lists under a client, the rows that belonged
 * to the client at an instant. Each batches its keys into one statement.
 */
export function createHistoryLoaders<T extends { id: string; deletedAt?: Date | null }>(em: EntityManager, organizationId: string | null, entityType: string, entity: EntitySchema<T, any>) {
  const toEntity = (row: HistoryRow) => snapshotToEntity(em, entity, row.data);

  const asOf = new DataLoader<{ id: string; at: Date }, T | null, string>(
    async (keys) => {
      const rows = await em.execute<HistoryRow[]>(
        `select distinct on (h.entity_id, k.at) h.*, k.at as ubos_at
         from unnest(?::uuid[], ?::timestamptz[]) as k(id, at)
         join entity_history h on h.organization_id = ? and h.entity_type = ? and h.entity_id = k.id
          and h.valid_from <= k.at and (h.valid_to is null or h.valid_to > k.at)
         order by h.entity_id, k.at, h.version desc`,
        [pgArray(keys.map((key) => key.id)), pgArray(keys.map((key) => key.at.toISOString())), organizationId, entityType],
      );
      const found = new Map(rows.map((row) => [`${row.entity_id}@${new Date((row as any).ubos_at).toISOString()}`, toEntity(row)]));
      return keys.map((key) => found.get(`${key.id}@${key.at.toISOString()}`) ?? null);
    },
    { cacheKeyFn: (key) => `${key.id}@${key.at.toISOString()}` },
  );

  const versions = new DataLoader<{ id: string; first: number; after?: number }, Connection<EntityVersion<T>>, string>(
    async (keys) => {
      const rows = await em.execute<Array<HistoryRow & { ubos_total: string }>>(
        `select * from (
           select h.*, count(*) over (partition by h.entity_id) as ubos_total,
                  row_number() over (partition by h.entity_id order by h.version) as ubos_position
           from entity_history h where h.organization_id = ? and h.entity_type = ? and h.entity_id = any(?::uuid[])
         ) v order by entity_id, version`,
        [organizationId, entityType, pgArray([...new Set(keys.map((key) => key.id))])],
      );
      return keys.map((key) => {
        const own = rows.filter((row) => row.entity_id === key.id);
        const after = own.filter((row) => key.after === undefined || row.version > key.after);
        const page = after.slice(0, key.first + 1).map((row) => ({
          version: row.version,
          validFrom: new Date(row.valid_from),
          validTo: row.valid_to ? new Date(row.valid_to) : null,
          actor: row.actor,
          snapshot: toEntity(row),
        }));
        return toConnection(page, key.first, (node) => encodeCursor([node.version]), key.after !== undefined, () => own.length);
      });
    },
    { cacheKeyFn: (key) => `${key.id}:${key.first}:${key.after ?? ''}` },
  );

  const ofClientAsOf = new DataLoader<{ clientId: string; at: Date }, T[], string>(
    async (keys) => {
      const rows = await em.execute<Array<HistoryRow & { ubos_at: Date }>>(
        `select h.*, k.at as ubos_at
         from unnest(?::uuid[], ?::timestamptz[]) as k(client_id, at)
         join entity_history h on h.organization_id = ? and h.entity_type = ? and h.client_id = k.client_id
          and h.valid_from <= k.at and (h.valid_to is null or h.valid_to > k.at)
         where h.data ->> 'deleted_at' is null
         order by h.entity_id`,
        [pgArray(keys.map((key) => key.clientId)), pgArray(keys.map((key) => key.at.toISOString())), organizationId, entityType],
      );
      return keys.map((key) =>
        rows.filter((row) => row.client_id === key.clientId && new Date(row.ubos_at).getTime() === key.at.getTime()).map(toEntity),
      );
    },
    { cacheKeyFn: (key) => `${key.clientId}@${key.at.toISOString()}` },
  );

  return {
    /** The entity as it was at `at`, or null if it did not exist yet (or was purged). */
    asOf: (id: string, at: Date) => asOf.load({ id, at }),
    /** The entity's versions, oldest first. */
    versions: (id: string, args: { first?: number | null; after?: string | null }) => {
      const first = pageSize(args.first);
      const after = args.after ? Number(decodeCursor(args.after, 1, 'after', { endsWithId: false })[0]) : undefined;
      if (after !== undefined && !Number.isInteger(after)) throw badUserInput('after is not a valid cursor for this list', 'after');
      return versions.load({ id, first, after });
    },
    /** The live (not deleted) rows that belonged to the client at `at`. */
    ofClientAsOf: (clientId: string, at: Date) => ofClientAsOf.load({ clientId, at }),
  };
}
