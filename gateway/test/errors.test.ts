import { afterAll, beforeAll, describe } from 'vitest';
import { defineErrorParitySuite } from '@ubos/test-support/error-parity';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The same suite runs in distributed mode in distributed.test.ts; both compare with one file.
let t: TestStack;
let owner: GraphQLClient;
let member: GraphQLClient;
beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  member = await t.anonymous.login('member@alpha.test');
});
afterAll(() => t?.close());

describe('errors, one process', () => {
  defineErrorParitySuite(() => ({ anonymous: t.anonymous, owner, member, db: t.db }));
});
