import { createByIdLoader, createChildPageLoader, createHistoryLoaders, type EntityManager } from '@ubos/kernel';
import { ClientSchema } from './entities/client.entity.js';
import { ContactSchema } from './entities/contact.entity.js';
import { DealSchema } from './entities/deal.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createCrmLoaders(em: EntityManager, organizationId: string | null) {
  return {
    clientById: createByIdLoader(em, ClientSchema),
    /** For federated references: a deleted client still resolves, with deletedAt set. */
    clientReference: createByIdLoader(em, ClientSchema, { includeDeleted: true }),
    clientHistory: createHistoryLoaders(em, organizationId, 'Client', ClientSchema),
    contactHistory: createHistoryLoaders(em, organizationId, 'Contact', ContactSchema),
    dealHistory: createHistoryLoaders(em, organizationId, 'Deal', DealSchema),
    contactById: createByIdLoader(em, ContactSchema),
    dealById: createByIdLoader(em, DealSchema),
    contactsOfClient: createChildPageLoader(em, organizationId, {
      entity: ContactSchema,
      table: 'contacts',
      parentColumn: 'client_id',
      softDeletable: true,
      sort: { properties: ['lastName', 'firstName', 'id'], columns: ['last_name', 'first_name', 'id'], direction: 'ASC' },
    }),
    dealsOfClient: createChildPageLoader(em, organizationId, {
      entity: DealSchema,
      table: 'deals',
      parentColumn: 'client_id',
      softDeletable: true,
      sort: { properties: ['id'], columns: ['id'], direction: 'ASC' },
    }),
  };
}

export type CrmLoaders = ReturnType<typeof createCrmLoaders>;
