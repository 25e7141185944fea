import * as files from '../files.service.js';
import type { FileStorage } from '../files.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export function createMutation(storage: FileStorage): MutationResolvers {
  return {
    createUploadUrl: (_parent, { input }, ctx) => files.createUploadUrl(ctx, storage, input),
    completeUpload: (_parent, { fileId }, ctx) => files.completeUpload(ctx, storage, fileId),
    deleteFile: (_parent, { id, expectedVersion }, ctx) => files.deleteFile(ctx, id, expectedVersion),
    restoreFile: (_parent, { id }, ctx) => files.restoreFile(ctx, id),
  };
}
