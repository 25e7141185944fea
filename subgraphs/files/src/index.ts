import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { FileStore, SubgraphDefinition } from '@ubos/kernel';
import { FileObjectSchema } from './entities/file-object.entity.js';
import { createFilesLoaders, type FilesLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';

export type { FileStorage } from './files.service.js';

const sdlPath = fileURLToPath(new URL('../../../schema/files.graphql', import.meta.url));

/**
 * The files subgraph: file objects, presigned uploads and downloads through `store`, and
 * Client.files. `maxBytes` is the largest file accepted (UBOS_FILES_MAX_BYTES).
 */
export function createFilesSubgraph(store: FileStore, options: { maxBytes: number }): SubgraphDefinition<FilesLoaders> {
  return {
    name: 'files',
    typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
    resolvers: createResolvers({ store, maxBytes: options.maxBytes }) as SubgraphDefinition<FilesLoaders>['resolvers'],
    entities: [FileObjectSchema],
    createLoaders: createFilesLoaders,
  };
}
