import { defineSubgraph } from '@ubos/kernel';
import { IntegrationConnectionSchema } from './entities/integration-connection.entity.js';
import { integrationsEventHandlers } from './events.js';
import { createIntegrationsLoaders, type IntegrationsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

/** The integrations subgraph: connections to outside systems (QuickBooks Online) and the mappings of their sync, kept apart from core data. */
export const integrationsSubgraph = defineSubgraph<IntegrationsLoaders>({
  name: 'integrations',
  resolvers,
  entities: [IntegrationConnectionSchema],
  createLoaders: createIntegrationsLoaders,
  events: integrationsEventHandlers,
});

export { MAPPING_TABLES } from './loaders.js';
