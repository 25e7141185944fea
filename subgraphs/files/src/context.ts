import type { SubgraphContext } from '@ubos/kernel';
import type { FilesLoaders } from './loaders.js';

export type FilesContext = SubgraphContext<FilesLoaders>;
