import type { Connection } from '@ubos/kernel';
import type { ProjectEntity } from './entities/project.entity.js';
import type { TaskEntity } from './entities/task.entity.js';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export interface ClientReference {
  id: string;
}

export type ProjectConnectionModel = Connection<ProjectEntity>;
export type TaskConnectionModel = Connection<TaskEntity>;
