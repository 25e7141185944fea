import { createByIdLoader, createChildPageLoader, createHistoryLoaders, type EntityManager } from '@ubos/kernel';
import { FileObjectSchema } from './entities/file-object.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createFilesLoaders(em: EntityManager, organizationId: string | null) {
  return {
    fileById: createByIdLoader(em, FileObjectSchema),
    /** For references from other subgraphs: deleted rows still resolve. */
    fileReference: createByIdLoader(em, FileObjectSchema, { includeDeleted: true }),
    fileHistory: createHistoryLoaders(em, organizationId, 'FileObject', FileObjectSchema),
    filesOfClient: createChildPageLoader(em, organizationId, {
      entity: FileObjectSchema,
      table: 'files',
      parentColumn: 'client_id',
      softDeletable: true,
      sort: { properties: ['id'], columns: ['id'], direction: 'DESC' },
    }),
  };
}

export type FilesLoaders = ReturnType<typeof createFilesLoaders>;
