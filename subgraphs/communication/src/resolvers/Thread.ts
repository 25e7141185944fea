import * as communication from '../communication.service.js';
import type { ThreadResolvers } from '../__generated__/resolvers-types.js';

export const Thread: ThreadResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.threadReference.load(reference.id),
  client: (thread) => ({ id: thread.clientId }),
  project: (thread) => (thread.projectId ? { id: thread.projectId } : null),
  main: (thread) => thread.isMain,
  messages: (thread, args, ctx) => communication.messagesOfThread(ctx, thread.id, args),
  history: (thread, args, ctx) => ctx.loaders.threadHistory.versions(thread.id, args),
};
