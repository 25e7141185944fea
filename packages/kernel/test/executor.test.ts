import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type DocumentNode } from 'graphql';
import { badUserInput } from '@ubos/kernel';
import { OperationExecutor } from '../src/graphql/executor.js';
import { formatGraphQLError, isVariableCoercionError } from '../src/graphql/documents.js';
import { toConnection } from '../src/graphql/cursor.js';

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

  it('keeps the compiled operations of at most its bound of texts, by count and by length, and compiles again one it let go', async () => {
    const bounded = new OperationExecutor(schema, (formatted) => formatted, { entries: 3, characters: 200 });
    const runOn = async (query: string) => bounded.execute((bounded.prepare({ query }) as { document: DocumentNode }).document, { query }, {});
    for (let index = 0; index < 5; index++) expect(await runOn(`{ thing(id: "${index}") { id } }`)).toEqual({ data: { thing: { id: String(index) } } });
    expect(bounded.compiledTexts).toBe(3);
    expect(await runOn('{ thing(id: "0") { id } }')).toEqual({ data: { thing: { id: '0' } } });
    expect(bounded.compiledTexts).toBe(3);
    // Two long texts pass the 200 characters: only the newest stays.
    const long = (index: number) => `{ thing(id: "${index}") { ${'name '.repeat(25)}id } }`;
    await runOn(long(1));
    await runOn(long(2));
    expect(bounded.compiledTexts).toBe(1);
    // Two operations of one text: each compiled, and the text kept once.
    const two = 'query A { thing(id: "a") { id } } query B { thing(id: "b") { name } }';
    const document = (bounded.prepare({ query: two, operationName: 'A' }) as { document: DocumentNode }).document;
    expect(await bounded.execute(document, { query: two, operationName: 'A' }, {})).toEqual({ data: { thing: { id: 'a' } } });
    const texts = bounded.compiledTexts;
    expect(await bounded.execute(document, { query: two, operationName: 'B' }, {})).toEqual({ data: { thing: { name: 'thing b' } } });
    expect(await bounded.execute(document, { query: two, operationName: 'A' }, {})).toEqual({ data: { thing: { id: 'a' } } });
    expect(bounded.compiledTexts).toBe(texts);
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

describe('the compiled executor answers as graphql-js answers', () => {
  // graphql-js as @apollo/subgraph loads it: the reference the answers are compared with.
  const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
  let countsRead = 0;
  const parts = (thingId: string, first: number) =>
    toConnection(
      Array.from({ length: first + 1 }, (_, index) => ({ id: `${thingId}-${index}`, label: index % 2 ? null : `part ${index}` })),
      first,
      (node) => `cursor:${node.id}`,
      false,
      async () => {
        countsRead++;
        return 40;
      },
    );
  const thing = (id: string) => ({ id, name: `thing ${id}`, status: id === '2' ? 'closed' : 'open', at: new Date(Date.UTC(2026, 0, Number(id))), tags: ['a', id], ownerKind: id === '1' ? 'person' : 'team' });
  const compared = buildSubgraphSchema({
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      scalar DateTime
      enum Status { OPEN CLOSED }
      interface Named { name: String! }
      union Owner = Person | Team
      type Person implements Named { name: String! }
      type Team implements Named { name: String! size: Int! }
      type Thing implements Named @key(fields: "id") {
        id: ID! name: String! status: Status! at: DateTime tags: [String!]! owner: Owner
        parts(first: Int = 2): PartConnection!
      }
      type PartConnection { totalCount: Int! edges: [PartEdge!]! pageInfo: PageInfo! }
      type PageInfo { hasNextPage: Boolean! endCursor: String }
      type PartEdge { cursor: String! node: Part! }
      type Part { id: ID! label: String }
      input ThingFilter { ids: [ID!]! status: Status }
      type Query {
        thing(id: ID!): Thing
        things(filter: ThingFilter!, size: Int): [Thing!]!
        named: [Named!]!
        broken: Thing
        refusing: String
        failing: String
      }
    `),
    resolvers: {
      DateTime: new graphql.GraphQLScalarType({
        name: 'DateTime',
        serialize: (value) => (value as Date).toISOString(),
        parseValue: (value) => {
          if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw badUserInput('not a date-time', 'at');
          return new Date(value);
        },
      }),
      Status: { OPEN: 'open', CLOSED: 'closed' },
      Named: { __resolveType: (value: { size?: number }) => (value.size === undefined ? 'Person' : 'Team') },
      Owner: { __resolveType: (value: { size?: number }) => (value.size === undefined ? 'Person' : 'Team') },
      Thing: {
        __resolveReference: (reference: { id: string }) => (reference.id === '0' ? null : thing(reference.id)),
        owner: (parent: { ownerKind: string }) => (parent.ownerKind === 'person' ? { name: 'Ada' } : Promise.resolve({ name: 'Ops', size: 3 })),
        parts: (parent: { id: string }, args: { first: number }) => parts(parent.id, args.first),
      },
      Query: {
        thing: (_parent: unknown, { id }: { id: string }) => (id === '0' ? null : thing(id)),
        things: (_parent: unknown, { filter }: { filter: { ids: string[]; status?: string } }) => filter.ids.map(thing).filter((each) => !filter.status || each.status === filter.status),
        named: () => [{ name: 'Ada' }, { name: 'Ops', size: 3 }],
        broken: () => ({ ...thing('9'), name: null }),
        refusing: () => {
          throw badUserInput('No', 'input.name');
        },
        failing: async () => {
          throw new Error('connection string postgres://secret@host');
        },
      },
    } as any,
  });
  const compiled = new OperationExecutor(compared, (formatted) => formatted);

  async function reference(query: string, variables?: Record<string, unknown>) {
    const result = await graphql.execute({ schema: compared, document: graphql.parse(query), variableValues: variables });
    if (!result.errors) return result;
    return { ...result, errors: result.errors.map((error) => formatGraphQLError(error, isVariableCoercionError(error) ? 'BAD_USER_INPUT' : undefined)) };
  }

  // GraphQL leaves the order of several errors open; graphql-jit puts a null in a non-null field last.
  const inErrorOrder = <R extends { errors?: readonly unknown[] }>(result: R): R =>
    result.errors ? { ...result, errors: [...result.errors].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) } : result;

  const operations: Array<[string, string, Record<string, unknown>?]> = [
    ['fields, aliases, enums, a scalar, lists', '{ thing(id: "2") { id name status at tags other: name } }'],
    ['fragments, unions, interfaces, __typename', '{ thing(id: "1") { ...T owner { __typename ... on Person { name } ... on Team { name size } } } named { __typename name ... on Team { size } } } fragment T on Thing { id }'],
    ['a connection: its lazy count, lazy cursors, page info', 'query($first: Int) { thing(id: "3") { parts(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id label } } } } }', { first: 3 }],
    ['a default argument', '{ thing(id: "3") { parts { edges { node { id } } } } }'],
    ['@include and @skip', 'query($yes: Boolean!) { thing(id: "1") { id @include(if: $yes) name @skip(if: $yes) tags @include(if: false) } }', { yes: true }],
    ['an input object with an enum, and a null', 'query($filter: ThingFilter!) { things(filter: $filter) { id status } none: thing(id: "0") { id } }', { filter: { ids: ['1', '2', '3'], status: 'OPEN' } }],
    ['entities, one of them missing', 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Thing { id name owner { ... on Team { size } } } } }', { representations: [{ __typename: 'Thing', id: '4' }, { __typename: 'Thing', id: '0' }, { __typename: 'Thing', id: '1' }] }],
    ['a null in a non-null field, a refusal and a failure beside data', '{ broken { id name } refusing failing thing(id: "5") { id } }'],
    ['a variable of the wrong type', 'query($filter: ThingFilter!, $size: Int) { things(filter: $filter, size: $size) { id } }', { filter: { ids: ['1'] }, size: 'big' }],
    ['a missing variable and a null for a non-null one', 'query($filter: ThingFilter!, $id: ID!) { things(filter: $filter) { id } thing(id: $id) { id } }', { id: null }],
    ['a bad field deep in an input object', 'query($filter: ThingFilter!) { things(filter: $filter) { id } }', { filter: { ids: ['1', null], status: 'LOST', extra: 1 } }],
  ];

  for (const [what, query, variables] of operations) {
    it(`${what}: the same answer, byte for byte`, async () => {
      const expected = JSON.stringify(inErrorOrder(await reference(query, variables)));
      const prepared = compiled.prepare({ query, variables });
      if ('refused' in prepared) throw new Error(JSON.stringify(prepared.refused));
      // Twice: the second run is the compiled operation that was kept.
      for (const run of [1, 2]) expect([run, JSON.stringify(inErrorOrder(await compiled.execute(prepared.document, { query, variables }, {})))]).toEqual([run, expected]);
    });
  }

  it('counts a connection only when its totalCount is asked', async () => {
    countsRead = 0;
    const query = '{ thing(id: "3") { parts { edges { node { id } } } } }';
    await compiled.execute((compiled.prepare({ query }) as { document: DocumentNode }).document, { query }, {});
    expect(countsRead).toBe(0);
    const counted = '{ thing(id: "3") { parts { totalCount } } }';
    expect(await compiled.execute((compiled.prepare({ query: counted }) as { document: DocumentNode }).document, { query: counted }, {})).toEqual({ data: { thing: { parts: { totalCount: 40 } } } });
    expect(countsRead).toBe(1);
  });
});
