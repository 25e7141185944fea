import { createByIdLoader, createChildPageLoader, createHistoryLoaders, type LoaderScope } from '@ubos/kernel';
import { FileObjectSchema } from './entities/file-object.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createFilesLoaders(scope: LoaderScope) {
  const { em, organizationId } = scope;
  return {
    fileById: createByIdLoader(em, FileObjectSchema),
    /** For references from other subgraphs: deleted rows still resolve. */
    fileReference: createByIdLoader(em, FileObjectSchema, { includeDeleted: true }),
    fileHistory: createHistoryLoaders(em, organizationId, 'FileObject', FileObjectSchema),
    filesOfClient: createChildPageLoader(scope, { entity: FileObjectSchema, parent: 'clientId', sort: { properties: ['id'], direction: 'DESC' } }),
  };
}

export type FilesLoaders = ReturnType<typeof createFilesLoaders>;
