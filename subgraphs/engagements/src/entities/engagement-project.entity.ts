import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';

/**
 * A project of an engagement. Tracked like a main entity, so every link and unlink is audited:
 * removing soft-deletes the row, adding the project again restores it.
 */
export const EngagementProjectSchema = defineEntity({
  name: 'EngagementProject',
  tableName: 'engagement_projects',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    engagementId: p.uuid(),
    // The engagement's client; the project must be one of its (a foreign key says so).
    clientId: p.uuid(),
    projectId: p.uuid(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type EngagementProjectEntity = InferEntity<typeof EngagementProjectSchema>;
