import { defineSubgraph, type TokenService, type SubgraphDefinition } from '@ubos/kernel';
import { ApiKeySchema } from './entities/api-key.entity.js';
import { MembershipSchema } from './entities/membership.entity.js';
import { PersistedOperationSchema } from './entities/persisted-operation.entity.js';
import { OrganizationSchema } from './entities/organization.entity.js';
import { UserSchema } from './entities/user.entity.js';
import { createIdentityLoaders, type IdentityLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';

/** The identity subgraph: organizations, users, memberships and login. It signs user tokens. */
export function createIdentitySubgraph(tokens: TokenService): SubgraphDefinition<IdentityLoaders> {
  return defineSubgraph({
    name: 'identity',
    resolvers: createResolvers(tokens),
    entities: [OrganizationSchema, UserSchema, MembershipSchema, ApiKeySchema, PersistedOperationSchema],
    createLoaders: createIdentityLoaders,
  });
}
