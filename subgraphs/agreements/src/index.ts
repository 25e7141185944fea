import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@ubos/kernel';
import { ContractSchema } from './entities/contract.entity.js';
import { ProposalSchema } from './entities/proposal.entity.js';
import { createAgreementsLoaders, type AgreementsLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/agreements.graphql', import.meta.url));

/** The agreements subgraph: proposals and contracts. */
export const agreementsSubgraph: SubgraphDefinition<AgreementsLoaders> = {
  name: 'agreements',
  typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
  resolvers: resolvers as SubgraphDefinition<AgreementsLoaders>['resolvers'],
  entities: [ProposalSchema, ContractSchema],
  createLoaders: createAgreementsLoaders,
};
