import type { DomainCases } from '../cross-tenant.js';

/** The files domain's cross-tenant probes. */
export const filesCases: DomainCases = {
  idTables: { file: 'files' },
  cases: [
    { field: 'file', what: 'file', operation: (id) => ({ query: 'query($id: ID!) { file(id: $id) { id name status } }', variables: { id } }) },
    { field: 'file', what: 'file', operation: (id) => ({ query: 'query($id: ID!) { file(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
    // A non-null String: a foreign or missing id answers NOT_FOUND rather than null.
    { field: 'downloadUrl', what: 'file', operation: (id) => ({ query: 'query($id: ID!) { downloadUrl(fileId: $id) }', variables: { id } }) },
    {
      field: 'createUploadUrl',
      what: 'client',
      operation: (id) => ({ query: 'mutation($id: ID!) { createUploadUrl(input: { clientId: $id, name: "x.txt", contentType: "text/plain", size: 1 }) { url } }', variables: { id } }),
    },
    {
      field: 'createUploadUrl',
      what: 'project',
      operation: (id) => ({ query: 'mutation($id: ID!) { createUploadUrl(input: { projectId: $id, name: "x.txt", contentType: "text/plain", size: 1 }) { url } }', variables: { id } }),
    },
    { field: 'completeUpload', what: 'file', operation: (id) => ({ query: 'mutation($id: ID!) { completeUpload(fileId: $id) { id status } }', variables: { id } }) },
    { field: 'deleteFile', what: 'file', operation: (id) => ({ query: 'mutation($id: ID!) { deleteFile(id: $id) { id } }', variables: { id } }) },
    { field: 'restoreFile', what: 'file', operation: (id) => ({ query: 'mutation($id: ID!) { restoreFile(id: $id) { id } }', variables: { id } }) },
  ],
  withoutId: ['files'],
  lists: {
    selection: `
      files(first: 100) { totalCount edges { node { id client { id } project { id } } } }
      clientFiles: clients(first: 100) { edges { node { files(first: 100) { totalCount edges { node { id } } } } } }`,
    tables: ['files'],
  },
};
