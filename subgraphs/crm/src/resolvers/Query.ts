import * as crm from '../crm.service.js';
import * as merges from '../merge.service.js';
import { clientDuplicates } from '../duplicates.service.js';
import { customFieldDefinitions } from '@ubos/kernel';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  customFieldDefinitions: (_parent, { entityType, includeArchived }, ctx) => customFieldDefinitions.list(ctx, entityType, includeArchived),
  clients: (_parent, args, ctx) => crm.listClients(ctx, args),
  client: (_parent, { id, asOf }, ctx) => crm.getClient(ctx, id, asOf),
  contact: (_parent, { id, asOf }, ctx) => crm.getContact(ctx, id, asOf),
  deal: (_parent, { id, asOf }, ctx) => crm.getDeal(ctx, id, asOf),
  deals: (_parent, args, ctx) => crm.listDeals(ctx, args),
  clientMerge: (_parent, { id }, ctx) => merges.getMerge(ctx, id),
  clientDuplicates: (_parent, { first }, ctx) => clientDuplicates(ctx, first),
};
