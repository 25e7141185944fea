import type { SubgraphContext } from '@ubos/kernel';
import type { RevenueLoaders } from './loaders.js';

export type RevenueContext = SubgraphContext<RevenueLoaders>;
