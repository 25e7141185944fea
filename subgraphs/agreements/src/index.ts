import { defineSubgraph } from '@ubos/kernel';
import { ContractSchema } from './entities/contract.entity.js';
import { ProposalSchema } from './entities/proposal.entity.js';
import { createAgreementsLoaders, type AgreementsLoaders } from './loaders.js';
import { agreementsEventHandlers } from './events.js';
import { resolvers } from './resolvers/index.js';

/** The agreements subgraph: proposals and contracts. */
export const agreementsSubgraph = defineSubgraph<AgreementsLoaders>({
  name: 'agreements',
  resolvers,
  entities: [ProposalSchema, ContractSchema],
  createLoaders: createAgreementsLoaders,
  events: agreementsEventHandlers,
});
