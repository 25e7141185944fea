import { describe, expect, it } from 'vitest';
import { negotiateContentType } from '../src/request/execute.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';

// The answer's type, chosen from `accept` as Apollo Server chose it with the negotiator package.
describe('content negotiation', () => {
  it.each([
    [undefined, JSON_TYPE],
    ['', JSON_TYPE],
    ['application/json', JSON_TYPE],
    ['*/*', JSON_TYPE],
    ['application/*', JSON_TYPE],
    ['application/graphql-response+json', GRAPHQL_RESPONSE],
    // Equal q: the order the client listed them.
    ['application/graphql-response+json, application/json', GRAPHQL_RESPONSE],
    ['application/json, application/graphql-response+json', JSON_TYPE],
    // Higher q wins over order and over a wildcard.
    ['application/json;q=0.5, application/graphql-response+json', GRAPHQL_RESPONSE],
    ['*/*;q=0.8, application/graphql-response+json;q=0.9', GRAPHQL_RESPONSE],
    // A more specific range decides for its type, even at q=0.
    ['*/*, application/json;q=0', GRAPHQL_RESPONSE],
    ['application/json; charset=utf-8', JSON_TYPE],
    ['application/json; charset=latin1, application/graphql-response+json;q=0.1', GRAPHQL_RESPONSE],
    ['text/html', null],
    ['application/json;q=0', null],
  ])('accept %j answers %j', (accept, expected) => {
    expect(negotiateContentType(accept)).toBe(expected);
    // And the same again, from what it kept.
    expect(negotiateContentType(accept)).toBe(expected);
  });
});
