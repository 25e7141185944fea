import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, isUuid, loadConfig, maskError, pageSize, parseId, parseSubgraphUrls, pgArray, uuidv7 } from '@ubos/kernel';

function codeOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return (error as GraphQLError).extensions;
  }
  return undefined;
}

describe('ids', () => {
  it('makes time-ordered version 7 UUIDs', () => {
    const earlier = uuidv7(Date.parse('2026-01-01'));
    const later = uuidv7(Date.parse('2026-01-02'));
    expect(isUuid(earlier)).toBe(true);
    expect(earlier[14]).toBe('7');
    expect(earlier < later).toBe(true);
  });

  it('answers BAD_USER_INPUT naming the argument for a malformed id', () => {
    expect(codeOf(() => parseId('42', 'input.clientId'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clientId' });
  });
});

describe('cursors and page sizes', () => {
  it('round-trips and refuses garbage or a cursor of another list', () => {
    const id = uuidv7();
    expect(decodeCursor(encodeCursor(['Acme', id]), 2)).toEqual(['Acme', id]);
    expect(codeOf(() => decodeCursor(encodeCursor(['Acme', 'not-an-id']), 2))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(decodeCursor(encodeCursor([3]), 1, 'after', { endsWithId: false })).toEqual([3]);
    expect(codeOf(() => decodeCursor('garbage', 2))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(codeOf(() => decodeCursor(encodeCursor(['id-1']), 2))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(pageSize(undefined)).toBe(20);
    expect(codeOf(() => pageSize(101))).toMatchObject({ field: 'first' });
    expect(codeOf(() => pageSize(-1))).toMatchObject({ field: 'first' });
  });

  it('quotes array literals so that values cannot break out', () => {
    expect(pgArray(['A', 'b"c', 'd\\e'])).toBe('{"A","b\\"c","d\\\\e"}');
  });
});

describe('error masking', () => {
  it('keeps domain errors and hides everything else behind the request id', () => {
    const logged: object[] = [];
    const domain = maskError({ message: 'name must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'input.name' } }, 'r1', (entry) => logged.push(entry));
    expect(domain).toEqual({ message: 'name must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'input.name', requestId: 'r1' } });
    const leak = maskError({ message: 'duplicate key value violates unique constraint "users_email_key"', extensions: { stacktrace: ['at x.ts:1'] } }, 'r2', (entry) => logged.push(entry));
    expect(leak).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'r2' } });
    expect(logged).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('defaults to the embedded database with demo data, and turns demo off with DATABASE_URL', () => {
    expect(loadConfig({})).toMatchObject({ port: 4000, demo: true, databaseUrl: undefined, appRole: 'ubos_app' });
    expect(loadConfig({ DATABASE_URL: 'postgres://a@b/c' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://a@b/c', UBOS_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ UBOS_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ APP_DATABASE_URL: 'postgres://svc:pw@db/ubos' }).appRole).toBe('svc');
    expect(() => loadConfig({ UBOS_DEMO: 'maybe' })).toThrow(/UBOS_DEMO/);
  });

  it('parses the distributed subgraph URLs', () => {
    expect(parseSubgraphUrls('crm=http://a:1/graphql, projects=http://b:2/graphql')).toEqual({ crm: 'http://a:1/graphql', projects: 'http://b:2/graphql' });
    expect(() => parseSubgraphUrls('crm')).toThrow(/name=url/);
  });
});
