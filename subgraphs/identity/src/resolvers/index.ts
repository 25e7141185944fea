import { scalarResolvers, type TokenService } from '@ubos/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { ApiKey } from './ApiKey.js';
import { Membership } from './Membership.js';
import { createMutation } from './Mutation.js';
import { Organization } from './Organization.js';
import { Query } from './Query.js';
import { User } from './User.js';

export function createResolvers(tokens: TokenService): Resolvers {
  return { DateTime: scalarResolvers.DateTime, Query, Mutation: createMutation(tokens), Organization, User, Membership, ApiKey };
}
