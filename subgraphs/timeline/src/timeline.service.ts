import type { FilterQuery } from '@mikro-orm/core';
import {
  badUserInput,
  conflict,
  findPage,
  forbidden,
  InvalidTokenError,
  notFound,
  parseId,
  unauthenticated,
  type Connection,
  type PageArgs,
  type TokenService,
} from '@ubos/kernel';
import type { TimelineContext } from './context.js';
import { ActivityEventSchema, type ActivityActionValue, type ActivityEventEntity } from './entities/activity-event.entity.js';
import { decodeEventCursor, NEWEST_FIRST, SEALED } from './loaders.js';
import type { AuditCheckpointModel } from './mappers.js';
import type { ActivityFilter, AuditCheckpointInput } from './__generated__/resolvers-types.js';

/** The organization's events, newest first in commit order, narrowed by the filter. */
export function listActivity(ctx: TimelineContext, args: PageArgs & { filter?: ActivityFilter | null }): Promise<Connection<ActivityEventEntity>> {
  ctx.organizationId();
  const filter = args.filter ?? {};
  // Sealed events only: every committed event is; one written with the triggers off is not,
  // and verifyAuditChain reports it.
  const where: FilterQuery<ActivityEventEntity> & Record<string, unknown> = { seq: { $ne: null } };
  if (filter.entityType != null) where.entityType = filter.entityType;
  if (filter.entityId != null) where.entityId = parseId(filter.entityId, 'filter.entityId');
  if (filter.actor != null) where.actor = filter.actor;
  if (filter.action != null) where.action = filter.action.toLowerCase() as ActivityActionValue;
  if (filter.from && filter.to && filter.to.getTime() < filter.from.getTime()) throw badUserInput('filter.to must not be before filter.from', 'filter.to');
  if (filter.from || filter.to) {
    where.occurredAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  }
  if (args.after) decodeEventCursor(args.after);
  return findPage(ctx, ActivityEventSchema, where, args, NEWEST_FIRST);
}

export function timelineOfClient(ctx: TimelineContext, clientId: string, args: PageArgs): Promise<Connection<ActivityEventEntity>> {
  // Checked here so that a forged cursor answers BAD_USER_INPUT rather than a failed cast.
  if (args.after) decodeEventCursor(args.after);
  return ctx.loaders.eventsOfClient(clientId, { first: args.first, after: args.after, conditions: [SEALED] });
}

/** Verifying and exporting the chain is for owners and admins. */
function requireAdmin(ctx: TimelineContext): void {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw unauthenticated();
  if (actor.role !== 'OWNER' && actor.role !== 'ADMIN') throw forbidden('Only owners and admins may verify or export the audit chain');
}

/**
 * Only the token's own organization exists here. Any other id, another tenant's or one that
 * exists nowhere, gets the same answer, decided without a query, so neither the answer nor
 * its timing tells them apart.
 */
function ownOrganization(ctx: TimelineContext, organizationId: string): string {
  const id = parseId(organizationId, 'organizationId');
  if (id !== ctx.organizationId()) throw notFound('Organization', 'organizationId');
  return id;
}

interface ChainState {
  ok: boolean;
  eventsChecked: number;
  firstBrokenEventId: string | null;
  headSeq: number;
  headHash: string;
}

/**
 * The chain as ubos_verify_audit_chain checks it: link by link, unsealed events (written or
 * altered with the triggers off) and a cut-off tail included. It answers for the caller's own
 * tenant only.
 */
async function checkChain(ctx: TimelineContext, organizationId: string): Promise<ChainState> {
  const [row] = await ctx.em.execute<
    Array<{ ok: boolean; events_checked: string; first_broken_event_id: string | null; head_seq: string | null; head_hash: string | null }>
  >('select ok, events_checked, first_broken_event_id, head_seq, head_hash from ubos_verify_audit_chain(?)', [organizationId]);
  if (!row) throw new Error('ubos_verify_audit_chain returned no row');
  return {
    ok: row.ok,
    eventsChecked: Number(row.events_checked),
    firstBrokenEventId: row.first_broken_event_id,
    headSeq: row.head_seq === null ? 0 : Number(row.head_seq),
    headHash: row.head_hash ?? '',
  };
}

/**
 * A checkpoint matches when its signature verifies, it is of this organization, the fields
 * given next to it say what it says, and the event at its seq still has its hash. A chain
 * rewritten as a whole verifies link by link, but not against a checkpoint taken before.
 */
async function checkpointMatches(ctx: TimelineContext, tokens: TokenService, organizationId: string, checkpoint: AuditCheckpointInput): Promise<boolean> {
  let claims: Record<string, unknown>;
  try {
    claims = await tokens.verifyCheckpoint(checkpoint.signature);
  } catch (error) {
    if (error instanceof InvalidTokenError) return false;
    throw error;
  }
  const { org, seq, hash, iat } = claims;
  if (org !== organizationId || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0 || typeof hash !== 'string' || typeof iat !== 'number') return false;
  if (checkpoint.organizationId != null && checkpoint.organizationId.toLowerCase() !== org) return false;
  if (checkpoint.seq != null && checkpoint.seq !== seq) return false;
  if (checkpoint.hash != null && checkpoint.hash !== hash) return false;
  if (checkpoint.issuedAt != null && checkpoint.issuedAt.getTime() !== iat * 1000) return false;
  // The head of an organization without events: nothing to compare, nothing can be missing.
  if (seq === 0) return hash === '';
  const [row] = await ctx.em.execute<Array<{ hash: string | null }>>('select hash from activity_events where organization_id = ? and seq = ?', [organizationId, seq]);
  return row?.hash === hash;
}

export async function verifyAuditChain(
  ctx: TimelineContext,
  tokens: TokenService,
  args: { organizationId: string; checkpoint?: AuditCheckpointInput | null },
) {
  requireAdmin(ctx);
  const organizationId = ownOrganization(ctx, args.organizationId);
  const chain = await checkChain(ctx, organizationId);
  const matches = args.checkpoint ? await checkpointMatches(ctx, tokens, organizationId, args.checkpoint) : null;
  return {
    ok: chain.ok && matches !== false,
    eventsChecked: chain.eventsChecked,
    firstBrokenEventId: chain.firstBrokenEventId,
    checkpointMatches: matches,
  };
}

/**
 * The head of the chain, signed. The chain is verified first: a checkpoint vouches for the
 * chain up to its head, so a broken chain is never signed.
 */
export async function exportAuditCheckpoint(ctx: TimelineContext, tokens: TokenService): Promise<AuditCheckpointModel> {
  requireAdmin(ctx);
  const organizationId = ctx.organizationId();
  const chain = await checkChain(ctx, organizationId);
  if (!chain.ok) throw conflict('The audit chain does not verify, so no checkpoint is issued; see verifyAuditChain');
  const iat = Math.floor(Date.now() / 1000);
  const signature = await tokens.signCheckpoint({ org: organizationId, seq: chain.headSeq, hash: chain.headHash, iat });
  return { organizationId, seq: chain.headSeq, hash: chain.headHash, issuedAt: new Date(iat * 1000), signature };
}
