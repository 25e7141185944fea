import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { IdentityCaller } from './api-keys.js';
import type { GatewayContext } from './context.js';
import { ExpiringCache } from './expiring-cache.js';

const LOOKUP = 'query PersistedOperation($sha256: String!) { persistedOperation(sha256: $sha256) { query } }';

interface GraphQLBody {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * Registered operations for keys that accept nothing else. The request names the operation
 * by hash (extensions.persistedQuery.sha256Hash, as APQ clients send it) or sends its text,
 * which must hash to a registered one. Registrations are per organization and cached here
 * for a minute.
 */
export class PersistedOperations {
  private readonly cache = new ExpiringCache<string | null>();

  constructor(
    private readonly callIdentity: IdentityCaller,
    private readonly ttlMs = 60_000,
  ) {}

  private lookup(organizationId: string, sha256: string): Promise<string | null> {
    return this.cache.getOrLoad(
      `${organizationId}:${sha256}`,
      async () => {
        const result = await this.callIdentity(LOOKUP, { sha256 }, organizationId);
        if (result.errors?.length) throw new Error('persisted operation lookup failed');
        return (result.data?.persistedOperation?.query as string | undefined) ?? null;
      },
      (query) => (query ? this.ttlMs : 5_000),
    );
  }

  /** The body to execute for a persisted-only key, or the error that refuses it. */
  async resolve(body: unknown, context: GatewayContext): Promise<GraphQLBody> {
    const organizationId = context.organizationId!;
    const request = (body ?? {}) as GraphQLBody;
    // A persisted-only key sends one registered operation per request: no batches.
    if (Array.isArray(body) || typeof body !== 'object') throw registeredOperationsOnly();
    if (typeof request.query === 'string' && request.query.length > 0) {
      const sha256 = createHash('sha256').update(request.query).digest('hex');
      if (!(await this.lookup(organizationId, sha256))) throw registeredOperationsOnly();
      return request;
    }
    const sha256 = request.extensions?.persistedQuery?.sha256Hash;
    if (typeof sha256 !== 'string') throw registeredOperationsOnly();
    const query = await this.lookup(organizationId, sha256.toLowerCase());
    if (!query) throw new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    const { persistedQuery: _persistedQuery, ...extensions } = request.extensions ?? {};
    return { ...request, query, extensions };
  }
}

export function registeredOperationsOnly(): GraphQLError {
  return new GraphQLError('This API key accepts registered operations only', { extensions: { code: 'FORBIDDEN' } });
}
