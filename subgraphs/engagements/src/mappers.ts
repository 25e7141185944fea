import type { Connection, EntityVersion, EntityReference } from '@ubos/kernel';
import type { EngagementEntity } from './entities/engagement.entity.js';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export type ClientReference = EntityReference;

/** A Contract by key; the agreements subgraph resolves the rest. */
export type ContractReference = EntityReference;

/** A Project by key; the projects subgraph resolves the rest. */
export type ProjectReference = EntityReference;

export type EngagementConnectionModel = Connection<EngagementEntity>;
export type EngagementVersionModel = EntityVersion<EngagementEntity>;
export type EngagementVersionConnectionModel = Connection<EngagementVersionModel>;
