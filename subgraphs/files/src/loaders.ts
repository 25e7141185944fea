import { createByIdLoader, createChildPageLoader, createHistoryLoaders, defineLoaders } from '@ubos/kernel';
import { FileObjectSchema } from './entities/file-object.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export const createFilesLoaders = defineLoaders({
  fileById: ({ em }) => createByIdLoader(em, FileObjectSchema),
  /** For references from other subgraphs: deleted rows still resolve. */
  fileReference: ({ em }) => createByIdLoader(em, FileObjectSchema, { includeDeleted: true }),
  fileHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'FileObject', FileObjectSchema),
  filesOfClient: (scope) => createChildPageLoader(scope, { entity: FileObjectSchema, parent: 'clientId', sort: { properties: ['id'], direction: 'DESC' } }),
});

export type FilesLoaders = ReturnType<typeof createFilesLoaders>;
