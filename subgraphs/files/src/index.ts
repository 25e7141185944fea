import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@ubos/kernel';
import { createFilesLoaders, type FilesLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/files.graphql', import.meta.url));

/** The files subgraph: file objects and their storage. */
export const filesSubgraph: SubgraphDefinition<FilesLoaders> = {
  name: 'files',
  typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
  resolvers: resolvers as SubgraphDefinition<FilesLoaders>['resolvers'],
  entities: [],
  createLoaders: createFilesLoaders,
};
