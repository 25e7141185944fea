import type { DomainCases } from '../cross-tenant.js';

/** Custom field definitions: another tenant's definition is as absent as a missing one. */
export const customFieldsCases: DomainCases = {
  idTables: { customFieldDefinition: 'custom_field_definitions' },
  cases: [
    {
      field: 'updateCustomField',
      what: 'customFieldDefinition',
      operation: (id) => ({ query: 'mutation($id: ID!) { updateCustomField(id: $id, input: { label: "Hijacked" }) { id } }', variables: { id } }),
    },
    {
      field: 'archiveCustomField',
      what: 'customFieldDefinition',
      operation: (id) => ({ query: 'mutation($id: ID!) { archiveCustomField(id: $id) { id } }', variables: { id } }),
    },
  ],
  withoutId: ['customFieldDefinitions', 'defineCustomField'],
  lists: { selection: 'customFieldDefinitions(includeArchived: true) { id }', tables: ['custom_field_definitions'] },
};
