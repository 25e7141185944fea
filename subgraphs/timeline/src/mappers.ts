import type { Connection, EntityReference } from '@ubos/kernel';
import type { ActivityEventEntity } from './entities/activity-event.entity.js';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export type ClientReference = EntityReference;

export type ActivityEventConnectionModel = Connection<ActivityEventEntity>;

export interface AuditCheckpointModel {
  organizationId: string;
  seq: number;
  hash: string;
  issuedAt: Date;
  signature: string;
}
