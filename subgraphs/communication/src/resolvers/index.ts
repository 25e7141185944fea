import { scalarResolvers } from '@ubos/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Client } from './Client.js';
import { Message } from './Message.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Thread } from './Thread.js';

export const resolvers: Resolvers = { DateTime: scalarResolvers.DateTime, Query, Mutation, Client, Thread, Message };
