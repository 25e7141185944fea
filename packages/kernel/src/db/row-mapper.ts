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
      const convert = customType ? (value: unknown) => (value === null || value === undefined ? value : customType.convertToJSValue(value, platform)) : undefined;
      return [{ column, property: prop.name as string, convert, isDate }];
    });
    mapper = compileMapper(columns);
    mappers.set(meta, mapper);
  }
  return mapper as (row: Row) => T;
}

/**
 * The mapper of one entity as code with its column and property names spelled out. A loop over
 * the columns did a keyed load and a keyed store per column, which V8 cannot specialise once
 * they see a dozen names (megamorphic): on Q2's 550 rows that loop was 5% of the server's CPU.
 * Spelled out, every access is a named one, and every object an entity's mapper makes gets the
 * same hidden class. A column the statement did not select is left out, as before.
 */
function compileMapper(columns: Array<{ column: string; property: string; convert?: (value: unknown) => unknown; isDate: boolean }>): (row: Row) => unknown {
  const converters = columns.map(({ convert }) => convert);
  const assignments = columns.map(({ column, property, convert, isDate }, index) => {
    const value = `row[${JSON.stringify(column)}]`;
    // pg parses timestamps into Dates already; a date column read as text or epoch becomes one.
    const mapped = convert ? `converters[${index}](${value})` : isDate ? `asDate(${value})` : value;
    return `if (${JSON.stringify(column)} in row) result[${JSON.stringify(property)}] = ${mapped};`;
  });
  // The names come from the entity metadata and enter the code as JSON string literals only.
  return new Function('converters', 'asDate', `return function mapRow(row) {\n  const result = {};\n  ${assignments.join('\n  ')}\n  return result;\n};`)(converters, asDate) as (row: Row) => unknown;
}

function asDate(value: unknown): unknown {
  return typeof value === 'string' || typeof value === 'number' ? new Date(value) : value;
}
