import type { DomainCases } from '../cross-tenant.js';

/** The communication domain's cross-tenant probes. */
export const communicationCases: DomainCases = {
  idTables: { thread: 'threads', message: 'messages' },
  cases: [
    { field: 'thread', what: 'thread', operation: (id) => ({ query: 'query($id: ID!) { thread(id: $id) { id subject messages { totalCount } } }', variables: { id } }) },
    { field: 'thread', what: 'thread', operation: (id) => ({ query: 'query($id: ID!) { thread(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
    { field: 'message', what: 'message', operation: (id) => ({ query: 'query($id: ID!) { message(id: $id) { id body thread { id } } }', variables: { id } }) },
    { field: 'message', what: 'message', operation: (id) => ({ query: 'query($id: ID!) { message(id: $id, asOf: "2030-01-01T00:00:00Z") { id } }', variables: { id } }) },
    { field: 'createThread', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { createThread(input: { clientId: $id, subject: "Hijack" }) { id } }', variables: { id } }) },
    {
      field: 'createThread',
      what: 'project',
      operation: (id, own) => ({ query: 'mutation($id: ID!, $c: ID!) { createThread(input: { clientId: $c, projectId: $id, subject: "Hijack" }) { id } }', variables: { id, c: own.client } }),
    },
    { field: 'updateThread', what: 'thread', operation: (id) => ({ query: 'mutation($id: ID!) { updateThread(id: $id, input: { subject: "Hijacked" }) { id } }', variables: { id } }) },
    {
      field: 'updateThread',
      what: 'project',
      operation: (id, own) => ({ query: 'mutation($id: ID!, $t: ID!) { updateThread(id: $t, input: { projectId: $id }) { id } }', variables: { id, t: own.thread } }),
    },
    { field: 'deleteThread', what: 'thread', operation: (id) => ({ query: 'mutation($id: ID!) { deleteThread(id: $id) { id } }', variables: { id } }) },
    { field: 'restoreThread', what: 'thread', operation: (id) => ({ query: 'mutation($id: ID!) { restoreThread(id: $id) { id } }', variables: { id } }) },
    { field: 'postMessage', what: 'thread', operation: (id) => ({ query: 'mutation($id: ID!) { postMessage(input: { threadId: $id, body: "Planted" }) { id } }', variables: { id } }) },
    { field: 'postMessage', what: 'client', operation: (id) => ({ query: 'mutation($id: ID!) { postMessage(input: { clientId: $id, body: "Planted" }) { id } }', variables: { id } }) },
    { field: 'editMessage', what: 'message', operation: (id) => ({ query: 'mutation($id: ID!) { editMessage(id: $id, input: { body: "Hijacked" }) { id } }', variables: { id } }) },
    { field: 'deleteMessage', what: 'message', operation: (id) => ({ query: 'mutation($id: ID!) { deleteMessage(id: $id) { id } }', variables: { id } }) },
    { field: 'restoreMessage', what: 'message', operation: (id) => ({ query: 'mutation($id: ID!) { restoreMessage(id: $id) { id } }', variables: { id } }) },
  ],
  withoutId: ['threads'],
  lists: {
    selection: `
      threads(first: 100) { totalCount edges { node { id client { id } messages(first: 100) { totalCount edges { node { id thread { id } } } } } } }
      clientThreads: clients(first: 100) { edges { node { threads(first: 100) { totalCount edges { node { id messages(first: 100) { edges { node { id } } } } } } } } }`,
    tables: ['threads', 'messages'],
  },
};
