import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import {
  actorLabel,
  badUserInput,
  conflict,
  emitDomainEvent,
  forbidden,
  insertEntity,
  notFound,
  optionalUrl,
  parseId,
  requireRole,
  requiredText,
  saveChanges,
  uuidv7,
} from '@ubos/kernel';
import { QuickBooksClient, QuickBooksError, integrationKey, openSecret, quickBooksSettings, sealSecret } from '@ubos/quickbooks';
import type { IntegrationsContext } from './context.js';
import { IntegrationConnectionSchema, type IntegrationConnectionEntity, type IntegrationProvider } from './entities/integration-connection.entity.js';
import { MAPPING_TABLES, mappingSelect, toSyncModel, type MappingRow } from './loaders.js';
import type { IntegrationModel, QuickBooksKind, QuickBooksSyncModel } from './mappers.js';

const MANAGERS: Array<'OWNER' | 'ADMIN'> = ['OWNER', 'ADMIN'];
const manage = (ctx: IntegrationsContext) => requireRole(ctx, MANAGERS, 'Only owners and admins manage integrations');
const STATE_TTL_MS = 10 * 60_000;

/** The sealed tokens are bound to their tenant and column: a copied ciphertext does not open. */
export const tokenContext = (organizationId: string, column: 'access' | 'refresh') => `${organizationId}:quickbooks:${column}`;

function requireKey(): Buffer {
  const key = integrationKey();
  if (!key) throw conflict('Integrations are not configured on this server: set UBOS_INTEGRATION_KEY to store their tokens encrypted');
  return key;
}

// ---------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------

export async function listIntegrations(ctx: IntegrationsContext): Promise<IntegrationModel[]> {
  manage(ctx);
  const connections = await ctx.em.find(IntegrationConnectionSchema, {}, { orderBy: { provider: 'ASC' } });
  if (connections.length === 0) return [];
  // Instants as epoch milliseconds: raw rows carry timestamps as PostgreSQL's text.
  const statuses = await ctx.em.execute<Array<{ connection_id: string; last_sync_at: number | null; full_sync_requested_at: number | null; syncing: boolean }>>(
    `select connection_id, (extract(epoch from last_sync_at) * 1000)::float8 as last_sync_at, (extract(epoch from full_sync_requested_at) * 1000)::float8 as full_sync_requested_at,
            full_sync_requested_at is not null and (full_sync_finished_at is null or full_sync_finished_at < full_sync_requested_at) as syncing
       from integration_sync_status where organization_id = ?`,
    [ctx.organizationId()],
  );
  const [figures] = await ctx.em.execute<Array<{ pending: string; conflicts: string; failed: string; oldest: number | null }>>(
    `select sum(pending)::text as pending, sum(conflicts)::text as conflicts, sum(failed)::text as failed, (extract(epoch from min(oldest)) * 1000)::float8 as oldest from (
       ${Object.values(MAPPING_TABLES)
         .map(
           ({ table }) => `select count(*) filter (where sync_state = 'PENDING') as pending, count(*) filter (where sync_state = 'CONFLICT') as conflicts,
                  count(*) filter (where sync_state = 'FAILED') as failed, min(pending_since) filter (where sync_state <> 'SYNCED') as oldest
             from ${table} where organization_id = ?`,
         )
         .join(' union all ')}) figures`,
    [ctx.organizationId(), ctx.organizationId(), ctx.organizationId()],
  );
  return connections.map((connection) => {
    const status = statuses.find((row) => row.connection_id === connection.id);
    // A full sync under way counts from when it was asked for: what it has not reached yet waits too.
    const candidates = [figures?.oldest, status?.syncing ? status.full_sync_requested_at : null].filter((value): value is number => typeof value === 'number');
    const oldest = connection.status === 'DISCONNECTED' || candidates.length === 0 ? null : new Date(Math.min(...candidates));
    return {
      provider: connection.provider,
      status: connection.status,
      realmId: connection.realmId ?? null,
      connectedAt: connection.connectedAt ?? null,
      connectedBy: connection.connectedBy ?? null,
      lastSyncAt: typeof status?.last_sync_at === 'number' ? new Date(status.last_sync_at) : null,
      syncing: connection.status !== 'DISCONNECTED' && Boolean(status?.syncing),
      lastError: connection.lastError ?? null,
      pendingCount: Number(figures?.pending ?? 0),
      conflictCount: Number(figures?.conflicts ?? 0),
      failedCount: Number(figures?.failed ?? 0),
      oldestPendingAt: oldest,
      lag: oldest ? Math.max(0, Math.floor((Date.now() - oldest.getTime()) / 1000)) : 0,
    };
  });
}

