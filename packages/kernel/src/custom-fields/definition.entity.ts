import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '../db/entity-columns.js';
import type { CustomFieldType } from './values.js';

/**
 * A tenant's definition of one custom field on one entity type. The kernel owns this table:
 * every subgraph whose entities carry custom fields validates against it, and crm serves the
 * definitions in the graph (a subgraph that lists it among its entities can use the ORM on it).
 */
export const CustomFieldDefinitionSchema = defineMainEntity('CustomFieldDefinition', 'custom_field_definitions', {
  entityType: p.text(),
  key: p.text(),
  label: p.text(),
  type: p.text().$type<CustomFieldType>(),
  required: p.boolean(),
  options: p.json<string[]>(),
  position: p.integer(),
  archivedAt: p.datetime().nullable(),
});

export type CustomFieldDefinitionEntity = InferEntity<typeof CustomFieldDefinitionSchema>;
