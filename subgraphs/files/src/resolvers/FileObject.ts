import type { FileObjectResolvers } from '../__generated__/resolvers-types.js';

export const FileObject: FileObjectResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.fileReference.load(reference.id),
  client: (file) => (file.clientId ? { id: file.clientId } : null),
  project: (file) => (file.projectId ? { id: file.projectId } : null),
  history: (file, args, ctx) => ctx.loaders.fileHistory.versions(file.id, args),
};
