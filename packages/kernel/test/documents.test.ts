import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { isRefusedDocument, isVariableCoercionError, ValidatedDocuments } from '../src/graphql/documents.js';

// The CommonJS graphql, as the gateway's and the subgraphs' schemas are built with.
const { buildSchema, execute } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = buildSchema('type Query { thing(size: Int): String }');

describe('validated documents', () => {
  it('parses and validates a text once, and says why a text is refused', () => {
    const documents = new ValidatedDocuments(schema);
    const first = documents.get('{ thing }');
    expect(isRefusedDocument(first)).toBe(false);
    expect(documents.get('{ thing }')).toBe(first);
    const syntax = documents.get('{ thing');
    expect(isRefusedDocument(syntax) && syntax.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = documents.get('{ nothing }');
    expect(isRefusedDocument(invalid) && invalid.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(isRefusedDocument(invalid) && invalid.errors[0]!.message).toMatch(/^Cannot query field "nothing" on type "Query"\./);
  });

  it('keeps at most its bound of documents and of characters, dropping the oldest', () => {
    const byCount = new ValidatedDocuments(schema, undefined, { entries: 2, characters: 1_000 });
    const a = byCount.get('{ a: thing }');
    byCount.get('{ b: thing }');
    byCount.get('{ c: thing }');
    expect(byCount.get('{ a: thing }')).not.toBe(a);
    const byCharacters = new ValidatedDocuments(schema, undefined, { entries: 100, characters: 20 });
    const long = byCharacters.get('{ long: thing(size: 1) }');
    expect(byCharacters.get('{ long: thing(size: 1) }')).not.toBe(long);
    const short = byCharacters.get('{ thing }');
    expect(byCharacters.get('{ thing }')).toBe(short);
  });

  it("tells a variable that does not fit its type, as Apollo Server's test does", () => {
    const document = byText('query($size: Int) { thing(size: $size) }');
    const result = execute({ schema, document, variableValues: { size: 'big' } }) as { errors: any[] };
    expect(isVariableCoercionError(result.errors[0])).toBe(true);
    const missing = execute({ schema, document: byText('query($size: Int!) { thing(size: $size) }'), variableValues: {} }) as { errors: any[] };
    expect(isVariableCoercionError(missing.errors[0])).toBe(true);
  });
});

function byText(query: string) {
  const document = new ValidatedDocuments(schema).get(query);
  if (isRefusedDocument(document)) throw new Error(document.errors[0]!.message);
  return document;
}
