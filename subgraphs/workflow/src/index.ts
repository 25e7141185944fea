import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@ubos/kernel';
import { DeadLetterEventSchema } from './entities/dead-letter-event.entity.js';
import { WorkflowRunSchema } from './entities/workflow-run.entity.js';
import { WorkflowSchema } from './entities/workflow.entity.js';
import { createWorkflowLoaders, type WorkflowLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/workflow.graphql', import.meta.url));

/** The workflow subgraph: workflows and their runs. */
export const workflowSubgraph: SubgraphDefinition<WorkflowLoaders> = {
  name: 'workflow',
  typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
  resolvers: resolvers as SubgraphDefinition<WorkflowLoaders>['resolvers'],
  entities: [WorkflowSchema, WorkflowRunSchema, DeadLetterEventSchema],
  createLoaders: createWorkflowLoaders,
};
