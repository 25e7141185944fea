import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { SubgraphDefinition, TokenService } from '@ubos/kernel';
import { ApiKeySchema } from './entities/api-key.entity.js';
import { MembershipSchema } from './entities/membership.entity.js';
import { PersistedOperationSchema } from './entities/persisted-operation.entity.js';
import { OrganizationSchema } from './entities/organization.entity.js';
import { UserSchema } from './entities/user.entity.js';
import { createIdentityLoaders, type IdentityLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';

const sdlPath = fileURLToPath(new URL('../../../schema/identity.graphql', import.meta.url));

/** The identity subgraph: organizations, users, memberships and login. It signs user tokens. */
export function createIdentitySubgraph(tokens: TokenService): SubgraphDefinition<IdentityLoaders> {
  return {
    name: 'identity',
    typeDefs: parse(fs.readFileSync(sdlPath, 'utf8')),
    resolvers: createResolvers(tokens) as SubgraphDefinition<IdentityLoaders>['resolvers'],
    entities: [OrganizationSchema, UserSchema, MembershipSchema, ApiKeySchema, PersistedOperationSchema],
    createLoaders: createIdentityLoaders,
  };
}
