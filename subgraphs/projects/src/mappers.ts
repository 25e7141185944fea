import type { Connection, EntityVersion, EntityReference } from '@ubos/kernel';
import type { MilestoneEntity } from './entities/milestone.entity.js';
import type { ProjectEntity } from './entities/project.entity.js';
import type { TaskEntity } from './entities/task.entity.js';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export type ClientReference = EntityReference;

export type ProjectConnectionModel = Connection<ProjectEntity>;
export type TaskConnectionModel = Connection<TaskEntity>;

export type ProjectVersionModel = EntityVersion<ProjectEntity>;
export type TaskVersionModel = EntityVersion<TaskEntity>;
export type MilestoneVersionModel = EntityVersion<MilestoneEntity>;
export type ProjectVersionConnectionModel = Connection<ProjectVersionModel>;
export type TaskVersionConnectionModel = Connection<TaskVersionModel>;
export type MilestoneVersionConnectionModel = Connection<MilestoneVersionModel>;
