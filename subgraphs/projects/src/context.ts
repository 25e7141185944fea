import type { SubgraphContext } from '@ubos/kernel';
import type { ProjectsLoaders } from './loaders.js';

export type ProjectsContext = SubgraphContext<ProjectsLoaders>;
