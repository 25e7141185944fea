import type { SubgraphContext } from '@ubos/kernel';
import type { WorkflowLoaders } from './loaders.js';

export type WorkflowContext = SubgraphContext<WorkflowLoaders>;
