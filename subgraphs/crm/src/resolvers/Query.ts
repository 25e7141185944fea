import * as crm from '../crm.service.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  clients: (_parent, args, ctx) => crm.listClients(ctx, args),
  client: (_parent, { id }, ctx) => crm.getClient(ctx, id),
  contact: (_parent, { id }, ctx) => crm.getContact(ctx, id),
  deal: (_parent, { id }, ctx) => crm.getDeal(ctx, id),
  deals: (_parent, args, ctx) => crm.listDeals(ctx, args),
};
