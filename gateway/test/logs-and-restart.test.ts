import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase, findFreePort, migrate, seedDemo, startEmbeddedPostgres, withAdminClient, withDatabase, type RunningPostgres, type SeededOrganization } from '@ubos/db';
import { startProcess, waitFor, waitForHealth, type RunningProcess } from '@ubos/test-support/processes';
import { GraphQLClient, TEST_ORGANIZATIONS } from '@ubos/test-support/stack';

// `npm start`'s process (gateway, every subgraph and the worker) as an operator runs it, with
// JSON logs: what its log lines say and never say, T15 (below), and its shutdown.
//
// T15: PostgreSQL stopped and started again under a write load, with that process running
// throughout. During the outage every write
// fails at once with SERVICE_UNAVAILABLE; afterwards the same process serves again, every
// acknowledged write is stored with its audit event, the chain verifies, and the worker has
// dispatched every outbox event, all with no restart of node.
//
// This file runs its own PostgreSQL, since it stops it.
const WRITERS = 4;

let dataDir: string;
let pgPort: number;
let postgres: RunningPostgres;
let adminUrl: string;
let tenants: Record<string, SeededOrganization>;
let server: RunningProcess;
let alpha: GraphQLClient;
let baseUrl: string;

async function startPostgres() {
  postgres = await startEmbeddedPostgres({ dataDir, port: pgPort });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-restart-'));
  fs.chmodSync(dataDir, 0o755);
  pgPort = await findFreePort();
  await startPostgres();
  await ensureDatabase(postgres.adminUrl, 'ubos');
  adminUrl = withDatabase(postgres.adminUrl, 'ubos');
  await migrate(adminUrl);
  tenants = await seedDemo(adminUrl, TEST_ORGANIZATIONS.slice(0, 1));
  const port = await findFreePort();
  server = startProcess('gateway/src/main.ts', {
    DATABASE_URL: adminUrl,
    APP_DATABASE_URL: undefined,
    WORKER_DATABASE_URL: undefined,
    UBOS_DATA_DIR: path.join(dataDir, 'app'),
    UBOS_DEMO: '0',
    PORT: String(port),
    UBOS_RATE_LIMIT_ACTOR: '0',
    UBOS_RATE_LIMIT_TENANT: '0',
    UBOS_WORKER_DISPATCH_MS: '100',
    // A job whose completion could not be recorded during the outage runs again after expiry.
    UBOS_WORKER_EXPIRE_SECONDS: '5',
    UBOS_WORKER_MAINTENANCE_SECONDS: '1',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    // The masked errors are logged, as for a user: the outage test shows them when it fails.
    UBOS_QUIET_ERRORS: '0',
  });
  baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server);
  alpha = await new GraphQLClient(baseUrl).login('owner@alpha.test');
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await postgres?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  phase: Phase;
  status: number;
  id?: string;
  codes: string[];
  messages: string[];
}
type Phase = 'before' | 'outage' | 'restarting' | 'after';

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  tenantId?: string;
  operationName?: string;
  status?: number;
  durationMs?: number;
  errorCodes?: string[];
  [key: string]: unknown;
}

/** The process's log lines; anything printed that is not a JSON object is returned as text. */
function logLines(): Array<LogLine | string> {
  return server
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        return line;
      }
    });
}

async function post(body: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, requestId: response.headers.get('x-request-id'), body: (await response.json()) as any };
}

const PRIVATE = { name: 'Jane Privacy', email: 'jane.privacy@example.com', phone: '+1 555 0100 777', password: 'not-the-password-42' };

