import { defineSubgraph, type FileStore, type SubgraphDefinition } from '@ubos/kernel';
import { FileObjectSchema } from './entities/file-object.entity.js';
import { createFilesLoaders, type FilesLoaders } from './loaders.js';
import { filesEventHandlers } from './events.js';
import { createResolvers } from './resolvers/index.js';

export type { FileStorage } from './files.service.js';

/**
 * The files subgraph: file objects, presigned uploads and downloads through `store`, and
 * Client.files. `maxBytes` is the largest file accepted (UBOS_FILES_MAX_BYTES).
 */
export function createFilesSubgraph(store: FileStore, options: { maxBytes: number }): SubgraphDefinition<FilesLoaders> {
  return defineSubgraph({
    name: 'files',
    resolvers: createResolvers({ store, maxBytes: options.maxBytes }),
    entities: [FileObjectSchema],
    createLoaders: createFilesLoaders,
    events: filesEventHandlers,
  });
}
