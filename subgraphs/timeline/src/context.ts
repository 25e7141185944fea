import type { SubgraphContext } from '@ubos/kernel';
import type { TimelineLoaders } from './loaders.js';

export type TimelineContext = SubgraphContext<TimelineLoaders>;
