import type { WorkflowConditionResolvers } from '../__generated__/resolvers-types.js';

export const WorkflowCondition: WorkflowConditionResolvers = {
  value: (condition) => condition.value ?? null,
};
