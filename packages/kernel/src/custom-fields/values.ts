import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlCondition } from '../db/sql.js';
import { badUserInput } from '../errors.js';
import { withSqlConditions } from '../graphql/pagination.js';
import type { SubgraphContext } from '../graphql/context.js';

/**
 * The name of an entity type that carries custom fields (ARCHITECTURE 3.5), as the graph's
 * CustomFieldEntity enum spells it. The kernel names none: each subgraph registers its own
 * with customFieldsOf('PROJECT').
 */
export type CustomFieldEntity = string;

/** The types a field may have. */
export const CUSTOM_FIELD_TYPES = ['TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'SELECT', 'MULTI_SELECT'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export type CustomFieldValues = Record<string, unknown>;

export interface CustomFieldDefinitionData {
  key: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
  options: string[];
  archived: boolean;
}

/** A value read through the typed `customField(key)` accessor. */
export interface TypedCustomFieldValue {
  key: string;
  label: string;
  type: CustomFieldType;
  text: string | null;
  number: number | null;
  date: string | null;
  boolean: boolean | null;
  options: string[] | null;
}

/** What a list filter on one custom field may ask (`CustomFieldFilter` in the SDL). */
export interface CustomFieldFilterInput {
  key: string;
  equals?: unknown;
  anyOf?: unknown[] | null;
  gt?: unknown;
  gte?: unknown;
  lt?: unknown;
  lte?: unknown;
}

export const MAX_CUSTOM_TEXT = 10_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type AnyContext = Pick<SubgraphContext<unknown>, 'em' | 'organizationId'>;

// Definitions are read once per fetch and entity type. The fork lives for one fetch, so
// keying the cache by it keeps tenants and requests apart without any invalidation.
const definitionCache = new WeakMap<EntityManager, Map<CustomFieldEntity, Promise<CustomFieldDefinitionData[]>>>();

/** The tenant's definitions for an entity type, archived ones included, by position then key. */
export function customFieldDefinitions(ctx: AnyContext, entity: CustomFieldEntity): Promise<CustomFieldDefinitionData[]> {
  let byEntity = definitionCache.get(ctx.em);
  if (!byEntity) definitionCache.set(ctx.em, (byEntity = new Map()));
  let definitions = byEntity.get(entity);
  if (!definitions) {
    definitions = ctx.em
      .execute<Array<{ key: string; label: string; type: CustomFieldType; required: boolean; options: string[]; archived_at: Date | null }>>(
        `select key, label, type, required, options, archived_at from custom_field_definitions
          where organization_id = ? and entity_type = ? and deleted_at is null order by position, key`,
        [ctx.organizationId(), entity],
      )
      .then((rows) => rows.map((row) => ({ key: row.key, label: row.label, type: row.type, required: row.required, options: row.options, archived: row.archived_at !== null })));
    byEntity.set(entity, definitions);
  }
  return definitions;
}

/** After a definition changes in this fetch, later validation must see the change. */
export function forgetCustomFieldDefinitions(em: EntityManager): void {
  definitionCache.delete(em);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Checks one value against its definition; answers it normalised, or throws naming `field`. */
export function checkCustomFieldValue(definition: CustomFieldDefinitionData, value: unknown, field: string): unknown {
  const fail = (expected: string) => badUserInput(`${field} must be ${expected}`, field);
  switch (definition.type) {
    case 'TEXT':
      if (typeof value !== 'string') throw fail('a string');
      if (value.length > MAX_CUSTOM_TEXT) throw fail(`at most ${MAX_CUSTOM_TEXT} characters`);
      return value;
    case 'NUMBER':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('a number');
      return value;
    case 'DATE':
      if (!isValidDate(value)) throw fail('a date, YYYY-MM-DD');
      return value;
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw fail('true or false');
      return value;
    case 'SELECT':
      if (typeof value !== 'string' || !definition.options.includes(value)) throw fail(`one of ${definition.options.join(', ')}`);
      return value;
    case 'MULTI_SELECT': {
      if (!Array.isArray(value) || value.some((option) => typeof option !== 'string' || !definition.options.includes(option))) {
        throw fail(`a list of options from ${definition.options.join(', ')}`);
      }
      // Stored in the definition's order without repeats, so equal sets compare equal.
      return definition.options.filter((option) => value.includes(option));
    }
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function sameValues(a: CustomFieldValues, b: CustomFieldValues): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  return true;
}

/**
 * Validates a write of custom fields against the tenant's definitions and answers the values
 * to store, or undefined when nothing changes. The input is a patch: a key sets its field, a
 * null removes it, and keys not named keep their values. An unknown or archived key, a wrong
 * type, or a missing required field fails with BAD_USER_INPUT naming the key
 * (`input.customFields.<key>`).
 *
 * Required fields are checked when an entity is created and whenever its custom fields are
 * written, so a field made required later does not block unrelated updates of older rows.
 */
export async function applyCustomFields(
  ctx: AnyContext,
  entity: CustomFieldEntity,
  input: unknown,
  existing: CustomFieldValues | null,
  field = 'input.customFields',
): Promise<CustomFieldValues | undefined> {
  const creating = existing === null;
  if (input === undefined || (input === null && !creating)) return creating ? checkRequired(ctx, entity, {}, field).then(() => ({})) : undefined;
  if (input !== null && !isPlainObject(input)) throw badUserInput(`${field} must be an object of field keys to values`, field);
  const definitions = await customFieldDefinitions(ctx, entity);
  const byKey = new Map(definitions.filter((definition) => !definition.archived).map((definition) => [definition.key, definition]));
  const next: CustomFieldValues = { ...(existing ?? {}) };
  for (const [key, value] of Object.entries(input ?? {})) {
    const definition = byKey.get(key);
    if (!definition) throw badUserInput(`${field}.${key} is not a custom field of ${entity.toLowerCase()}s in this organization`, `${field}.${key}`);
    if (value === null) delete next[key];
    else next[key] = checkCustomFieldValue(definition, value, `${field}.${key}`);
  }
  await checkRequired(ctx, entity, next, field);
  return existing && sameValues(existing, next) ? undefined : next;
}

async function checkRequired(ctx: AnyContext, entity: CustomFieldEntity, values: CustomFieldValues, field: string): Promise<void> {
  for (const definition of await customFieldDefinitions(ctx, entity)) {
    if (definition.required && !definition.archived && isEmpty(values[definition.key])) {
      throw badUserInput(`${field}.${definition.key} is required`, `${field}.${definition.key}`);
    }
  }
}

/** The typed accessor: null when the entity has no value for the key or the key is not defined. */
export async function typedCustomField(ctx: AnyContext, entity: CustomFieldEntity, values: CustomFieldValues, key: string): Promise<TypedCustomFieldValue | null> {
  const definition = (await customFieldDefinitions(ctx, entity)).find((candidate) => candidate.key === key);
  const value = values?.[key];
  if (!definition || value === undefined || value === null) return null;
  return {
    key,
    label: definition.label,
    type: definition.type,
    text: definition.type === 'TEXT' || definition.type === 'SELECT' ? String(value) : null,
    number: definition.type === 'NUMBER' && typeof value === 'number' ? value : null,
    date: definition.type === 'DATE' && typeof value === 'string' ? value : null,
    boolean: definition.type === 'BOOLEAN' && typeof value === 'boolean' ? value : null,
    options: definition.type === 'MULTI_SELECT' && Array.isArray(value) ? (value as string[]) : null,
  };
}

const RANGE_OPERATORS = [
  ['gt', '>'],
  ['gte', '>='],
  ['lt', '<'],
  ['lte', '<='],
] as const;

/**
 * List filters on custom fields, checked against the tenant's definitions, as SQL conditions on
 * a row alias. Equality and anyOf use the JSONB containment operator, which the GIN index on
 * custom_fields serves; ranges (NUMBER and DATE only) go through the typed custom_field_values
 * index. An unknown key or a value that does not fit the field fails naming the condition.
 */
export async function customFieldFilterSql(
  ctx: AnyContext,
  entity: CustomFieldEntity,
  filters: CustomFieldFilterInput[] | null | undefined,
  field = 'filter.customFields',
): Promise<SqlCondition[]> {
  if (!filters?.length) return [];
  if (filters.length > 10) throw badUserInput(`${field} may hold at most 10 conditions`, field);
  const definitions = await customFieldDefinitions(ctx, entity);
  const conditions: SqlCondition[] = [];
  for (const [index, filter] of filters.entries()) {
    const at = `${field}.${index}`;
    const definition = definitions.find((candidate) => candidate.key === filter.key);
    if (!definition) throw badUserInput(`${at}.key is not a custom field of ${entity.toLowerCase()}s in this organization`, `${at}.key`);
    const containment = (value: unknown, path: string) => {
      // A MULTI_SELECT field contains an option; any other field equals the value.
      const checked = definition.type === 'MULTI_SELECT' ? checkCustomFieldValue(definition, [value], path) : checkCustomFieldValue(definition, value, path);
      return JSON.stringify({ [definition.key]: checked });
    };
    if (filter.equals !== undefined && filter.equals !== null) {
      conditions.push({ sql: (alias) => `${alias}.custom_fields @> cast(? as jsonb)`, params: [containment(filter.equals, `${at}.equals`)] });
    }
    if (filter.anyOf) {
      if (filter.anyOf.length === 0 || filter.anyOf.length > 50) throw badUserInput(`${at}.anyOf must hold 1 to 50 values`, `${at}.anyOf`);
      const values = filter.anyOf.map((value, position) => containment(value, `${at}.anyOf.${position}`));
      conditions.push({ sql: (alias) => `(${values.map(() => `${alias}.custom_fields @> cast(? as jsonb)`).join(' or ')})`, params: values });
    }
    const bounds = RANGE_OPERATORS.filter(([name]) => filter[name] !== undefined && filter[name] !== null);
    if (bounds.length > 0) {
      if (definition.type !== 'NUMBER' && definition.type !== 'DATE') {
        throw badUserInput(`${at} compares ranges of NUMBER and DATE fields only; ${definition.key} is ${definition.type}`, `${at}.${bounds[0]![0]}`);
      }
      const column = definition.type === 'NUMBER' ? 'number_value' : 'date_value';
      const params: unknown[] = [ctx.organizationId(), entity, definition.key];
      const clauses = bounds.map(([name, operator]) => {
        params.push(checkCustomFieldValue(definition, filter[name], `${at}.${name}`));
        return `v.${column} ${operator} ?`;
      });
      conditions.push({
        sql: (alias) => `${alias}.id in (select v.entity_id from custom_field_values v where v.organization_id = ? and v.entity_type = ? and v.key = ? and ${clauses.join(' and ')})`,
        params,
      });
    }
  }
  return conditions;
}

/** The same filters as MikroORM conditions, ANDed with a list's own filter. */
export async function customFieldConditions<T>(
  ctx: AnyContext,
  entity: CustomFieldEntity,
  filters: CustomFieldFilterInput[] | null | undefined,
  field = 'filter.customFields',
): Promise<(where: FilterQuery<T>) => FilterQuery<T>> {
  const conditions = await customFieldFilterSql(ctx, entity, filters, field);
  return (where) => withSqlConditions(where, conditions);
}

/**
 * The custom fields of one entity type, as the subgraph that owns the entity registers it
 * (`export const projectCustomFields = customFieldsOf('PROJECT')`): validation of writes,
 * the typed accessor, and list filters, all against the tenant's definitions.
 */
export function customFieldsOf(entity: CustomFieldEntity) {
  return {
    entity,
    /** See applyCustomFields: the values to store, or undefined when nothing changes. */
    apply: (ctx: AnyContext, input: unknown, existing: CustomFieldValues | null, field?: string) => applyCustomFields(ctx, entity, input, existing, field),
    /** The `customField(key)` accessor. */
    typed: (ctx: AnyContext, values: CustomFieldValues | null | undefined, key: string) => typedCustomField(ctx, entity, values ?? {}, key),
    /** List filters as SQL conditions on a row alias, for raw SQL pages. */
    filterSql: (ctx: AnyContext, filters: CustomFieldFilterInput[] | null | undefined, field?: string) => customFieldFilterSql(ctx, entity, filters, field),
    /** List filters as MikroORM conditions, ANDed with a list's own filter. */
    conditions: <T>(ctx: AnyContext, filters: CustomFieldFilterInput[] | null | undefined, field?: string) => customFieldConditions<T>(ctx, entity, filters, field),
  };
}
