import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const PROJECT_STATUSES = ['PLANNED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] as const;

// Only client_id is stored here: the client itself is crm's golden record, reached through the graph.
export const ProjectSchema = defineMainEntity('Project', 'projects', {
  clientId: p.uuid(),
  name: p.text(),
  description: p.text().nullable(),
  status: p.text().$type<(typeof PROJECT_STATUSES)[number]>(),
  startDate: p.date().nullable(),
  dueDate: p.date().nullable(),
  customFields: p.json<Record<string, unknown>>(),
});

export type ProjectEntity = InferEntity<typeof ProjectSchema>;
