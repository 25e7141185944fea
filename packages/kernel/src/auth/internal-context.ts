import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from './jwt.js';

export const INTERNAL_CONTEXT_HEADER = 'x-ubos-context';

/**
 * Who is acting. Written into the audit trail as `user:<id>`, `apikey:<id>`,
 * `workflow:<run id>` (a workflow step, acting through the graph as a service principal of
 * its tenant), `integration:<connection id>` (an integration's sync, likewise) or `system`.
 */
export type Actor =
  | { kind: 'user'; userId: string; role: Role; sessionId?: string }
  | { kind: 'apikey'; apiKeyId: string; scopes: string[] }
  | { kind: 'workflow'; runId: string }
  /** An integration's sync (QuickBooks) writing into UBOS through the graph; limited to INTEGRATION_SCOPES by the gateway. */
  | { kind: 'integration'; connectionId: string }
  /**
   * A subgraph's handler of an outbox event (a client merge re-pointing its rows): it acts for
   * whoever made the event, so the audit trail names them, under the event's request id.
   */
  | { kind: 'event'; eventId: string; onBehalfOf: string }
  | { kind: 'anonymous' };

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return `user:${actor.userId}`;
  if (actor.kind === 'apikey') return `apikey:${actor.apiKeyId}`;
  if (actor.kind === 'workflow') return `workflow:${actor.runId}`;
  if (actor.kind === 'integration') return `integration:${actor.connectionId}`;
  if (actor.kind === 'event') return actor.onBehalfOf;
  return 'system';
}

/** What the gateway tells a subgraph about one fetch. */
export interface InternalContext {
  requestId: string;
  organizationId: string | null;
  actor: Actor;
  ip?: string;
  userAgent?: string;
}

interface SignedEnvelope extends InternalContext {
  /** Expiry in epoch seconds: a captured header is useless after it. */
  exp: number;
  /** Digest of the query and variables, so a captured header cannot carry another operation. */
  body: string;
}

export class InvalidInternalContextError extends Error {}

export function operationDigest(query: string | undefined, variables: unknown): string {
  return createHash('sha256')
    .update(query ?? '')
    .update('\n')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}

export function generateInternalSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The gateway-to-subgraph signature: HMAC-SHA256 over the envelope. The same signer serves
 * the in-process source and HTTP, so both transports pass the same check.
 */
export class InternalContextSigner {
  private readonly key: Buffer;

  constructor(secret: string, private readonly ttlSeconds = 60) {
    if (!secret || secret.length < 16) throw new Error('UBOS_INTERNAL_SECRET must be at least 16 characters');
    this.key = Buffer.from(secret);
  }

  sign(context: InternalContext, query: string | undefined, variables: unknown): string {
    const envelope: SignedEnvelope = {
      ...context,
      exp: Math.floor(Date.now() / 1000) + this.ttlSeconds,
      body: operationDigest(query, variables),
    };
    const payload = Buffer.from(JSON.stringify(envelope)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  verify(header: string | undefined | null, query: string | undefined, variables: unknown): InternalContext {
    if (!header) throw new InvalidInternalContextError('missing gateway signature');
    const [payload, mac] = header.split('.');
    if (!payload || !mac) throw new InvalidInternalContextError('malformed gateway signature');
    const expected = Buffer.from(this.mac(payload));
    const actual = Buffer.from(mac);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new InvalidInternalContextError('invalid gateway signature');
    }
    const envelope = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignedEnvelope;
    if (envelope.exp < Math.floor(Date.now() / 1000)) throw new InvalidInternalContextError('expired gateway signature');
    if (envelope.body !== operationDigest(query, variables)) throw new InvalidInternalContextError('signature does not cover this operation');
    const { exp: _exp, body: _body, ...context } = envelope;
    return context;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
