import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  API_SCOPES,
  badUserInput,
  assignChanges,
  emitDomainEvent,
  saveChanges,
  loadForUpdate,
  pgArray,
  requiredText,
  requireRole,
  uuidv7,
  actorLabel,
} from '@ubos/kernel';
import type { IdentityContext } from './context.js';
import { ApiKeySchema, type ApiKeyEntity } from './entities/api-key.entity.js';

const SECRET_PATTERN = /^ubos_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;
const KNOWN_SCOPES = new Set<string>(API_SCOPES);

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function isApiKeySecret(token: string): boolean {
  return token.startsWith('ubos_');
}

const requireKeyManager = (ctx: IdentityContext) => requireRole(ctx, ['OWNER', 'ADMIN'], 'Only owners and admins manage API keys');

export async function createApiKey(
  ctx: IdentityContext,
  input: { name: string; scopes: string[]; expiresAt?: Date | string | null; persistedOnly?: boolean | null; limits?: Record<string, number | null | undefined> | null },
): Promise<{ secret: string; apiKey: ApiKeyEntity }> {
  requireKeyManager(ctx);
  const name = requiredText(input.name, 'input.name', 100);
  if (input.scopes.length === 0) throw badUserInput('input.scopes must name at least one scope', 'input.scopes');
  input.scopes.forEach((scope, index) => {
    if (!KNOWN_SCOPES.has(scope)) throw badUserInput(`Unknown scope "${scope}"; known scopes: ${API_SCOPES.join(', ')}`, `input.scopes.${index}`);
  });
  const limits: Record<string, number> = {};
  for (const [name, value] of Object.entries(input.limits ?? {})) {
    if (value === null || value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) throw badUserInput(`input.limits.${name} must be a positive integer`, `input.limits.${name}`);
    limits[name] = value;
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw badUserInput('input.expiresAt must be in the future', 'input.expiresAt');
  // 72 random bits of prefix to find the key, 256 of secret to prove it.
  const prefix = randomBytes(9).toString('base64url');
  const secret = `ubos_${prefix}_${randomBytes(32).toString('base64url')}`;
  const id = uuidv7();
  await ctx.em.execute(
    `insert into api_keys (organization_id, id, name, prefix, secret_hash, scopes, persisted_only, limits, expires_at, created_by)
     values (?, ?, ?, ?, ?, ?::text[], ?, ?::jsonb, ?, ?)`,
    [ctx.organizationId(), id, name, prefix, digest(secret), pgArray([...new Set(input.scopes)]), input.persistedOnly ?? false, JSON.stringify(limits), expiresAt, actorLabel(ctx.actor)],
  );
  const apiKey = (await ctx.em.findOneOrFail(ApiKeySchema, { id })) as ApiKeyEntity;
  // The raw insert above is the one create that cannot go through insertEntity (the ORM may not
  // write or read back secret_hash), so it announces itself here, in the same transaction.
  await emitDomainEvent(ctx, 'ApiKeyCreated', { type: 'ApiKey', id }, { name, scopes: apiKey.scopes, version: apiKey.version });
  return { secret, apiKey };
}

export async function revokeApiKey(ctx: IdentityContext, id: string): Promise<ApiKeyEntity> {
  requireKeyManager(ctx);
  const apiKey = await loadForUpdate(ctx, ApiKeySchema, 'ApiKey', id);
  if (apiKey.revokedAt) return apiKey;
  const changed = assignChanges(apiKey, { revokedAt: new Date(), revokedBy: actorLabel(ctx.actor) });
  return saveChanges(ctx, apiKey, changed, { type: 'ApiKey' });
}

export async function listApiKeys(ctx: IdentityContext, includeRevoked: boolean | null | undefined): Promise<ApiKeyEntity[]> {
  requireKeyManager(ctx);
  return (await ctx.em.find(ApiKeySchema, includeRevoked ? {} : { revokedAt: null }, { orderBy: { id: 'DESC' } })) as ApiKeyEntity[];
}

export interface ApiKeyPrincipal {
  organizationId: string;
  apiKeyId: string;
  scopes: string[];
  persistedOnly: boolean;
  limits: string;
}

/**
 * For the gateway: the key behind a secret, if it is live. Like login, this runs before a
 * tenant is known and reaches api_keys only through auth_find_api_key(); a wrong secret, a
 * revoked, expired or deleted key all answer null.
 */
export async function apiKeyPrincipal(ctx: IdentityContext, secret: string): Promise<ApiKeyPrincipal | null> {
  const match = SECRET_PATTERN.exec(secret);
  if (!match) return null;
  const rows = await ctx.em.execute<Array<{ organization_id: string; api_key_id: string; secret_hash: string; scopes: string[]; persisted_only: boolean; limits: unknown }>>(
    'select organization_id, api_key_id, secret_hash, scopes, persisted_only, limits from auth_find_api_key(?)',
    [match[1]],
  );
  const expected = Buffer.from(digest(secret), 'hex');
  const found = rows.find((row) => {
    const stored = Buffer.from(row.secret_hash, 'hex');
    return stored.length === expected.length && timingSafeEqual(stored, expected);
  });
  if (!found) return null;
  return {
    organizationId: found.organization_id,
    apiKeyId: found.api_key_id,
    scopes: found.scopes,
    persistedOnly: found.persisted_only,
    limits: JSON.stringify(found.limits ?? {}),
  };
}
