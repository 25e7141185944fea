import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '@ubos/db';
import { sessionTimeouts, WorkerDatabase } from '../src/database.js';

// PostgreSQL shutting down (a restart, a failover) can end a session in the very TCP packet
// that completes its startup: ReadyForQuery, then FATAL 57P01. pg parses both in one go, so the
// error reaches the new client before any code awaiting pool.connect() has run (createPool in
// @ubos/db gives every connection a listener from the start). Seen in CI:
// the node process died of an unhandled 'error' event during T15 (logs-and-restart.test.ts).
// The relay below forwards to the test run's real PostgreSQL and puts that FATAL right after
// the first connection's ReadyForQuery, in the same chunk.

const READY_FOR_QUERY = Buffer.from([0x5a, 0, 0, 0, 5]);

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', code],
      ['M', message],
    ].map(([type, value]) => Buffer.from(`${type}${value}\0`)),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

let relay: net.Server;
let relayUrl: string;
let connections = 0;

beforeAll(async () => {
  const target = new URL(withDatabase(inject('ubosDatabase').adminUrl, 'postgres'));
  const upstream = { port: Number(target.port), host: target.hostname };
  relay = net.createServer((client) => {
    const ordinal = ++connections;
    const server = net.connect(upstream.port, upstream.host);
    let terminated = false;
    server.on('data', (chunk: Buffer) => {
      const ready = chunk.indexOf(READY_FOR_QUERY);
      if (ordinal === 1 && !terminated && ready !== -1) {
        terminated = true;
        const end = ready + READY_FOR_QUERY.length + 1;
        client.end(Buffer.concat([chunk.subarray(0, end), errorResponse('57P01', 'terminating connection due to administrator command')]));
        server.destroy();
        return;
      }
      if (!terminated) client.write(chunk);
    });
    client.on('data', (chunk) => server.write(chunk));
    client.on('error', () => server.destroy());
    server.on('error', () => client.destroy());
    client.on('close', () => server.destroy());
    server.on('close', () => client.end());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  target.hostname = '127.0.0.1';
  target.port = String((relay.address() as net.AddressInfo).port);
  relayUrl = target.toString();
});

afterAll(async () => {
  await new Promise((resolve) => relay.close(resolve));
});

describe('the worker database', () => {
  it('survives a session ended in the same packet that started it, and the next transaction uses a new connection', async () => {
    const db = new WorkerDatabase(relayUrl, 2, sessionTimeouts({ statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 10_000 }));
    // What would have ended a real process: the test fails on it, not only the run.
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      await expect(db.transaction((client) => client.query('select 1'))).rejects.toThrow(/not queryable|terminat/i);
      const { rows } = await db.transaction((client) => client.query<{ answer: number }>('select 42 as answer'));
      expect(rows[0]!.answer).toBe(42);
      expect(connections).toBe(2);
      expect(uncaught).toEqual([]);
    } finally {
      process.removeListener('uncaughtException', record);
      await db.close();
    }
  });
});
