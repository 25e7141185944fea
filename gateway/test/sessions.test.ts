import { describe, expect, it } from 'vitest';
import { loadConfig, sessionChanges, type VerifiedUserToken } from '@ubos/kernel';
import { SessionVerifier } from '../src/sessions.js';

// The gateway's session check on its own: how long an answer is trusted (the bounded staleness
// the README states), and that a change announced in this process is seen at once. The
// identity subgraph is stood in for by a function that answers what a test sets and counts
// the questions; accounts.test.ts runs the real one.

function identityStandIn() {
  const stand = { role: 'ADMIN' as string | null, asked: 0 };
  const call = async () => {
    stand.asked++;
    return { data: { sessionState: stand.role ? { role: stand.role } : null } };
  };
  return { stand, call };
}

const token = (overrides: Partial<VerifiedUserToken> = {}): VerifiedUserToken => ({
  userId: '0190f5a1-0000-7000-8000-000000000001',
  organizationId: '0190f5a1-0000-7000-8000-0000000000aa',
  role: 'MEMBER',
  sessionId: '0190f5a1-0000-7000-8000-0000000000ff',
  issuedAt: 1_000,
  ...overrides,
});

describe('the session check', () => {
  it('defaults to a recheck interval of 5 seconds (UBOS_SESSION_RECHECK_SECONDS)', () => {
    expect(loadConfig({}).accounts.sessionRecheckSeconds).toBe(5);
    expect(loadConfig({ UBOS_SESSION_RECHECK_SECONDS: '0' }).accounts.sessionRecheckSeconds).toBe(0);
  });

  it('trusts an answer for the interval, and asks again after it: a change elsewhere is seen within 5 s', async () => {
    let now = 2_000_000;
    const { stand, call } = identityStandIn();
    const verifier = new SessionVerifier(call, 5_000, () => now);
    try {
      expect(await verifier.roleOf(token())).toBe('ADMIN');
      expect(stand.asked).toBe(1);
      // Another process removes the member: this gateway is not told.
      stand.role = null;
      now += 4_999;
      expect(await verifier.roleOf(token())).toBe('ADMIN');
      expect(stand.asked).toBe(1);
      now += 1;
      expect(await verifier.roleOf(token())).toBeNull();
      expect(stand.asked).toBe(2);
    } finally {
      verifier.close();
    }
  });

  it('trusts a token for the interval after it was issued, unless its person changed since', async () => {
    const issuedAt = 3_000;
    let now = issuedAt * 1000 + 1_000;
    const { stand, call } = identityStandIn();
    const verifier = new SessionVerifier(call, 5_000, () => now);
    try {
      expect(await verifier.roleOf(token({ issuedAt }))).toBe('MEMBER');
      expect(stand.asked).toBe(0);
      sessionChanges.announce({ userId: token().userId });
      expect(await verifier.roleOf(token({ issuedAt }))).toBe('ADMIN');
      expect(stand.asked).toBe(1);
      now = issuedAt * 1000 + 5_000;
      expect(await verifier.roleOf(token({ issuedAt: issuedAt + 100 }))).toBe('ADMIN');
    } finally {
      verifier.close();
    }
  });

  it('forgets a person at once when this process announces a change, and only that person', async () => {
    const now = 9_000_000;
    const { stand, call } = identityStandIn();
    const verifier = new SessionVerifier(call, 60_000, () => now);
    const other = token({ userId: '0190f5a1-0000-7000-8000-000000000002', sessionId: '0190f5a1-0000-7000-8000-0000000000fe' });
    try {
      await verifier.roleOf(token());
      await verifier.roleOf(other);
      expect(stand.asked).toBe(2);
      stand.role = null;
      sessionChanges.announce({ userId: token().userId, organizationId: token().organizationId });
      expect(await verifier.roleOf(token())).toBeNull();
      expect(await verifier.roleOf(other)).toBe('ADMIN');
      expect(stand.asked).toBe(3);
    } finally {
      verifier.close();
    }
  });

  it('asks every time with an interval of 0', async () => {
    const { stand, call } = identityStandIn();
    const verifier = new SessionVerifier(call, 0, () => 5_000_000);
    try {
      await verifier.roleOf(token({ issuedAt: 5_000 }));
      await verifier.roleOf(token({ issuedAt: 5_000 }));
      expect(stand.asked).toBe(2);
    } finally {
      verifier.close();
    }
  });
});
