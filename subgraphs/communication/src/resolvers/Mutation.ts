import * as communication from '../communication.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  createThread: (_parent, { input }, ctx) => communication.createThread(ctx, input),
  updateThread: (_parent, { id, input, expectedVersion }, ctx) => communication.updateThread(ctx, id, input, expectedVersion),
  deleteThread: (_parent, { id, expectedVersion }, ctx) => communication.deleteThread(ctx, id, expectedVersion),
  restoreThread: (_parent, { id }, ctx) => communication.restoreThread(ctx, id),
  postMessage: (_parent, { input }, ctx) => communication.postMessage(ctx, input),
  editMessage: (_parent, { id, input, expectedVersion }, ctx) => communication.editMessage(ctx, id, input, expectedVersion),
  deleteMessage: (_parent, { id, expectedVersion }, ctx) => communication.deleteMessage(ctx, id, expectedVersion),
  restoreMessage: (_parent, { id }, ctx) => communication.restoreMessage(ctx, id),
};
