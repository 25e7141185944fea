/**
 * Small helpers for the raw SQL that batched loaders and derived filters write. Raw SQL is
 * where the ORM's tenant filter does not reach, so every statement built with these names
 * `organization_id` itself; Row Level Security still stands behind it.
 */

/** One SQL condition on a row alias, with its `?` parameters. */
export interface SqlCondition {
  sql(alias: string): string;
  params: unknown[];
}

/**
 * A PostgreSQL array literal. Knex expands a JS array binding in raw SQL into a list of
 * placeholders, which `= any(...)` cannot take, so arrays travel as one text parameter.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`).join(',')}}`;
}

/** Escapes LIKE's wildcards so that a search for "50%" matches the text "50%" only. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A stable text for a list of conditions, so that batches group keys that ask the same. */
export function conditionsSignature(conditions: readonly SqlCondition[] | undefined, alias = 't'): string {
  return JSON.stringify((conditions ?? []).map((condition) => [condition.sql(alias), condition.params]));
}
