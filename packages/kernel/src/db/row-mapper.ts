import type { EntityMetadata } from '@mikro-orm/core';
import type { EntityManager, EntitySchema } from '@mikro-orm/postgresql';

type Row = Record<string, unknown>;

const mappers = new WeakMap<EntityMetadata<any>, (row: Row) => unknown>();

/**
 * Turns a raw row (snake_case columns, as the pg driver parsed it) into a plain object shaped
 * like the entity, with the same values `em.map` gives. Read-only pages use it instead of
 * `em.map`: they are never flushed, so managing them in the unit of work (identity map,
 * change-tracking snapshots, propagation) was most of their cost and bought nothing.
 */
export function rowMapper<T>(em: EntityManager, entity: EntitySchema<T, any>): (row: Row) => T {
  const meta = em.getMetadata().get(entity.meta.className);
  let mapper = mappers.get(meta);
  if (!mapper) {
    const platform = em.getPlatform();
    const columns = Object.values(meta.properties).flatMap((prop) => {
      const column = prop.fieldNames?.[0];
      if (!column) return [];
      const customType = prop.customType;
      const isDate = !customType && (prop.runtimeType === 'Date' || /datetime|timestamp/i.test(String(prop.type)));
      const convert = customType
        ? (value: unknown) => (value === null || value === undefined ? value : customType.convertToJSValue(value, platform))
        : isDate
          ? (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? new Date(value) : value)
          : undefined;
      return [{ column, property: prop.name as string, convert }];
    });
    mapper = (row: Row) => {
      const result: Row = {};
      for (const { column, property, convert } of columns) {
        if (!(column in row)) continue;
        const value = row[column];
        result[property] = convert ? convert(value) : value;
      }
      return result;
    };
    mappers.set(meta, mapper);
  }
  return mapper as (row: Row) => T;
}
