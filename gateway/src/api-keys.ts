import { createHash } from 'node:crypto';
import type { Actor } from '@ubos/kernel';
import { ExpiringCache } from './expiring-cache.js';

export interface ApiKeyPrincipal {
  organizationId: string;
  apiKeyId: string;
  scopes: string[];
  persistedOnly: boolean;
  limits: Record<string, unknown>;
}

/**
 * Sends one operation to the identity subgraph, signed like any fetch of the gateway: as an
 * anonymous actor, in the given organization (none for a key lookup).
 */
export type IdentityCaller = (query: string, variables: Record<string, unknown>, organizationId?: string, requestId?: string) => Promise<{ data?: any; errors?: readonly unknown[] }>;

const PRINCIPAL_QUERY = 'query ApiKeyPrincipal($secret: String!) { apiKeyPrincipal(secret: $secret) { organizationId apiKeyId scopes persistedOnly limits } }';

/**
 * Authenticates API keys. The gateway holds no database connection; it asks the identity
 * subgraph, which looks the key up through a narrow SECURITY DEFINER function. Answers are
 * cached briefly (by the secret's digest, never the secret), so a revoked key stops working
 * within `ttlMs`.
 */
export class ApiKeyAuthenticator {
  private readonly cache = new ExpiringCache<ApiKeyPrincipal | null>();

  constructor(
    private readonly callIdentity: IdentityCaller,
    private readonly ttlMs = 30_000,
  ) {}

  /** Whether this secret belongs to a key known live right now (no lookup needed). */
  isKnown(secret: string): boolean {
    return Boolean(this.cache.fresh(digestOf(secret))?.value);
  }

  async authenticate(secret: string): Promise<ApiKeyPrincipal | null> {
    return this.cache.getOrLoad(
      digestOf(secret),
      async () => {
        const result = await this.callIdentity(PRINCIPAL_QUERY, { secret });
        if (result.errors?.length) throw new Error('API key lookup failed');
        const raw = result.data?.apiKeyPrincipal;
        return raw ? { ...raw, limits: JSON.parse(raw.limits || '{}') } : null;
      },
      // Unknown secrets are cached for a shorter time: enough to blunt a flood, not to matter.
      (principal) => (principal ? this.ttlMs : Math.min(this.ttlMs, 5_000)),
    );
  }
}

const digestOf = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export function apiKeyActor(principal: ApiKeyPrincipal): Actor {
  return { kind: 'apikey', apiKeyId: principal.apiKeyId, scopes: principal.scopes };
}
