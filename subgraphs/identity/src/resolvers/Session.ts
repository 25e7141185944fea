import { freshSessions } from '../accounts.service.js';
import type { SessionResolvers } from '../__generated__/resolvers-types.js';

export const Session: SessionResolvers = {
  current: (session, _args, ctx) => freshSessions.has(session) || (ctx.actor.kind === 'user' && ctx.actor.sessionId === session.id),
};
