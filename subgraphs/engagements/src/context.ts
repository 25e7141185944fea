import type { SubgraphContext } from '@ubos/kernel';
import type { EngagementsLoaders } from './loaders.js';

export type EngagementsContext = SubgraphContext<EngagementsLoaders>;
