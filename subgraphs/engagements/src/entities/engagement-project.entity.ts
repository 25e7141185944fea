import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { mainEntityColumns, MAIN_ENTITY_FILTERS } from '@ubos/kernel';

/**
 * A project of an engagement. Tracked like a main entity, so every link and unlink is audited:
 * removing soft-deletes the row, adding the project again restores it.
 */
export const EngagementProjectSchema = defineEntity({
  name: 'EngagementProject',
  tableName: 'engagement_projects',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    ...mainEntityColumns(),
    engagementId: p.uuid(),
    // The engagement's client; the project must be one of its (a foreign key says so).
    clientId: p.uuid(),
    projectId: p.uuid(),
  },
});

export type EngagementProjectEntity = InferEntity<typeof EngagementProjectSchema>;
