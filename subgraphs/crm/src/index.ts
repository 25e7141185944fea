import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@ubos/kernel';
import { ClientSchema } from './entities/client.entity.js';
import { ContactSchema } from './entities/contact.entity.js';
import { CustomFieldDefinitionSchema } from './entities/custom-field-definition.entity.js';
import { DealSchema } from './entities/deal.entity.js';
import { createCrmLoaders, type CrmLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/crm.graphql', import.meta.url));

/** The crm subgraph: owner of the Client golden record, its contacts and deals. */
export const crmSubgraph: SubgraphDefinition<CrmLoaders> = {
  name: 'crm',
  typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
  resolvers: resolvers as SubgraphDefinition<CrmLoaders>['resolvers'],
  entities: [ClientSchema, ContactSchema, DealSchema, CustomFieldDefinitionSchema],
  createLoaders: createCrmLoaders,
};
