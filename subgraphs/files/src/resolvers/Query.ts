import * as files from '../files.service.js';
import type { FileStorage } from '../files.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export function createQuery(storage: FileStorage): QueryResolvers {
  return {
    files: (_parent, args, ctx) => files.listFiles(ctx, args),
    file: (_parent, { id, asOf }, ctx) => files.getFile(ctx, id, asOf),
    downloadUrl: (_parent, { fileId }, ctx) => files.downloadUrl(ctx, storage, fileId),
  };
}
