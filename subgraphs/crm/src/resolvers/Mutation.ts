import { purge } from '@ubos/kernel';
import * as crm from '../crm.service.js';
import * as merges from '../merge.service.js';
import { customFieldDefinitions } from '@ubos/kernel';
import { ClientSchema } from '../entities/client.entity.js';
import { ContactSchema } from '../entities/contact.entity.js';
import { DealSchema } from '../entities/deal.entity.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  defineCustomField: (_parent, { input }, ctx) => customFieldDefinitions.define(ctx, input),
  updateCustomField: (_parent, { id, input, expectedVersion }, ctx) => customFieldDefinitions.update(ctx, id, input, expectedVersion),
  archiveCustomField: (_parent, { id }, ctx) => customFieldDefinitions.archive(ctx, id),
  createClient: (_parent, { input }, ctx) => crm.createClient(ctx, input),
  updateClient: (_parent, { id, input, expectedVersion }, ctx) => crm.updateClient(ctx, id, input, expectedVersion),
  deleteClient: (_parent, { id, expectedVersion }, ctx) => crm.deleteClient(ctx, id, expectedVersion),
  restoreClient: (_parent, { id }, ctx) => crm.restoreClient(ctx, id),
  eraseClient: (_parent, { id }, ctx) => crm.eraseClient(ctx, id),
  mergeClients: (_parent, { survivorId, duplicateIds, fieldChoices, expectedVersion }, ctx) => merges.mergeClients(ctx, survivorId, duplicateIds, fieldChoices, expectedVersion),
  unmergeClient: (_parent, { mergeId }, ctx) => merges.unmergeClient(ctx, mergeId),
  createContact: (_parent, { input }, ctx) => crm.createContact(ctx, input),
  updateContact: (_parent, { id, input, expectedVersion }, ctx) => crm.updateContact(ctx, id, input, expectedVersion),
  deleteContact: (_parent, { id, expectedVersion }, ctx) => crm.deleteContact(ctx, id, expectedVersion),
  restoreContact: (_parent, { id }, ctx) => crm.restoreContact(ctx, id),
  createDeal: (_parent, { input }, ctx) => crm.createDeal(ctx, input),
  updateDeal: (_parent, { id, input, expectedVersion }, ctx) => crm.updateDeal(ctx, id, input, expectedVersion),
  deleteDeal: (_parent, { id, expectedVersion }, ctx) => crm.deleteDeal(ctx, id, expectedVersion),
  restoreDeal: (_parent, { id }, ctx) => crm.restoreDeal(ctx, id),
  purgeClient: (_parent, { id }, ctx) => purge(ctx, ClientSchema, 'Client', id),
  purgeContact: (_parent, { id }, ctx) => purge(ctx, ContactSchema, 'Contact', id),
  purgeDeal: (_parent, { id }, ctx) => purge(ctx, DealSchema, 'Deal', id),
};
