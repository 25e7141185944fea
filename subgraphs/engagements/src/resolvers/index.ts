import { scalarResolvers } from '@ubos/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Client } from './Client.js';
import { Contract } from './Contract.js';
import { Engagement } from './Engagement.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

// The scalars this subgraph declares, and no other (a resolver for an undeclared scalar is an error).
const scalars = { DateTime: scalarResolvers.DateTime, Date: scalarResolvers.Date, SafeInt: scalarResolvers.SafeInt };

export const resolvers: Resolvers = { ...scalars, Query, Mutation, Client, Contract, Engagement };
