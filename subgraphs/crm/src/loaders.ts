import { createByIdLoader, createChildListLoader, createChildPageLoader, createHistoryLoaders, defineLoaders } from '@ubos/kernel';
import { ClientSchema } from './entities/client.entity.js';
import { ClientMergeSchema } from './entities/client-merge.entity.js';
import { ContactSchema } from './entities/contact.entity.js';
import { DealSchema } from './entities/deal.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export const createCrmLoaders = defineLoaders({
  clientById: ({ em }) => createByIdLoader(em, ClientSchema),
  /** For federated references: a deleted client still resolves, with deletedAt set. */
  clientReference: ({ em }) => createByIdLoader(em, ClientSchema, { includeDeleted: true }),
  clientHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Client', ClientSchema),
  contactHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Contact', ContactSchema),
  dealHistory: ({ em, organizationId }) => createHistoryLoaders(em, organizationId, 'Deal', DealSchema),
  contactById: ({ em }) => createByIdLoader(em, ContactSchema),
  dealById: ({ em }) => createByIdLoader(em, DealSchema),
  contactsOfClient: (scope) => createChildPageLoader(scope, {
    entity: ContactSchema,
    parent: 'clientId',
    sort: { properties: ['lastName', 'firstName', 'id'], direction: 'ASC' },
  }),
  dealsOfClient: (scope) => createChildPageLoader(scope, { entity: DealSchema, parent: 'clientId' }),
  /** The merges a client survived, newest first: few per client. */
  mergesOfClient: ({ em }) => createChildListLoader(em, ClientMergeSchema, 'clientId', { orderBy: { id: 'desc' } }),
});

export type CrmLoaders = ReturnType<typeof createCrmLoaders>;
