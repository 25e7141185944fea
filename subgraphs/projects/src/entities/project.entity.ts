import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TENANT_FILTER } from '@ubos/kernel';

export const PROJECT_STATUSES = ['PLANNED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] as const;

// Only client_id is stored here: the client itself is crm's golden record, reached through the graph.
export const ProjectSchema = defineEntity({
  name: 'Project',
  tableName: 'projects',
  filters: TENANT_FILTER,
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
  },
});

export type ProjectEntity = InferEntity<typeof ProjectSchema>;
