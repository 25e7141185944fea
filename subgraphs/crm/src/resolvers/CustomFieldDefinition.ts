import type { CustomFieldDefinitionResolvers } from '../__generated__/resolvers-types.js';

export const CustomFieldDefinition: CustomFieldDefinitionResolvers = {
  archived: (definition) => definition.archivedAt !== null && definition.archivedAt !== undefined,
};
