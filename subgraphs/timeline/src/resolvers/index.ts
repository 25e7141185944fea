import { JSONResolver } from 'graphql-scalars';
import { scalarResolvers, type TokenService } from '@ubos/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { ActivityEvent } from './ActivityEvent.js';
import { Client } from './Client.js';
import { createQuery } from './Query.js';

export function createResolvers(tokens: TokenService): Resolvers {
  return {
    DateTime: scalarResolvers.DateTime,
    SafeInt: scalarResolvers.SafeInt,
    JSON: JSONResolver,
    Query: createQuery(tokens),
    Client,
    ActivityEvent,
  };
}
