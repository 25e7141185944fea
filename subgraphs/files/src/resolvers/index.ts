import { scalarResolvers } from '@ubos/kernel';
import type { FileStorage } from '../files.service.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Client } from './Client.js';
import { FileObject } from './FileObject.js';
import { createMutation } from './Mutation.js';
import { createQuery } from './Query.js';

export function createResolvers(storage: FileStorage): Resolvers {
  return { DateTime: scalarResolvers.DateTime, Query: createQuery(storage), Mutation: createMutation(storage), Client, FileObject };
}
