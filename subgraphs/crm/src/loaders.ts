import { createByIdLoader, createChildPageLoader, type EntityManager } from '@ubos/kernel';
import { ClientSchema } from './entities/client.entity.js';
import { ContactSchema } from './entities/contact.entity.js';
import { DealSchema } from './entities/deal.entity.js';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createCrmLoaders(em: EntityManager, organizationId: string | null) {
  return {
    clientById: createByIdLoader(em, ClientSchema),
    contactById: createByIdLoader(em, ContactSchema),
    dealById: createByIdLoader(em, DealSchema),
    contactsOfClient: createChildPageLoader(em, organizationId, {
      entity: ContactSchema,
      table: 'contacts',
      parentColumn: 'client_id',
      sort: { properties: ['lastName', 'firstName', 'id'], columns: ['last_name', 'first_name', 'id'], direction: 'ASC' },
    }),
    dealsOfClient: createChildPageLoader(em, organizationId, {
      entity: DealSchema,
      table: 'deals',
      parentColumn: 'client_id',
      sort: { properties: ['id'], columns: ['id'], direction: 'ASC' },
    }),
  };
}

export type CrmLoaders = ReturnType<typeof createCrmLoaders>;
