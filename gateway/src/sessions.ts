import { sessionChanges, type Role, type SessionChange, type VerifiedUserToken } from '@ubos/kernel';
import type { IdentityCaller } from './api-keys.js';

const STATE_QUERY = 'query SessionState($userId: ID!, $sessionId: ID, $issuedAt: Int!) { sessionState(userId: $userId, sessionId: $sessionId, issuedAt: $issuedAt) { role } }';
const MAX_ENTRIES = 50_000;

/**
 * Whether a user token may still act, and with which role: its session is live (not logged
 * out, not ended by a password change or reset, not expired), its person is still a member,
 * and the role is the membership's role now, not the token's.
 *
 * Asking the identity subgraph on every request would cost a statement each, so an answer is
 * trusted for `recheckMs` (the bounded staleness the README states), and so is a token for
 * `recheckMs` after it was issued (identity issued it for a live session at that moment). In
 * this process, a change to a person's sessions or role (sessionChanges, announced after the
 * change commits) drops what is known of that person at once; a gateway in another process
 * sees the change within `recheckMs`.
 */
export class SessionVerifier {
  private readonly answers = new Map<string, { role: Role | null; until: number; userId: string }>();
  /** When each person last changed, while it still matters (tokens issued before it are checked). */
  private readonly changedAt = new Map<string, number>();
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly callIdentity: IdentityCaller,
    readonly recheckMs: number,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.unsubscribe = sessionChanges.subscribe((change) => this.forget(change));
  }

  /** The role the token's person has now, or null when the token must be refused. */
  async roleOf(token: VerifiedUserToken): Promise<Role | null> {
    const now = this.clock();
    const key = `${token.organizationId}:${token.userId}:${token.sessionId ?? `iat:${token.issuedAt}`}`;
    const known = this.answers.get(key);
    if (known && known.until > now) return known.role;
    const issuedMs = token.issuedAt * 1000;
    const changed = this.changedAt.get(token.userId);
    if (this.recheckMs > 0 && now - issuedMs < this.recheckMs && (changed === undefined || changed < issuedMs)) return token.role;

    const generation = this.generation;
    const result = await this.callIdentity(STATE_QUERY, { userId: token.userId, sessionId: token.sessionId ?? null, issuedAt: token.issuedAt }, token.organizationId);
    if (result.errors?.length) throw new Error(`session check failed: ${JSON.stringify(result.errors)}`);
    const role = (result.data?.sessionState?.role as Role | undefined) ?? null;
    // A change announced while the answer was on its way may have come after it was read.
    if (this.recheckMs > 0 && generation === this.generation) {
      this.answers.delete(key);
      this.answers.set(key, { role, until: now + this.recheckMs, userId: token.userId });
      if (this.answers.size > MAX_ENTRIES) this.answers.delete(this.answers.keys().next().value!);
    }
    return role;
  }

  private forget(change: SessionChange): void {
    this.generation++;
    const now = this.clock();
    this.changedAt.set(change.userId, now);
    for (const [userId, at] of this.changedAt) if (at <= now - this.recheckMs - 1_000) this.changedAt.delete(userId);
    for (const [key, answer] of this.answers) {
      if (answer.userId === change.userId && (!change.organizationId || key.startsWith(`${change.organizationId}:`))) this.answers.delete(key);
    }
  }

  close(): void {
    this.unsubscribe();
  }
}
