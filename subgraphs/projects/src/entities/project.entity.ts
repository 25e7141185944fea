import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const PROJECT_STATUSES = ['PLANNED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] as const;

// Only client_id is stored here: the client itself is crm's golden record, reached through the graph.
export const ProjectSchema = defineEntity({
  name: 'Project',
  tableName: 'projects',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    clientId: p.uuid(),
    name: p.text(),
    description: p.text().nullable(),
    status: p.text().$type<(typeof PROJECT_STATUSES)[number]>(),
    startDate: p.date().nullable(),
    dueDate: p.date().nullable(),
    customFields: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type ProjectEntity = InferEntity<typeof ProjectSchema>;
