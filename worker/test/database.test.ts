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

// The pool is small (concurrency × 2 + 2) and its waits have no end of their own: code holding a
// transaction that asks for a second connection waits for one that only it can free. Six QuickBooks
// pushes did exactly that at once (each looked up its customer's mapping in a transaction of its
// own) and the worker stopped for good; seen as a hung beforeAll in quickbooks-pull.test.ts.
describe('the worker database refuses to wait on itself', () => {
  const direct = () => new WorkerDatabase(inject('ubosDatabase').adminUrl, 1, sessionTimeouts({ statementTimeoutMs: 2_000, idleInTransactionTimeoutMs: 10_000 }));

  it('a transaction opened inside another fails at once, the outer one rolls back, and the pool serves the next', async () => {
    const db = direct();
    try {
      const nested = db.transaction(async (outer) => {
        await outer.query('create temporary table nested_probe (n int)');
        return db.transaction((inner) => inner.query('select 1'));
      });
      await expect(nested).rejects.toThrow(/inside another/);
      // Rolled back: the outer transaction's table is gone with it, on the one connection there is.
      const { rows } = await db.transaction((client) => client.query<{ present: boolean }>("select to_regclass('pg_temp.nested_probe') is not null as present"));
      expect(rows[0]!.present).toBe(false);
    } finally {
      await db.close();
    }
  });

  it('work a transaction started but did not wait for may open its own once that transaction is over', async () => {
    const db = direct();
    try {
      let later: Promise<unknown> | undefined;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      await db.transaction(async () => {
        later = gate.then(() => db.transaction((client) => client.query('select 1')));
      });
      release();
      await expect(later).resolves.toMatchObject({ rowCount: 1 });
    } finally {
      await db.close();
    }
  });

  it('a wait for a connection ends with an error after the statement timeout instead of never', async () => {
    const db = direct();
    let release!: () => void;
    const held = db.transaction(() => new Promise<void>((resolve) => (release = resolve)));
    try {
      // Another job (no transaction of its own open) while the only connection is held.
      await expect(db.transaction((client) => client.query('select 1'))).rejects.toThrow(/timeout/i);
    } finally {
      release();
      await held;
      await db.close();
    }
  });
});
