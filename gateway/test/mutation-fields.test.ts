import { afterAll, beforeAll, describe } from 'vitest';
import { defineMutationFieldsSuite } from '@ubos/test-support/mutation-fields';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The same suite runs in distributed mode in distributed.test.ts.
let t: TestStack;
let owner: GraphQLClient;
let clientId: string;
beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  clientId = (await owner.request('{ clients(first: 1) { edges { node { id } } } }')).data.clients.edges[0].node.id;
});
afterAll(() => t?.close());

describe('several mutation fields in one operation, one process', () => {
  defineMutationFieldsSuite(() => ({ client: owner, db: t.db, clientId }));
});
