import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphRuntime } from '@ubos/kernel';
import type { GraphQLClient, GraphQLResult } from '@ubos/test-support/stack';
import { startWorkflowStack, type WorkflowStack } from './support.js';

// T16: the serving role's statement, idle-in-transaction and pool-acquire timeouts, and the
// worker role's session limits, each from the configuration; beyond them a request is refused
// at once with SERVICE_UNAVAILABLE (HTTP 503) instead of waiting in a queue without bound.
const POOL_MAX = 2;
const TIMEOUTS = { statementMs: 1_200, idleInTransactionMs: 1_500, acquireMs: 300, subgraphFetchMs: 30_000 };

let stack: WorkflowStack;
let alpha: GraphQLClient;

beforeAll(async () => {
  stack = await startWorkflowStack({ config: { poolMax: POOL_MAX, timeouts: TIMEOUTS } });
  alpha = await stack.as('alpha');
});

afterAll(async () => {
  await stack?.close();
});

const CLIENT_NAMES = '{ clients(first: 5) { edges { node { name } } } }';

function crmRuntime(): SubgraphRuntime<unknown> {
  return stack.stack.runtimes.find((runtime) => runtime.name === 'crm')!;
}

describe('session limits of the serving and worker roles', () => {
  it('every serving connection starts with the configured statement and idle-in-transaction timeouts', async () => {
    const rows = await crmRuntime().orm.em.fork().getConnection().execute<{ statement_timeout: string; idle: string }[]>(
      "select current_setting('statement_timeout') as statement_timeout, current_setting('idle_in_transaction_session_timeout') as idle",
    );
    expect(rows[0]).toEqual({ statement_timeout: '1200ms', idle: '1500ms' });
  });

  it('the worker’s connections carry its own configured limits', async () => {
    const worker = await stack.startWorker({ statementTimeoutMs: 4_500, idleInTransactionTimeoutMs: 7_000 });
    expect(await worker.sessionSettings()).toEqual({ statementTimeout: '4500ms', idleInTransactionTimeout: '7s' });
  });

  it('a serving session left idle inside a transaction is ended by PostgreSQL', async () => {
    const session = await crmRuntime().orm.em.fork().getConnection().getKnex().client.acquireConnection();
    const client = session as pg.Client;
    const ended = new Promise<Error>((resolve) => client.once('error', resolve));
    await client.query('begin');
    expect((await ended).message).toMatch(/idle-in-transaction timeout/);
    await crmRuntime().orm.em.fork().getConnection().getKnex().client.releaseConnection(session);
  });
});

describe('more heavy requests than the pools hold', () => {
  it('are refused with SERVICE_UNAVAILABLE and 503, by statement timeout or acquire timeout, and the service answers normally right after', async () => {
    // Every read of clients waits on this lock, as behind a slow statement, until statement_timeout.
    const locker = new pg.Client({ connectionString: stack.db.adminUrl });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table clients in access exclusive mode');
    let results: GraphQLResult[];
    try {
      results = await Promise.all(Array.from({ length: POOL_MAX * 6 }, () => alpha.request(CLIENT_NAMES)));
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    for (const result of results) {
      expect(result.status, JSON.stringify(result)).toBe(503);
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(result.errors![0]!.extensions!.requestId).toEqual(expect.any(String));
      expect(result.errors![0]!.message).not.toMatch(/lock|clients|select|Knex|pool|stack/i);
    }
    const messages = results.map((result) => result.errors![0]!.message);
    // The connections the pool holds ran into statement_timeout; everyone else gave up waiting for one.
    expect(messages.filter((message) => /took too long/.test(message)).length).toBeGreaterThanOrEqual(1);
    expect(messages.filter((message) => /took too long/.test(message)).length).toBeLessThanOrEqual(POOL_MAX);
    expect(messages.filter((message) => /unavailable or busy/.test(message)).length).toBeGreaterThanOrEqual(results.length - POOL_MAX);

    const after = await alpha.request(CLIENT_NAMES);
    expect(after.errors).toBeUndefined();
    expect(after.status).toBe(200);
    expect(after.data.clients.edges.length).toBeGreaterThan(0);
  });

  it('a mutation refused for the same reason answers its field null with SERVICE_UNAVAILABLE and 503, and writes nothing', async () => {
    const locker = new pg.Client({ connectionString: stack.db.adminUrl });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table clients in access exclusive mode');
    let result: GraphQLResult;
    try {
      result = await alpha.request('mutation { createClient(input: { name: "Timeout Test Client" }) { id } }');
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    expect(result.status).toBe(503);
    expect(result.data).toEqual({ createClient: null });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(await stack.db.admin("select 1 from clients where name = 'Timeout Test Client'")).toHaveLength(0);
  });
});
