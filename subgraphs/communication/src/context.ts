import type { SubgraphContext } from '@ubos/kernel';
import type { CommunicationLoaders } from './loaders.js';

export type CommunicationContext = SubgraphContext<CommunicationLoaders>;
