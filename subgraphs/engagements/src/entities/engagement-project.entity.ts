import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

/**
 * A project of an engagement. Tracked like a main entity, so every link and unlink is audited:
 * removing soft-deletes the row, adding the project again restores it.
 */
export const EngagementProjectSchema = defineMainEntity('EngagementProject', 'engagement_projects', {
  engagementId: p.uuid(),
  // The engagement's client; the project must be one of its (a foreign key says so).
  clientId: p.uuid(),
  projectId: p.uuid(),
});

export type EngagementProjectEntity = InferEntity<typeof EngagementProjectSchema>;
