import { CustomFieldDefinitionSchema, defineSubgraph } from '@ubos/kernel';
import { ClientSchema } from './entities/client.entity.js';
import { ClientMergeSchema } from './entities/client-merge.entity.js';
import { crmEventHandlers } from './merge.service.js';
import { duplicateEventHandlers } from './duplicates.service.js';
import { ContactSchema } from './entities/contact.entity.js';
import { DealSchema } from './entities/deal.entity.js';
import { createCrmLoaders, type CrmLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

/**
 * The crm subgraph: owner of the Client golden record, its contacts and deals. It also serves
 * the tenant's custom field definitions, which the kernel keeps for every subgraph.
 */
export const crmSubgraph = defineSubgraph<CrmLoaders>({
  name: 'crm',
  resolvers,
  entities: [ClientSchema, ContactSchema, DealSchema, ClientMergeSchema, CustomFieldDefinitionSchema],
  createLoaders: createCrmLoaders,
  events: { ...crmEventHandlers, ...duplicateEventHandlers },
});
