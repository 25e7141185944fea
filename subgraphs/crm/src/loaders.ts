import { createByIdLoader, createChildListLoader, createChildPageLoader, createHistoryLoaders, type LoaderScope } from '@ubos/kernel';
import { ClientSchema } from './entities/client.entity.js';
import { ClientMergeSchema } from './entities/client-merge.entity.js';
import { ContactSchema } from './entities/contact.entity.js';
import { DealSchema } from './entities/deal.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createCrmLoaders(scope: LoaderScope) {
  const { em, organizationId } = scope;
  return {
    clientById: createByIdLoader(em, ClientSchema),
    /** For federated references: a deleted client still resolves, with deletedAt set. */
    clientReference: createByIdLoader(em, ClientSchema, { includeDeleted: true }),
    clientHistory: createHistoryLoaders(em, organizationId, 'Client', ClientSchema),
    contactHistory: createHistoryLoaders(em, organizationId, 'Contact', ContactSchema),
    dealHistory: createHistoryLoaders(em, organizationId, 'Deal', DealSchema),
    contactById: createByIdLoader(em, ContactSchema),
    dealById: createByIdLoader(em, DealSchema),
    contactsOfClient: createChildPageLoader(scope, {
      entity: ContactSchema,
      parent: 'clientId',
      sort: { properties: ['lastName', 'firstName', 'id'], direction: 'ASC' },
    }),
    dealsOfClient: createChildPageLoader(scope, { entity: DealSchema, parent: 'clientId' }),
    /** The merges a client survived, newest first: few per client. */
    mergesOfClient: createChildListLoader(em, ClientMergeSchema, 'clientId', { orderBy: { id: 'desc' } }),
  };
}

export type CrmLoaders = ReturnType<typeof createCrmLoaders>;
