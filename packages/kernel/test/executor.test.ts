import { describe, expect, it } from 'vitest';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { badUserInput } from '@ubos/kernel';
import { OperationExecutor } from '../src/graphql/executor.js';

// The subgraph's executor answers as Apollo Server answered a subgraph fetch: the same codes
// for the same mistakes, whatever copy of graphql the caller's errors come from.
const schema = buildSubgraphSchema({
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Thing @key(fields: "id") { id: ID! name: String! }
    type Query { thing(id: ID!, size: Int): Thing failing: String refusing: String }
  `),
  resolvers: {
    Query: {
      thing: (_parent: unknown, { id }: { id: string }) => ({ id, name: `thing ${id}` }),
      failing: () => {
        throw new Error('connection string postgres://secret@host');
      },
      refusing: () => {
        throw badUserInput('No', 'input.name');
      },
    },
  } as any,
});
const executor = new OperationExecutor(schema, (formatted) => formatted);

async function run(query: string | undefined, variables?: Record<string, unknown>, operationName?: string) {
  const prepared = executor.prepare({ query, variables, operationName });
  if ('refused' in prepared) return prepared.refused;
  return executor.execute(prepared.document, { query, variables, operationName }, {});
}

describe('the subgraph executor', () => {
  it('answers data, and the same document again from what it kept', async () => {
    const query = 'query($id: ID!) { thing(id: $id) { id name } }';
    expect(await run(query, { id: '1' })).toEqual({ data: { thing: { id: '1', name: 'thing 1' } } });
    expect(await run(query, { id: '2' })).toEqual({ data: { thing: { id: '2', name: 'thing 2' } } });
    const kept = executor.prepare({ query }) as { document: unknown };
    expect((executor.prepare({ query }) as { document: unknown }).document).toBe(kept.document);
  });

  it('keeps at most 1,000 documents, the oldest going first', () => {
    const executor = new OperationExecutor(schema, (formatted) => formatted);
    const first = (executor.prepare({ query: '{ thing(id: "0") { id } }' }) as { document: unknown }).document;
    for (let index = 1; index <= 1_000; index++) executor.prepare({ query: `{ thing(id: "${index}") { id } }` });
    expect((executor.prepare({ query: '{ thing(id: "1000") { id } }' }) as { document: unknown }).document).toBe((executor.prepare({ query: '{ thing(id: "1000") { id } }' }) as { document: unknown }).document);
    expect((executor.prepare({ query: '{ thing(id: "0") { id } }' }) as { document: unknown }).document).not.toBe(first);
  });

  it('names each refusal with Apollo Server\'s code', async () => {
    expect((await run(undefined)).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect((await run('{ thing(')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await run('{ nothing }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await run('{ __schema { types { name } } }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await run('query A { failing } query B { failing }')).errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect((await run('query A { failing }', undefined, 'C')).errors?.[0]).toEqual({ message: 'Unknown operation named "C".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
    const variable = await run('query($id: ID!, $size: Int) { thing(id: $id, size: $size) { id } }', { id: '1', size: 'big' });
    expect(variable.data).toBeUndefined();
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps a resolver\'s own code and field, and calls anything else an internal error', async () => {
    const refused = await run('{ refusing }');
    expect(refused.errors?.[0]).toMatchObject({ path: ['refusing'], extensions: { code: 'BAD_USER_INPUT', field: 'input.name' } });
    const failed = await run('{ failing }');
    expect(failed.data).toEqual({ failing: null });
    expect(failed.errors?.[0]).toMatchObject({ path: ['failing'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(failed)).not.toContain('stacktrace');
  });
});
