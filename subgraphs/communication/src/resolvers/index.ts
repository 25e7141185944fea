import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Client } from './Client.js';

export const resolvers: Resolvers = { Client };