describe('logs', () => {
  it('one JSON line per request with its id, tenant, operation, duration, status and error codes, and no token, password, email or personal data in any line', async () => {
    const login = await post(
      { query: 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', variables: { email: 'owner@alpha.test', password: 'ubos-demo' } },
      { 'x-request-id': 'log-login-1' },
    );
    expect(login.requestId).toBe('log-login-1');
    const token: string = login.body.data.login.token;
    const wrongPassword = await post(
      { query: 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', variables: { email: PRIVATE.email, password: PRIVATE.password } },
      { 'x-request-id': 'log-login-2' },
    );
    expect(wrongPassword.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const created = await post(
      { query: 'mutation CreateJane($input: CreateClientInput!) { createClient(input: $input) { id } }', variables: { input: { name: PRIVATE.name, email: PRIVATE.email, phone: PRIVATE.phone } } },
      { authorization: `Bearer ${token}` },
    );
    // No x-request-id sent: one is made, returned, and logged.
    expect(created.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.data.createClient.id).toEqual(expect.any(String));
    const badInput = await post({ query: 'query BadFirst { clients(first: -1) { totalCount } }' }, { authorization: `Bearer ${token}`, 'x-request-id': 'log-bad-1' });
    expect(badInput.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const forged = await post({ query: '{ me { email } }' }, { authorization: `Bearer ${token}x`, 'x-request-id': 'log-forged-1' });
    expect(forged.status).toBe(401);

    const lines = await waitFor(async () => {
      const all = logLines();
      return all.some((line) => typeof line === 'object' && line.requestId === 'log-forged-1') ? all : undefined;
    }, 'the log lines of the requests');
    const requestLine = (id: string) => lines.find((line): line is LogLine => typeof line === 'object' && line.msg === 'request' && line.requestId === id);
    const organizationId = tenants.alpha!.organizationId;
    expect(requestLine('log-login-1')).toMatchObject({ level: 'info', operationName: 'Login', status: 200, path: '/graphql', method: 'POST' });
    expect(requestLine('log-login-1')!.durationMs).toEqual(expect.any(Number));
    expect(requestLine('log-login-1')!.errorCodes).toBeUndefined();
    expect(requestLine('log-login-2')).toMatchObject({ operationName: 'Login', status: 200, errorCodes: ['UNAUTHENTICATED'] });
    expect(requestLine(created.requestId!)).toMatchObject({ operationName: 'CreateJane', status: 200, tenantId: organizationId });
    expect(requestLine('log-bad-1')).toMatchObject({ operationName: 'BadFirst', status: badInput.status, tenantId: organizationId, errorCodes: ['BAD_USER_INPUT'] });
    expect(requestLine('log-forged-1')).toMatchObject({ status: 401, errorCodes: ['UNAUTHENTICATED'] });

    // Startup was logged the same way; the playground's address is the one plain line.
    const json = lines.filter((line): line is LogLine => typeof line === 'object');
    expect(json.some((line) => line.level === 'info' && /GraphQL endpoint/.test(line.msg))).toBe(true);
    expect(lines.filter((line) => typeof line === 'string' && line.trim() !== '').map((line) => (line as string).trim())).toEqual([`Playground: http://localhost:${new URL(baseUrl).port}/`]);

    const text = server.output();
    for (const secret of [token, token.split('.')[2]!, 'ubos-demo', PRIVATE.password, PRIVATE.email, 'owner@alpha.test', PRIVATE.name, PRIVATE.phone, 'Bearer']) {
      expect(text).not.toContain(secret);
    }
  });
});

const admin = <T = any>(sql: string, params: unknown[] = []) => withAdminClient(adminUrl, async (client) => (await client.query(sql, params)).rows as T[]);

describe('PostgreSQL restarted under a write load', () => {
  it('writes fail fast with SERVICE_UNAVAILABLE during the outage; afterwards every acknowledged write is stored and audited, the chain verifies, and the worker dispatched every event', async () => {
    let phase: Phase = 'before';
    let stopping = false;
    const outcomes: Outcome[] = [];
    let sequence = 0;
    const writer = async (index: number) => {
      while (!stopping) {
        const sentIn = phase;
        const name = `load-${index}-${sequence++}`;
        const result = await alpha.request('mutation($input: CreateClientInput!) { createClient(input: $input) { id name } }', { input: { name } });
        outcomes.push({
          phase: sentIn,
          status: result.status,
          id: result.data?.createClient?.id,
          codes: (result.errors ?? []).map((error) => String(error.extensions?.code)),
          messages: (result.errors ?? []).map((error) => error.message),
        });
        // During the outage each answer comes at once; a short pause keeps the loop from spinning.
        if (sentIn === 'outage') await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, index) => writer(index));
    const acknowledged = () => outcomes.filter((outcome) => outcome.id);

    await waitFor(async () => (acknowledged().length >= 20 ? true : undefined), 'writes before the outage', 60_000, server);
    await postgres.stop();
    phase = 'outage';
    await waitFor(async () => (outcomes.filter((outcome) => outcome.phase === 'outage').length >= 20 ? true : undefined), 'answers during the outage', 60_000, server);
    // PostgreSQL accepts connections before startPostgres() returns: those answers belong to no phase.
    phase = 'restarting';
    await startPostgres();
    phase = 'after';
    await waitFor(async () => (outcomes.filter((outcome) => outcome.phase === 'after' && outcome.id).length >= 20 ? true : undefined), 'writes after the restart', 60_000, server);
    stopping = true;
    await Promise.all(writers);

    // During the outage: every write refused, with the clear code and nothing more.
    const duringOutage = outcomes.filter((outcome) => outcome.phase === 'outage');
    // On a failure, the server's own account of what it masked says where an answer came from.
    const masked = () => server.output().split('\n').filter((line) => line.includes('masked error')).join('\n');
    expect(duringOutage.filter((outcome) => outcome.id || outcome.status !== 503 || outcome.codes.join() !== 'SERVICE_UNAVAILABLE'), masked()).toEqual([]);
    // Whatever failed at any moment (in flight when PostgreSQL went away, or while the pools
    // reconnected) failed the same way, never as an internal error with details.
    const failed = outcomes.filter((outcome) => !outcome.id);
    expect(failed.filter((outcome) => outcome.codes.some((code) => code !== 'SERVICE_UNAVAILABLE')), masked()).toEqual([]);
    expect(failed.flatMap((outcome) => outcome.messages).join('\n')).not.toMatch(/ECONNREFUSED|terminat|Knex|select|insert|127\.0\.0\.1/i);

    // Every acknowledged write is there, each with exactly one audit event.
    const ids = acknowledged().map((outcome) => outcome.id!);
    const stored = await admin<{ id: string }>('select id from clients where id = any($1::uuid[])', [ids]);
    expect(stored.length).toBe(ids.length);
    const events = await admin<{ entity_id: string; count: string }>(
      "select entity_id, count(*) from activity_events where entity_type = 'Client' and action = 'created' and entity_id = any($1::uuid[]) group by entity_id",
      [ids],
    );
    expect(events.length).toBe(ids.length);
    expect(events.every((event) => Number(event.count) === 1)).toBe(true);
    // Every row written, acknowledged or not (a commit whose answer was lost), has its event.
    const unaudited = await admin("select id from clients c where name like 'load-%' and not exists (select 1 from activity_events e where e.organization_id = c.organization_id and e.entity_id = c.id and e.action = 'created')");
    expect(unaudited).toEqual([]);

    const verification = await alpha.request('query($org: ID!) { verifyAuditChain(organizationId: $org) { ok eventsChecked firstBrokenEventId } }', { org: tenants.alpha!.organizationId });
    expect(verification.errors).toBeUndefined();
    expect(verification.data.verifyAuditChain.ok).toBe(true);
    expect(verification.data.verifyAuditChain.firstBrokenEventId).toBeNull();

    // The worker recovered by itself: every event of these writes was dispatched and its job done.
    const eventIds = (await admin<{ id: string }>("select id from outbox where event_type = 'ClientCreated' and aggregate_id = any($1::uuid[])", [ids])).map((row) => row.id);
    expect(eventIds.length).toBe(ids.length);
    await waitFor(
      async () => {
        const [row] = await admin<{ pending: string }>("select count(*) as pending from outbox where dispatched_at is null and event_type = 'ClientCreated'");
        return Number(row!.pending) === 0 ? true : undefined;
      },
      'every outbox event dispatched',
      60_000,
    );
    await waitFor(
      async () => {
        const [row] = await admin<{ done: string }>("select count(*) as done from pgboss.job where id = any($1::uuid[]) and state = 'completed'", [eventIds]);
        return Number(row!.done) === eventIds.length ? true : undefined;
      },
      'every event job completed',
      60_000,
    );

    // One node process throughout.
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);
  });
});

describe('shutdown', () => {
  it('is logged like everything else, and ends with exit code 0', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    const messages = logLines()
      .filter((line): line is LogLine => typeof line === 'object')
      .map((line) => line.msg);
    expect(messages).toContain('SIGTERM: shutting down');
    expect(messages[messages.length - 1]).toBe('stopped');
  });
});
