import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { seedDemo, DEMO_PASSWORD, type DemoOrganization, type SeededOrganization } from '@ubos/db';
import { loadConfig, type TokenService, type UbosConfig } from '@ubos/kernel';
import { startStack, type RunningStack } from '@ubos/gateway';
import { createTestDatabase, type TestDatabase } from './database.js';

/** Three small tenants: enough to show that none sees another. */
export const TEST_ORGANIZATIONS: DemoOrganization[] = ['alpha', 'beta', 'gamma'].map((slug) => ({
  name: `Tenant ${slug}`,
  slug,
  clients: 4,
  users: [
    { email: `owner@${slug}.test`, name: `Owner ${slug}`, role: 'OWNER' as const },
    { email: `member@${slug}.test`, name: `Member ${slug}`, role: 'MEMBER' as const },
  ],
}));

export interface GraphQLResult<Data = any> {
  status: number;
  data?: Data;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

export class GraphQLClient {
  constructor(
    readonly url: string,
    readonly token?: string,
  ) {}

  withToken(token: string | undefined): GraphQLClient {
    return new GraphQLClient(this.url, token);
  }

  async request<Data = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResult<Data>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResult<Data>;
    return { ...body, status: response.status };
  }

  async login(email: string, organizationId?: string, password = DEMO_PASSWORD): Promise<GraphQLClient> {
    const result = await this.request<{ login: { token: string } }>(
      'mutation Login($email: String!, $password: String!, $organizationId: ID) { login(email: $email, password: $password, organizationId: $organizationId) { token } }',
      { email, password, organizationId },
    );
    if (!result.data?.login) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return this.withToken(result.data.login.token);
  }
}

export interface TestStack {
  url: string;
  db: TestDatabase;
  tenants: Record<string, SeededOrganization>;
  anonymous: GraphQLClient;
  /** A client logged in as the owner of the tenant with this slug. */
  as(slug: string): Promise<GraphQLClient>;
  stack: RunningStack;
  config: UbosConfig;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<UbosConfig> = {}): UbosConfig {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-test-keys-'));
  const base = loadConfig({});
  // Tests count the SQL statements of requests, and a session recheck falling inside a counted
  // request would add one: the gateway trusts what it knows of a session for an hour here. The
  // same-process invalidation still applies at once (accounts.test.ts); sessions.test.ts tests
  // the recheck interval itself.
  const accounts = { ...base.accounts, sessionRecheckSeconds: 3600 };
  // The token buckets refill by the clock, so whether a busy test runs into them depends on how
  // fast the machine is (a property test passed on a slow machine and was throttled on a fast
  // one). They are off unless a test sets them; the rate-limit tests do (limits, accounts, redis).
  const rateLimits = { actor: null, tenant: null, login: null, account: null };
  // The queue's counts are read on demand (refreshDataQualityMetrics), not every 15 s behind a test's back.
  return { ...base, port: 0, demo: false, dataDir, accounts, rateLimits, queueMetricsIntervalSeconds: 0, ...overrides };
}

export interface TestStackOptions {
  organizations?: DemoOrganization[];
  /** Slug of a seeded tenant: the playground then fills in a token for its owner, as `npm start` does for acme. */
  demoTokenFor?: string;
  /** Configuration overrides, e.g. { production: true }. */
  config?: Partial<UbosConfig>;
}

/** Seeds the test tenants into a fresh database and starts the whole stack in this process. */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const db = await createTestDatabase(inject('ubosDatabase'));
  const organizations = options.organizations ?? TEST_ORGANIZATIONS;
  const tenants = await seedDemo(db.adminUrl, organizations);
  const config = testConfig(options.config);
  let demoToken: ((tokens: TokenService) => Promise<string>) | undefined;
  if (options.demoTokenFor !== undefined) {
    const slug = options.demoTokenFor;
    const owner = organizations.find((organization) => organization.slug === slug)?.users.find((user) => user.role === 'OWNER');
    const tenant = tenants[slug];
    if (!owner || !tenant?.userIds[owner.email]) throw new Error(`demoTokenFor: no seeded tenant "${slug}" with an owner`);
    demoToken = (tokens) => tokens.sign({ userId: tenant.userIds[owner.email]!, organizationId: tenant.organizationId, role: 'OWNER' });
  }
  const stack = await startStack({ config, appUrl: db.appUrl, host: '127.0.0.1', demoToken });
  const anonymous = new GraphQLClient(stack.gateway.url);
  const sessions = new Map<string, GraphQLClient>();
  return {
    url: stack.gateway.url,
    db,
    tenants,
    anonymous,
    stack,
    config,
    async as(slug) {
      if (!sessions.has(slug)) sessions.set(slug, await anonymous.login(`owner@${slug}.test`));
      return sessions.get(slug)!;
    },
    async close() {
      await stack.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
