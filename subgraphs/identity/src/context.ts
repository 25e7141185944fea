import type { SubgraphContext } from '@ubos/kernel';
import type { IdentityLoaders } from './loaders.js';

export type IdentityContext = SubgraphContext<IdentityLoaders>;
