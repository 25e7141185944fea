import * as communication from '../communication.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  threads: (_parent, args, ctx) => communication.listThreads(ctx, args),
  thread: (_parent, { id, asOf }, ctx) => communication.getThread(ctx, id, asOf),
  message: (_parent, { id, asOf }, ctx) => communication.getMessage(ctx, id, asOf),
};
