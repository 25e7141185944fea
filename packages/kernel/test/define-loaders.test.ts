import { describe, expect, it } from 'vitest';
import { defineLoaders, type LoaderScope } from '../src/index.js';

const scopeOf = (organizationId: string) => ({ em: {} as LoaderScope['em'], organizationId, countsTotals: false }) as LoaderScope;

describe('defineLoaders', () => {
  it("makes a loader when a fetch first reads it, once per fetch, from that fetch's scope", () => {
    const made: string[] = [];
    const createLoaders = defineLoaders({
      first: (scope) => {
        made.push(`first:${scope.organizationId}`);
        return { organizationId: scope.organizationId };
      },
      second: () => {
        made.push('second');
        return {};
      },
    });
    const alpha = createLoaders(scopeOf('alpha'));
    const beta = createLoaders(scopeOf('beta'));
    expect(made).toEqual([]);
    expect(alpha.first).toBe(alpha.first);
    expect(alpha.first.organizationId).toBe('alpha');
    expect(beta.first).not.toBe(alpha.first);
    expect(beta.first.organizationId).toBe('beta');
    expect(made).toEqual(['first:alpha', 'first:beta']);
    expect(Object.keys(alpha)).toEqual(['first']);
  });
});
