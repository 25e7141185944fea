import { describe, expect, it } from 'vitest';
import { toConnection } from '../src/index.js';

describe('toConnection', () => {
  it('encodes a cursor only when it is read, once per edge, and pageInfo names the first and last', () => {
    const encoded: string[] = [];
    const cursorOf = (node: { id: string }) => {
      encoded.push(node.id);
      return `cursor-${node.id}`;
    };
    const page = toConnection([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2, cursorOf, false, () => 3);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(encoded).toEqual([]);
    expect(page.edges[1]!.cursor).toBe('cursor-b');
    expect(page.pageInfo.endCursor).toBe('cursor-b');
    expect(page.pageInfo.startCursor).toBe('cursor-a');
    expect(encoded).toEqual(['b', 'a']);
    expect(toConnection([], 2, cursorOf, true, () => 0).pageInfo).toMatchObject({ startCursor: null, endCursor: null, hasPreviousPage: true });
  });
});
