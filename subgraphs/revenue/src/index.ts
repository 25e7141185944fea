import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@ubos/kernel';
import { createRevenueLoaders, type RevenueLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/revenue.graphql', import.meta.url));

/** The revenue subgraph: invoices, payments, vendors and bills. */
export const revenueSubgraph: SubgraphDefinition<RevenueLoaders> = {
  name: 'revenue',
  typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
  resolvers: resolvers as SubgraphDefinition<RevenueLoaders>['resolvers'],
  entities: [],
  createLoaders: createRevenueLoaders,
};
