import type { SubgraphContext } from '@ubos/kernel';
import type { CrmLoaders } from './loaders.js';

export type CrmContext = SubgraphContext<CrmLoaders>;
