import { afterAll, beforeAll, describe } from 'vitest';
import { defineErrorParitySuite, INTERNAL_FAILURE } from '@ubos/test-support/error-parity';
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
  defineErrorParitySuite(() => ({
    anonymous: t.anonymous,
    owner,
    member,
    db: t.db,
    // In one process a crashed subgraph is its in-process entry point throwing: what reaches the gateway
    // there is what a 500 carries over HTTP.
    async whileTimelineFails(request) {
      const timeline = t.stack.runtimes.find((runtime) => runtime.name === 'timeline')!;
      timeline.executeTrusted = async () => {
        throw Object.assign(new Error(INTERNAL_FAILURE.message), { stack: INTERNAL_FAILURE.stack });
      };
      try {
        return await request();
      } finally {
        delete (timeline as Partial<typeof timeline>).executeTrusted;
      }
    },
  }));
});
