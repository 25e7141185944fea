import { createHash } from 'node:crypto';
import { actorLabel } from '../auth/internal-context.js';
import { badUserInput, conflict } from '../errors.js';
import type { SubgraphContext } from './context.js';

/**
 * Idempotency keys, generic for every root mutation field (ARCHITECTURE section 4): a
 * mutation called again with the same `idempotencyKey` returns the result of the first call
 * and changes nothing. Workflow steps always send one (`<run id>:<step>`), so a step whose
 * mutation committed just before a crash is not applied twice when it is retried.
 *
 * The key is stored per tenant in `idempotency_keys`, in the mutation's own transaction:
 * - the first call inserts the key, runs the resolver and stores its result (as JSON), all in
 *   one transaction, so a failed mutation leaves no key and can be retried;
 * - a concurrent call with the same key waits on that row (the unique key), then reads the
 *   committed result;
 * - a later call finds the row and answers the stored result: the fields the caller selects
 *   below it are resolved from it as for the first call (a returned entity as it was then;
 *   its lists as they are now);
 * - the same key for another field, other arguments or another actor answers BAD_USER_INPUT
 *   on `idempotencyKey`.
 *
 * A fetch without a tenant (login) has nowhere to store a key: it is ignored there. A result
 * with a secret in it (a new API key, or a presigned upload URL) is not stored with the secret,
 * which is shown once: its replay answers CONFLICT.
 */
export const IDEMPOTENCY_KEY_ARGUMENT = 'idempotencyKey';
const MAX_KEY_LENGTH = 255;
const SECRET_PROPERTIES = new Set(['secret', 'secretHash', 'passwordHash', 'token', 'refreshToken']);
const DATE_TAG = '$ubosDate';
const REDACTED_TAG = '$ubosRedacted';
/** Written over a stored result by ubos_erase_client (migration 0015). */
const ERASED_TAG = '$ubosErased';

type AnyContext = SubgraphContext<unknown>;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** A digest of the arguments other than the key itself. */
export function requestDigest(args: Record<string, unknown>): string {
  const { [IDEMPOTENCY_KEY_ARGUMENT]: _key, ...rest } = args;
  return createHash('sha256').update(JSON.stringify(canonical(rest))).digest('base64url');
}

/** The result as JSON: dates tagged so they come back as dates, secrets left out. */
export function encodeResult(result: unknown): string {
  let redacted = false;
  const json = JSON.stringify(result === undefined ? null : result, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    if (raw instanceof Date) return { [DATE_TAG]: raw.toISOString() };
    // A presigned URL (createUploadUrl's ticket) is a bearer credential until it expires, and a
    // replay after that would hand out a dead one: kept no more than a secret.
    const presignedUrl = this === result && key === 'url';
    if ((SECRET_PROPERTIES.has(key) || presignedUrl) && raw !== null && raw !== undefined) {
      redacted = true;
      return { [REDACTED_TAG]: true };
    }
    return value;
  });
  return redacted ? JSON.stringify({ [REDACTED_TAG]: true, value: JSON.parse(json) }) : json;
}

export function decodeResult(json: unknown): unknown {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  const parsed = JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof value[DATE_TAG] === 'string' && Object.keys(value).length === 1) return new Date(value[DATE_TAG]);
    return value;
  });
  if (parsed && typeof parsed === 'object' && parsed[ERASED_TAG] === true) {
    throw conflict('The result of this idempotencyKey was erased with its client (eraseClient): use a new key', { field: IDEMPOTENCY_KEY_ARGUMENT });
  }
  if (parsed && typeof parsed === 'object' && parsed[REDACTED_TAG] === true && 'value' in parsed) {
    throw conflict('The first call with this idempotencyKey answered a secret, which is shown once and not kept: it cannot be answered again', {
      field: IDEMPOTENCY_KEY_ARGUMENT,
    });
  }
  return parsed;
}

interface StoredKey {
  operation: string;
  request_digest: string;
  actor: string;
  result: unknown;
}

/**
 * Runs one root mutation field under its idempotency key, inside the field's transaction.
 * Without a key (or without a tenant) it simply runs the field.
 */
export async function withIdempotencyKey<T>(
  ctx: AnyContext,
  field: string,
  args: Record<string, unknown>,
  run: () => Promise<T>,
): Promise<T> {
  const key = args[IDEMPOTENCY_KEY_ARGUMENT];
  const organizationId = ctx.scope.organizationId;
  if (key === undefined || key === null || !organizationId) return run();
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw badUserInput(`idempotencyKey must be 1 to ${MAX_KEY_LENGTH} characters`, IDEMPOTENCY_KEY_ARGUMENT);
  }
  const digest = requestDigest(args);
  const actor = actorLabel(ctx.actor);
  // Inserted first: a concurrent call with the same key waits here until this one ends.
  const inserted = await ctx.em.execute<Array<{ key: string }>>(
    `insert into idempotency_keys (organization_id, key, operation, request_digest, actor) values (?, ?, ?, ?, ?)
     on conflict (organization_id, key) do nothing returning key`,
    [organizationId, key, field, digest, actor],
  );
  if (inserted.length === 0) {
    const [stored] = await ctx.em.execute<StoredKey[]>(
      'select operation, request_digest, actor, result from idempotency_keys where organization_id = ? and key = ?',
      [organizationId, key],
    );
    if (!stored) throw conflict('This idempotencyKey is in use by a request that has not finished; retry it');
    if (stored.operation !== field || stored.request_digest !== digest || stored.actor !== actor) {
      throw badUserInput('This idempotencyKey was used for another request: use a new key for a different operation or arguments', IDEMPOTENCY_KEY_ARGUMENT);
    }
    return decodeResult(stored.result) as T;
  }
  const result = await run();
  await ctx.em.execute('update idempotency_keys set result = ?::jsonb where organization_id = ? and key = ?', [encodeResult(result), organizationId, key]);
  return result;
}
