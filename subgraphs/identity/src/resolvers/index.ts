import { scalarResolvers } from '@ubos/kernel';
import type { AccountOptions } from '../accounts.service.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { ApiKey } from './ApiKey.js';
import { Membership } from './Membership.js';
import { createMutation } from './Mutation.js';
import { Organization } from './Organization.js';
import { Query } from './Query.js';
import { User } from './User.js';
import { Invitation } from './Invitation.js';
import { Session } from './Session.js';

export function createResolvers(options: AccountOptions): Resolvers {
  return { DateTime: scalarResolvers.DateTime, Query, Mutation: createMutation(options), Organization, User, Membership, ApiKey, Session, Invitation };
}
