import { jsonScalarResolvers, scalarResolvers } from '@ubos/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Client } from './Client.js';
import { Milestone } from './Milestone.js';
import { Mutation } from './Mutation.js';
import { Project } from './Project.js';
import { Query } from './Query.js';
import { Task } from './Task.js';

const { SafeInt: _unused, ...scalars } = scalarResolvers;

export const resolvers: Resolvers = { ...scalars, ...jsonScalarResolvers, Query, Mutation, Client, Project, Task, Milestone };
