import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { findFreePort, seedDemo, type SeededOrganization } from '@ubos/db';
import { generateInternalSecret, InternalContextSigner } from '@ubos/kernel';
import { createTestDatabase, type TestDatabase } from '@ubos/test-support/database';
import { startProcess, waitForHealth, type RunningProcess } from '@ubos/test-support/processes';
import { TEST_ORGANIZATIONS } from '@ubos/test-support/stack';
import type { GatewayContext } from '../src/context.js';
import { SignedRemoteSubgraphSource } from '../src/sources.js';

// The gateway's HTTP transport to a subgraph process (distributed mode), against the real crm
// subgraph behind a relay that can misbehave as a network or a proxy does: close a kept-alive
// socket just as it is reused, answer 502, or pass a refusal through.
let db: TestDatabase;
let tenants: Record<string, SeededOrganization>;
let secret: string;
let crm: RunningProcess;
let crmPort: number;
let relay: http.Server;
let relayUrl: string;
let mode: 'pass' | 'close-reused' | 'bad-gateway' = 'pass';
const requestsPerSocket = new Map<object, number>();

beforeAll(async () => {
  db = await createTestDatabase(inject('ubosDatabase'));
  tenants = await seedDemo(db.adminUrl, TEST_ORGANIZATIONS);
  secret = generateInternalSecret();
  crmPort = await findFreePort();
  crm = startProcess('subgraphs/crm/src/main.ts', { UBOS_INTERNAL_SECRET: secret, APP_DATABASE_URL: db.appUrl, DATABASE_URL: undefined, UBOS_DEMO: '0', UBOS_DB_POOL_MAX: '2', PORT: String(crmPort) });
  await waitForHealth(`http://127.0.0.1:${crmPort}`, crm);
  relay = http.createServer((req, res) => {
    const seen = (requestsPerSocket.get(req.socket) ?? 0) + 1;
    requestsPerSocket.set(req.socket, seen);
    // As a subgraph whose idle timeout fired as the gateway sent on the socket: no answer at all.
    if (mode === 'close-reused' && seen > 1) return void req.socket.destroy();
    if (mode === 'bad-gateway') return void res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
    const upstream = http.request({ port: crmPort, host: '127.0.0.1', path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 500, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  relay.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/graphql`;
}, 120_000);

afterAll(async () => {
  relay?.closeAllConnections();
  relay?.close();
  await crm?.stop();
});

function fetchOf(clientId: string, organizationId: string): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    kind: 'incoming operation',
    request: { query: 'query($id: ID!) { client(id: $id) { name } }', variables: { id: clientId } },
    context: { requestId: 'subgraph-http-test', organizationId, actor: { kind: 'user', userId: tenants.alpha!.userIds['owner@alpha.test'], role: 'OWNER' } } as unknown as GatewayContext,
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

describe('the HTTP transport to a subgraph', () => {
  it('sends again on a fresh socket when the kept-alive one is closed as it is reused, and answers once', async () => {
    const organizationId = tenants.alpha!.organizationId;
    const [client] = await db.admin<{ id: string; name: string }>('select id, name from clients where organization_id = $1 order by id limit 1', [organizationId]);
    const source = new SignedRemoteSubgraphSource(relayUrl, new InternalContextSigner(secret), 'crm', 5_000);
    mode = 'pass';
    requestsPerSocket.clear();
    expect(await source.process(fetchOf(client!.id, organizationId))).toEqual({ data: { client: { name: client!.name } } });
    mode = 'close-reused';
    expect(await source.process(fetchOf(client!.id, organizationId))).toEqual({ data: { client: { name: client!.name } } });
    // The first socket saw the first request and the dropped one; a second socket served the retry.
    expect([...requestsPerSocket.values()]).toEqual([2, 1]);
  });

  it('answers SUBGRAPH_UNAVAILABLE naming the subgraph when a proxy in front of it says 502, and never the proxy\'s body', async () => {
    const source = new SignedRemoteSubgraphSource(relayUrl, new InternalContextSigner(secret), 'crm', 5_000);
    mode = 'bad-gateway';
    const response = await source.process(fetchOf('00000000-0000-7000-8000-000000000000', tenants.alpha!.organizationId));
    expect(response).toEqual({ errors: [{ message: 'The crm service is unavailable; its fields are null', path: ['client'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'crm' } }] });
  });

  it('passes a refusal of the subgraph on as an error with its status (a wrong signature: 401)', async () => {
    const source = new SignedRemoteSubgraphSource(relayUrl, new InternalContextSigner(generateInternalSecret()), 'crm', 5_000);
    mode = 'pass';
    await expect(source.process(fetchOf('00000000-0000-7000-8000-000000000000', tenants.alpha!.organizationId))).rejects.toMatchObject({
      message: '401: Unauthorized',
      extensions: { response: { status: 401 } },
    });
  });

  it('answers SUBGRAPH_UNAVAILABLE at once when nothing listens at the address', async () => {
    const source = new SignedRemoteSubgraphSource(`http://127.0.0.1:${await findFreePort()}/graphql`, new InternalContextSigner(secret), 'crm', 5_000);
    const response = await source.process(fetchOf('00000000-0000-7000-8000-000000000000', tenants.alpha!.organizationId));
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'crm' });
  });
});
