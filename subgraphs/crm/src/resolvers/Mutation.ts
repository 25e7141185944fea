import * as crm from '../crm.service.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  createClient: (_parent, { input }, ctx) => crm.createClient(ctx, input),
  updateClient: (_parent, { id, input }, ctx) => crm.updateClient(ctx, id, input),
  createContact: (_parent, { input }, ctx) => crm.createContact(ctx, input),
  updateContact: (_parent, { id, input }, ctx) => crm.updateContact(ctx, id, input),
  createDeal: (_parent, { input }, ctx) => crm.createDeal(ctx, input),
  updateDeal: (_parent, { id, input }, ctx) => crm.updateDeal(ctx, id, input),
};
