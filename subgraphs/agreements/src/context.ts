import type { SubgraphContext } from '@ubos/kernel';
import type { AgreementsLoaders } from './loaders.js';

export type AgreementsContext = SubgraphContext<AgreementsLoaders>;
