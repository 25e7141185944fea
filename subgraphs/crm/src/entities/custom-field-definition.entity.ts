import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS, type CustomFieldEntity, type CustomFieldType } from '@ubos/kernel';

export const CustomFieldDefinitionSchema = defineEntity({
  name: 'CustomFieldDefinition',
  tableName: 'custom_field_definitions',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    entityType: p.text().$type<CustomFieldEntity>(),
    key: p.text(),
    label: p.text(),
    type: p.text().$type<CustomFieldType>(),
    required: p.boolean(),
    options: p.json<string[]>(),
    position: p.integer(),
    archivedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type CustomFieldDefinitionEntity = InferEntity<typeof CustomFieldDefinitionSchema>;
