import { jsonScalarResolvers, scalarResolvers } from '@ubos/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Client } from './Client.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { StepRun } from './StepRun.js';
import { Workflow } from './Workflow.js';
import { WorkflowCondition } from './WorkflowCondition.js';
import { WorkflowRun } from './WorkflowRun.js';

export const resolvers: Resolvers = { DateTime: scalarResolvers.DateTime, ...jsonScalarResolvers, Query, Mutation, Client, Workflow, WorkflowRun, StepRun, WorkflowCondition };
