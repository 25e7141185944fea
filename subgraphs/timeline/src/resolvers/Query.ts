import type { TokenService } from '@ubos/kernel';
import * as timeline from '../timeline.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export function createQuery(tokens: TokenService): QueryResolvers {
  return {
    activity: (_parent, args, ctx) => timeline.listActivity(ctx, args),
    verifyAuditChain: (_parent, args, ctx) => timeline.verifyAuditChain(ctx, tokens, args),
    exportAuditCheckpoint: (_parent, _args, ctx) => timeline.exportAuditCheckpoint(ctx, tokens),
  };
}
