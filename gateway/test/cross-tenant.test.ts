import { afterAll, beforeAll } from 'vitest';
import { defineCrossTenantSuite, ISOLATION_SUITE_CONFIG } from '@ubos/test-support/cross-tenant';
import { startTestStack, type TestStack } from '@ubos/test-support/stack';

// One-process mode: the gateway reaches the subgraphs in-process.
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ config: ISOLATION_SUITE_CONFIG });
});
afterAll(() => t?.close());

defineCrossTenantSuite(async () => ({
  actor: await t.as('alpha'),
  actorOrganizationId: t.tenants.alpha!.organizationId,
  foreignOrganizationIds: [t.tenants.beta!.organizationId, t.tenants.gamma!.organizationId],
  db: t.db,
}));
