import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { badUserInput, conflict } from '../errors.js';
import { uuidv7 } from '../ids.js';
import type { SubgraphContext } from '../graphql/context.js';
import { requiredInput, requiredText } from '../graphql/validation.js';
import { assignChanges, emitDomainEvent, flushAndReload, loadForUpdate, requireRole } from '../graphql/write-path.js';
import { CustomFieldDefinitionSchema, type CustomFieldDefinitionEntity } from './definition.entity.js';
import { forgetCustomFieldDefinitions, type CustomFieldType } from './values.js';

// The definitions' write side. crm serves it in the graph (defineCustomField and the rest);
// every subgraph reads the definitions through ./values.ts when it validates or filters.

type AnyContext = SubgraphContext<unknown>;

export interface DefineCustomFieldInput {
  entityType: string;
  key: string;
  label: string;
  type: CustomFieldType;
  required?: boolean | null;
  options?: readonly string[] | null;
  position?: number | null;
}

export interface UpdateCustomFieldInput {
  label?: string | null;
  required?: boolean | null;
  options?: readonly string[] | null;
  position?: number | null;
}

const KEY = /^[a-z][a-z0-9_]{0,62}$/;
const MAX_OPTIONS = 100;
const MAX_FIELDS_PER_ENTITY = 100;

export function list(ctx: AnyContext, entityType?: string | null, includeArchived?: boolean | null) {
  return ctx.em.find(
    CustomFieldDefinitionSchema,
    { ...(entityType ? { entityType } : {}), ...(includeArchived ? {} : { archivedAt: null }) },
    { orderBy: { entityType: 'ASC', position: 'ASC', key: 'ASC' } },
  );
}

function choices(type: string, options: readonly string[] | null | undefined, field: string): string[] {
  const selectable = type === 'SELECT' || type === 'MULTI_SELECT';
  if (!selectable) {
    if (options && options.length > 0) throw badUserInput(`${field} is only for SELECT and MULTI_SELECT fields`, field);
    return [];
  }
  if (!options || options.length === 0) throw badUserInput(`${field} must list the choices of a ${type} field`, field);
  if (options.length > MAX_OPTIONS) throw badUserInput(`${field} may list at most ${MAX_OPTIONS} choices`, field);
  const cleaned = options.map((option, index) => requiredText(option, `${field}.${index}`, 200));
  const repeated = cleaned.findIndex((option, index) => cleaned.indexOf(option) !== index);
  if (repeated >= 0) throw badUserInput(`${field}.${repeated} repeats a choice`, `${field}.${repeated}`);
  return cleaned;
}

function position(value: number | null | undefined, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > 10_000) throw badUserInput(`${field} must be an integer from 0 to 10000`, field);
  return value;
}

const definitionEvent = (definition: CustomFieldDefinitionEntity) => ({ type: 'CustomFieldDefinition', id: definition.id });

export async function define(ctx: AnyContext, input: DefineCustomFieldInput): Promise<CustomFieldDefinitionEntity> {
  requireRole(ctx, ['OWNER', 'ADMIN'], 'Only owners and admins define custom fields');
  // The graph's CustomFieldEntity enum names the entity types that carry custom fields.
  const entityType = requiredInput(input.entityType, 'input.entityType');
  if (typeof input.key !== 'string' || !KEY.test(input.key)) {
    throw badUserInput('input.key must be lower case letters, digits and underscores, starting with a letter (at most 63)', 'input.key');
  }
  const existing = await list(ctx, entityType, true);
  if (existing.length >= MAX_FIELDS_PER_ENTITY) throw badUserInput(`an entity type may have at most ${MAX_FIELDS_PER_ENTITY} custom fields`, 'input.entityType');
  const now = new Date();
  const definition = ctx.em.create(CustomFieldDefinitionSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    entityType,
    key: input.key,
    label: requiredText(input.label, 'input.label'),
    type: requiredInput(input.type, 'input.type'),
    required: input.required ?? false,
    options: choices(input.type, input.options, 'input.options'),
    position: position(input.position, 'input.position') ?? Math.max(-1, ...existing.map((field) => field.position)) + 1,
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
  } as CustomFieldDefinitionEntity);
  try {
    await flushAndReload(ctx, definition);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(`${entityType} already has a custom field with the key ${input.key}`, { field: 'input.key' });
    throw error;
  }
  forgetCustomFieldDefinitions(ctx.em);
  await emitDomainEvent(ctx, 'CustomFieldDefined', definitionEvent(definition), { entityType, key: definition.key, type: definition.type });
  return definition;
}

export async function update(ctx: AnyContext, id: string, input: UpdateCustomFieldInput, expectedVersion?: number | null): Promise<CustomFieldDefinitionEntity> {
  requireRole(ctx, ['OWNER', 'ADMIN'], 'Only owners and admins change custom fields');
  const definition = await loadForUpdate(ctx, CustomFieldDefinitionSchema, 'CustomFieldDefinition', id, { expectedVersion });
  const changed = assignChanges(definition, {
    label: input.label === undefined ? undefined : requiredText(input.label, 'input.label'),
    required: input.required === undefined ? undefined : requiredInput(input.required, 'input.required'),
    position: position(input.position, 'input.position'),
  } as Partial<CustomFieldDefinitionEntity>);
  if (input.options !== undefined) {
    const options = choices(definition.type, input.options, 'input.options');
    if (JSON.stringify(options) !== JSON.stringify(definition.options)) {
      definition.options = options;
      changed.push('options');
    }
  }
  if (changed.length === 0) return definition;
  definition.updatedAt = new Date();
  await flushAndReload(ctx, definition);
  forgetCustomFieldDefinitions(ctx.em);
  await emitDomainEvent(ctx, 'CustomFieldUpdated', definitionEvent(definition), { changed, version: definition.version });
  return definition;
}

export async function archive(ctx: AnyContext, id: string): Promise<CustomFieldDefinitionEntity> {
  requireRole(ctx, ['OWNER', 'ADMIN'], 'Only owners and admins archive custom fields');
  const definition = await loadForUpdate(ctx, CustomFieldDefinitionSchema, 'CustomFieldDefinition', id, {});
  if (definition.archivedAt) return definition;
  definition.archivedAt = new Date();
  definition.updatedAt = definition.archivedAt;
  await flushAndReload(ctx, definition);
  forgetCustomFieldDefinitions(ctx.em);
  await emitDomainEvent(ctx, 'CustomFieldArchived', definitionEvent(definition), { entityType: definition.entityType, key: definition.key });
  return definition;
}
