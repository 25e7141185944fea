import type { SubgraphContext } from '@ubos/kernel';
import type { IntegrationsLoaders } from './loaders.js';

export type IntegrationsContext = SubgraphContext<IntegrationsLoaders>;