async function integrationOf(ctx: IntegrationsContext, provider: IntegrationProvider): Promise<IntegrationModel> {
  ctx.em.clear();
  const found = (await listIntegrations(ctx)).find((integration) => integration.provider === provider);
  if (!found) throw notFound('integration', 'provider');
  return found;
}

// ---------------------------------------------------------------------------------------
// Connecting: OAuth 2 authorization code flow
// ---------------------------------------------------------------------------------------

interface OAuthState {
  organizationId: string;
  actor: string;
  redirectUri: string;
  expiresAt: number;
  nonce: string;
}

function stateKey(key: Buffer): Buffer {
  return createHmac('sha256', key).update('ubos:quickbooks:oauth-state').digest();
}

function signState(key: Buffer, state: OAuthState): string {
  const body = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${body}.${createHmac('sha256', stateKey(key)).update(body).digest('base64url')}`;
}

function readState(ctx: IntegrationsContext, key: Buffer, raw: string): OAuthState {
  const refuse = () => badUserInput('state is not a valid, unexpired state of a connection this user started in this organization', 'state');
  const [body, signature] = raw.split('.');
  if (!body || !signature) throw refuse();
  const expected = Buffer.from(createHmac('sha256', stateKey(key)).update(body).digest('base64url'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refuse();
  const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as OAuthState;
  if (state.organizationId !== ctx.organizationId() || state.actor !== actorLabel(ctx.actor) || state.expiresAt < Date.now()) throw refuse();
  return state;
}

export function connectQuickBooks(ctx: IntegrationsContext, redirectUri: string) {
  manage(ctx);
  const uri = optionalUrl(requiredText(redirectUri, 'redirectUri', 2000), 'redirectUri')!;
  const key = requireKey();
  const expiresAt = Date.now() + STATE_TTL_MS;
  const state = signState(key, { organizationId: ctx.organizationId(), actor: actorLabel(ctx.actor), redirectUri: uri, expiresAt, nonce: randomBytes(12).toString('base64url') });
  return { authorizationUrl: new QuickBooksClient(quickBooksSettings()).authorizationUrl(state, uri), state, expiresAt: new Date(expiresAt) };
}

export async function completeQuickBooksConnection(ctx: IntegrationsContext, code: string, rawState: string, realmId: string): Promise<IntegrationModel> {
  manage(ctx);
  const key = requireKey();
  const state = readState(ctx, key, requiredText(rawState, 'state', 4000));
  const realm = requiredText(realmId, 'realmId', 100);
  if (!/^[0-9A-Za-z-]+$/.test(realm)) throw badUserInput('realmId is not a QuickBooks company id', 'realmId');
  let tokens;
  try {
    // The one call to QuickBooks inside a user's request: the code is single-use and short-lived.
    tokens = await new QuickBooksClient(quickBooksSettings()).exchangeCode(requiredText(code, 'code', 2000), state.redirectUri);
  } catch (error) {
    if (error instanceof QuickBooksError && (error.kind === 'INVALID_GRANT' || error.kind === 'VALIDATION')) throw badUserInput('QuickBooks refused the authorization code (used, expired or for another redirect)', 'code');
    throw conflict('QuickBooks could not be reached to complete the connection; try again');
  }
  const organizationId = ctx.organizationId();
  const now = new Date();
  let connection = await ctx.em.findOne(IntegrationConnectionSchema, { provider: 'QUICKBOOKS' }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const fields = { realmId: realm, status: 'CONNECTED' as const, connectedBy: actorLabel(ctx.actor), connectedAt: now, disconnectedAt: null, disconnectedBy: null, lastError: null };
  if (!connection) {
    connection = ctx.em.create(IntegrationConnectionSchema, { id: uuidv7(), organizationId, provider: 'QUICKBOOKS', createdAt: now, updatedAt: now, ...fields } as IntegrationConnectionEntity);
    await insertEntity(ctx, connection, 'IntegrationConnection', { payload: (row) => ({ provider: row.provider, realmId: row.realmId }) });
  } else {
    // Another company than before: the old mappings point at objects that company does not have.
    if (connection.realmId && connection.realmId !== realm) await deleteMappings(ctx);
    const changed = Object.entries(fields)
      .filter(([name, value]) => String((connection as Record<string, unknown>)[name] ?? null) !== String(value ?? null))
      .map(([name]) => name);
    Object.assign(connection, fields);
    await saveChanges(ctx, connection, changed, { type: 'IntegrationConnection', payload: (row) => ({ provider: row.provider, realmId: row.realmId }) });
  }
  await ctx.em.execute(
    `insert into integration_connection_secrets (organization_id, connection_id, access_token, refresh_token, access_expires_at, refresh_expires_at)
     values (?, ?, ?, ?, ?, ?)
     on conflict (organization_id, connection_id) do update set access_token = excluded.access_token, refresh_token = excluded.refresh_token,
       access_expires_at = excluded.access_expires_at, refresh_expires_at = excluded.refresh_expires_at, updated_at = now()`,
    [organizationId, connection.id, sealSecret(key, tokens.accessToken, tokenContext(organizationId, 'access')), sealSecret(key, tokens.refreshToken, tokenContext(organizationId, 'refresh')), tokens.accessExpiresAt, tokens.refreshExpiresAt],
  );
  // The worker pushes what QuickBooks lacks (everything, the first time; what waited, after a re-authorization).
  await requestFullSync(ctx, connection.id, 'connected');
  return integrationOf(ctx, 'QUICKBOOKS');
}

/** Asks the worker, through the outbox, for a full sync; until it finishes, the integration shows `syncing` and its lag counts from now. */
async function requestFullSync(ctx: IntegrationsContext, connectionId: string, reason: string): Promise<void> {
  const requestedAt = new Date().toISOString();
  await ctx.em.execute(
    `insert into integration_sync_status (organization_id, connection_id, full_sync_requested_at, cdc_since) values (?, ?, ?, ?)
     on conflict (organization_id, connection_id) do update set full_sync_requested_at = excluded.full_sync_requested_at`,
    [ctx.organizationId(), connectionId, requestedAt, requestedAt],
  );
  await emitDomainEvent(ctx, 'IntegrationSyncRequested', { type: 'IntegrationConnection', id: connectionId }, { provider: 'QUICKBOOKS', reason, requestedAt });
}

async function deleteMappings(ctx: IntegrationsContext): Promise<void> {
  for (const { table } of Object.values(MAPPING_TABLES)) await ctx.em.execute(`delete from ${table} where organization_id = ?`, [ctx.organizationId()]);
}

// ---------------------------------------------------------------------------------------
// Disconnecting, resyncing, resolving conflicts
// ---------------------------------------------------------------------------------------

async function lockConnection(ctx: IntegrationsContext, provider: IntegrationProvider): Promise<IntegrationConnectionEntity> {
  const connection = await ctx.em.findOne(IntegrationConnectionSchema, { provider }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!connection || connection.status === 'DISCONNECTED') throw notFound('integration', 'provider');
  return connection;
}

export async function disconnectIntegration(ctx: IntegrationsContext, provider: IntegrationProvider): Promise<IntegrationModel> {
  manage(ctx);
  const connection = await lockConnection(ctx, provider);
  const organizationId = ctx.organizationId();
  const [secret] = await ctx.em.execute<Array<{ refresh_token: string }>>('select refresh_token from integration_connection_secrets where organization_id = ? and connection_id = ?', [organizationId, connection.id]);
  const key = integrationKey();
  if (secret && key) {
    // Revoking the refresh token ends every token of the grant at Intuit. Best effort: the
    // tokens are deleted here whatever the answer, so they can never be used again by UBOS.
    await new QuickBooksClient(quickBooksSettings())
      .revoke(openSecret(key, secret.refresh_token, tokenContext(organizationId, 'refresh')))
      .catch((error) => console.warn(JSON.stringify({ component: 'integrations', msg: 'token revocation failed', error: String(error) })));
  }
  await ctx.em.execute('delete from integration_connection_secrets where organization_id = ? and connection_id = ?', [organizationId, connection.id]);
  await deleteMappings(ctx);
  connection.status = 'DISCONNECTED';
  connection.disconnectedAt = new Date();
  connection.disconnectedBy = actorLabel(ctx.actor);
  connection.lastError = null;
  await saveChanges(ctx, connection, ['status', 'disconnectedAt', 'disconnectedBy'], { type: 'IntegrationConnection', payload: (row) => ({ provider: row.provider }) });
  return integrationOf(ctx, provider);
}

export async function resyncIntegration(ctx: IntegrationsContext, provider: IntegrationProvider): Promise<IntegrationModel> {
  manage(ctx);
  const connection = await lockConnection(ctx, provider);
  if (connection.status !== 'CONNECTED') throw conflict(`The ${provider} connection is ${connection.status}: connect it again first`, { field: 'provider' });
  await requestFullSync(ctx, connection.id, 'resync');
  return integrationOf(ctx, provider);
}

async function findMapping(ctx: IntegrationsContext, id: string, forUpdate: boolean): Promise<{ kind: QuickBooksKind; row: MappingRow } | undefined> {
  for (const kind of Object.keys(MAPPING_TABLES) as QuickBooksKind[]) {
    const [row] = await ctx.em.execute<MappingRow[]>(`${mappingSelect(kind)} where organization_id = ? and id = ?${forUpdate ? ' for update' : ''}`, [ctx.organizationId(), id]);
    if (row) return { kind, row };
  }
  return undefined;
}

export async function resolveQuickBooksConflict(ctx: IntegrationsContext, rawId: string, keep: 'UBOS' | 'QUICKBOOKS'): Promise<QuickBooksSyncModel> {
  manage(ctx);
  const id = parseId(rawId, 'id');
  const found = await findMapping(ctx, id, true);
  if (!found) throw notFound('QuickBooks sync', 'id');
  if (found.row.sync_state !== 'CONFLICT') throw conflict(`This mapping is ${found.row.sync_state}, not in conflict`, { field: 'id' });
  const { table } = MAPPING_TABLES[found.kind];
  await ctx.em.execute(`update ${table} set sync_state = 'PENDING', resolve_keep = ?, updated_at = now() where organization_id = ? and id = ?`, [keep, ctx.organizationId(), id]);
  await emitDomainEvent(ctx, 'QuickBooksConflictResolved', { type: 'QuickBooksSync', id }, { kind: found.kind, entityId: found.row.entity_id, keep });
  const after = await findMapping(ctx, id, false);
  return toSyncModel(found.kind, after!.row);
}

// ---------------------------------------------------------------------------------------
// Pulling: QuickBooks' change notifications, and what could not be recorded
// ---------------------------------------------------------------------------------------

const NOTIFIED_ENTITIES = new Set(['Customer', 'Invoice', 'Payment']);

/**
 * For the gateway's webhook endpoint alone (the field is @inaccessible: no client reaches it),
 * after it checked Intuit's signature: queues the notification, as an outbox event, in each
 * tenant connected to the realm. Nothing slow happens here; the worker reads QuickBooks.
 */
export async function receiveQuickBooksNotification(ctx: IntegrationsContext, realmId: string, entities: unknown): Promise<number> {
  if (ctx.actor.kind !== 'anonymous' || ctx.scope.organizationId) throw forbidden('Only the gateway passes QuickBooks notifications on');
  const realm = requiredText(realmId, 'realmId', 100);
  if (!Array.isArray(entities)) throw badUserInput('entities must be a list', 'entities');
  // Only what the worker needs, as plain strings: the payload is Intuit's, signed but not ours.
  const changes = entities
    .filter((entity): entity is Record<string, unknown> => Boolean(entity) && typeof entity === 'object' && NOTIFIED_ENTITIES.has(String((entity as Record<string, unknown>).name)))
    .slice(0, 1000)
    .map((entity) => ({
      name: String(entity.name),
      id: String(entity.id ?? '').slice(0, 100),
      operation: String(entity.operation ?? '').slice(0, 40),
      lastUpdated: String(entity.lastUpdated ?? '').slice(0, 40),
    }))
    .filter((entity) => entity.id);
  if (changes.length === 0) return 0;
  const [row] = await ctx.em.execute<Array<{ reached: number }>>('select integration_quickbooks_notified(?, ?::jsonb) as reached', [realm, JSON.stringify(changes)]);
  return Number(row?.reached ?? 0);
}

/** Payments made in QuickBooks that UBOS could not record, newest first (at most 100). */
export async function unrecordedPayments(ctx: IntegrationsContext, integration: IntegrationModel): Promise<QuickBooksSyncModel[]> {
  if (integration.provider !== 'QUICKBOOKS' || integration.status === 'DISCONNECTED') return [];
  const rows = await ctx.em.execute<MappingRow[]>(
    `${mappingSelect('PAYMENT')} where organization_id = ? and payment_id is null and origin = 'QUICKBOOKS' and sync_state = 'FAILED' order by updated_at desc, id desc limit 100`,
    [ctx.organizationId()],
  );
  return rows.map((row) => toSyncModel('PAYMENT', row));
}
