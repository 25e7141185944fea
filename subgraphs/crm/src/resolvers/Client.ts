import * as crm from '../crm.service.js';
import { clientCustomFields } from '../custom-fields.js';
import type { ClientResolvers } from '../__generated__/resolvers-types.js';

export const Client: ClientResolvers = {
  // Batched: the gateway asks for many clients in one _entities call, the loader answers in one
  // statement. Deleted clients still resolve here, so links and history stay navigable.
  __resolveReference: (reference, ctx) => ctx.loaders.clientReference.load(reference.id),
  contacts: (client, args, ctx) => crm.contactsOfClient(ctx, client.id, args),
  deals: (client, args, ctx) => crm.dealsOfClient(ctx, client.id, args),
  history: (client, args, ctx) => ctx.loaders.clientHistory.versions(client.id, args),
  customField: (client, { key }, ctx) => clientCustomFields.typed(ctx, client.customFields, key),
  address: (client, _args, ctx) => crm.clientAddress(ctx, client),
  fullAddress: (client) => crm.clientFullAddress(client),
  mergedInto: (client, _args, ctx) => (client.mergedInto ? ctx.loaders.clientReference.load(client.mergedInto) : null),
  merges: (client, _args, ctx) => ctx.loaders.mergesOfClient.load(client.id),
};
