import type { Connection, EntityVersion } from '@ubos/kernel';
import type { EngagementEntity } from './entities/engagement.entity.js';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export interface ClientReference {
  id: string;
}

/** A Contract by key; the agreements subgraph resolves the rest. */
export interface ContractReference {
  id: string;
}

/** A Project by key; the projects subgraph resolves the rest. */
export interface ProjectReference {
  id: string;
}

export type EngagementConnectionModel = Connection<EngagementEntity>;
export type EngagementVersionModel = EntityVersion<EngagementEntity>;
export type EngagementVersionConnectionModel = Connection<EngagementVersionModel>;
