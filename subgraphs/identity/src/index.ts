import { loadConfig, defineSubgraph, type AccountSettings, type TokenService, type SubgraphDefinition } from '@ubos/kernel';
import type { AccountOptions } from './accounts.service.js';
import { InvitationSchema } from './entities/invitation.entity.js';
import { SessionSchema } from './entities/session.entity.js';
import { ApiKeySchema } from './entities/api-key.entity.js';
import { MembershipSchema } from './entities/membership.entity.js';
import { PersistedOperationSchema } from './entities/persisted-operation.entity.js';
import { OrganizationSchema } from './entities/organization.entity.js';
import { UserSchema } from './entities/user.entity.js';
import { createIdentityLoaders, type IdentityLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';

export type { AccountOptions };

/**
 * The identity subgraph: organizations, users, memberships, sign-up, invitations, sessions and
 * passwords. It signs user tokens. Without settings, the environment's (and links to localhost).
 */
export function createIdentitySubgraph(tokens: TokenService, options: { settings?: AccountSettings; publicUrl?: () => string } = {}): SubgraphDefinition<IdentityLoaders> {
  const config = options.settings && options.publicUrl ? undefined : loadConfig();
  const accountOptions: AccountOptions = {
    tokens,
    settings: options.settings ?? config!.accounts,
    publicUrl: options.publicUrl ?? (() => config!.publicUrl ?? `http://localhost:${config!.port}`),
  };
  return defineSubgraph({
    name: 'identity',
    resolvers: createResolvers(accountOptions),
    entities: [OrganizationSchema, UserSchema, MembershipSchema, ApiKeySchema, PersistedOperationSchema, SessionSchema, InvitationSchema],
    createLoaders: createIdentityLoaders,
  });
}
