import { ForeignKeyConstraintViolationException, LockMode, type EntitySchema, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { actorLabel } from '../auth/internal-context.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { parseId } from '../ids.js';
import { parseAsOf } from './history.js';
import type { SubgraphContext } from './context.js';

/**
 * Copies the fields given in an update input onto the entity: an omitted (undefined) field
 * keeps its value, null clears it. Answers the fields that really changed, so a service can
 * skip a write (and its event) when nothing did.
 */
export function assignChanges<T extends object>(entity: T, changes: Partial<T>): string[] {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if ((entity as Record<string, unknown>)[key] !== value) changed.push(key);
    (entity as Record<string, unknown>)[key] = value;
  }
  return changed;
}

/**
 * A single-entity lookup, now or as of an instant. It answers null for a missing id, another
 * tenant's id and a deleted row alike; with asOf, the version valid then (null if the row did
 * not exist yet or was deleted at that time).
 */
export async function lookupAsOf<T extends { deletedAt?: Date | null }>(
  id: string,
  asOf: Date | string | null | undefined,
  loaders: { current: (id: string) => Promise<T | null>; asOf: (id: string, at: Date) => Promise<T | null> },
): Promise<T | null> {
  const parsedId = parseId(id, 'id');
  const at = parseAsOf(asOf);
  if (!at) return loaders.current(parsedId);
  const version = await loaders.asOf(parsedId, at);
  return version && !version.deletedAt ? version : null;
}

/** What every main entity carries for the write path (maintained by the database). */
export interface Tracked {
  id: string;
  version: number;
  deletedAt?: Date | null;
  deletedBy?: string | null;
}

type AnyContext = SubgraphContext<unknown>;

/**
 * Loads a row to change it: locked (SELECT … FOR UPDATE) so that a concurrent writer waits,
 * and checked against the version the caller last saw. A missing id, another tenant's id and
 * a deleted row all answer NOT_FOUND; a stale version answers CONFLICT and changes nothing.
 */
export async function loadForUpdate<T extends Tracked>(
  ctx: AnyContext,
  entity: EntitySchema<T, any>,
  what: string,
  id: string,
  options: { field?: string; expectedVersion?: number | null; includeDeleted?: boolean } = {},
): Promise<T> {
  const field = options.field ?? 'id';
  const row = (await ctx.em.findOne(entity, { id: parseId(id, field) } as FilterQuery<T>, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
    ...(options.includeDeleted ? { filters: { notDeleted: false } } : {}),
  })) as T | null;
  if (!row) throw notFound(what, field);
  if (options.expectedVersion !== undefined && options.expectedVersion !== null && row.version !== options.expectedVersion) {
    throw conflict(`${what} is at version ${row.version}, not ${options.expectedVersion}: reload it and try again`);
  }
  return row;
}

/**
 * Writes the pending changes and reads back what the database owns: the version (bumped by
 * a trigger) and the timestamps. The ORM never writes `version` itself.
 */
export async function flushAndReload<T extends Tracked>(ctx: AnyContext, row: T): Promise<T> {
  await ctx.em.flush();
  await ctx.em.refresh(row, { filters: { notDeleted: false } });
  return row;
}

/**
 * A row's missing references, by foreign key constraint name (or '*' for any foreign key):
 * what is missing and the input field that named it.
 */
export type MissingReferences = Record<string, [what: string, field: string]>;

/**
 * flushAndReload for a write whose foreign keys point at rows this subgraph does not read
 * (another subgraph's, or a row deleted for good meanwhile). The composite foreign keys
 * (organization_id, …) decide, so another tenant's row is as absent as a missing one: a
 * violated key answers NOT_FOUND naming the input field, and nothing is written.
 */
export async function flushOrNotFound<T extends Tracked>(ctx: AnyContext, row: T, missing: MissingReferences): Promise<T> {
  try {
    return await flushAndReload(ctx, row);
  } catch (error) {
    if (error instanceof ForeignKeyConstraintViolationException) {
      const constraint = (error as unknown as { constraint?: string }).constraint;
      const reference = (constraint && missing[constraint]) || missing['*'];
      if (reference) throw notFound(reference[0], reference[1]);
    }
    throw error;
  }
}

/**
 * The event a change announces instead of `<Type><Verb>` on the row itself: a link row (a
 * project of an engagement) announces itself on its parent, as `EngagementProjectAdded`.
 */
export interface AnnouncedEvent {
  eventType: string;
  aggregate: { type: string; id: string };
  payload?: Record<string, unknown>;
}

async function announce<T extends Tracked>(
  ctx: AnyContext,
  row: T,
  type: string,
  verb: string,
  options: { payload?: (row: T) => Record<string, unknown>; event?: (row: T) => AnnouncedEvent },
): Promise<void> {
  const event = options.event?.(row);
  // Another aggregate's event: the row's own version would mean nothing there.
  if (event) await emitDomainEvent(ctx, event.eventType, event.aggregate, event.payload ?? {});
  else await emitDomainEvent(ctx, `${type}${verb}`, { type, id: row.id }, { ...options.payload?.(row), version: row.version });
}

/**
 * The end of a create: writes the new row, reads back what the database owns, and puts
 * `<type>Created` in the outbox in the same transaction. A violated foreign key answers
 * NOT_FOUND as flushOrNotFound says.
 */
export async function insertEntity<T extends Tracked>(
  ctx: AnyContext,
  row: T,
  type: string,
  options: { payload?: (row: T) => Record<string, unknown>; missing?: MissingReferences; event?: (row: T) => AnnouncedEvent } = {},
): Promise<T> {
  await flushOrNotFound(ctx, row, options.missing ?? {});
  await announce(ctx, row, type, 'Created', options);
  return row;
}

/**
 * The end of an update: when anything changed, stamps updatedAt, writes, reads back the new
 * version and puts `<type>Updated` in the outbox with the changed fields, in the same
 * transaction. Nothing changed: nothing is written and nothing announced.
 */
export async function saveChanges<T extends Tracked & { updatedAt: Date }>(
  ctx: AnyContext,
  row: T,
  changed: string[],
  announce: { type: string; payload?: (row: T) => Record<string, unknown>; missing?: MissingReferences },
): Promise<T> {
  if (changed.length === 0) return row;
  row.updatedAt = new Date();
  await flushOrNotFound(ctx, row, announce.missing ?? {});
  await emitDomainEvent(ctx, `${announce.type}Updated`, { type: announce.type, id: row.id }, { changed, version: row.version, ...announce.payload?.(row) });
  return row;
}

// Soft delete and restore have no path of their own: deleteEntity and restoreEntity, which
// always announce, are the only callers.
async function softDelete<T extends Tracked & { updatedAt: Date }>(ctx: AnyContext, row: T): Promise<T> {
  row.deletedAt = new Date();
  row.deletedBy = actorLabel(ctx.actor);
  row.updatedAt = new Date();
  return flushAndReload(ctx, row);
}

async function restore<T extends Tracked & { updatedAt: Date }>(ctx: AnyContext, row: T): Promise<T> {
  if (!row.deletedAt) return row;
  row.deletedAt = null;
  row.deletedBy = null;
  row.updatedAt = new Date();
  return flushAndReload(ctx, row);
}

/**
 * What a service adds to deleteEntity/restoreEntity: `check` runs once the row is loaded and
 * locked, before it changes (throw to refuse: "only a DRAFT can be deleted", "only the author
 * may …"); `payload` adds fields to the `<Type>Deleted`/`<Type>Restored` event; `what` names
 * the row in NOT_FOUND/CONFLICT messages when it differs from the type ("File" for FileObject).
 */
export interface DeleteRestoreOptions<T> {
  check?(row: T): void | Promise<void>;
  payload?(row: T): Record<string, unknown>;
  /** Announce this event instead of `<Type>Deleted`/`<Type>Restored` (see AnnouncedEvent). */
  event?(row: T): AnnouncedEvent;
  what?: string;
  /** The argument that named the row, for NOT_FOUND (`membershipId`); default `id`. */
  field?: string;
}

/**
 * The deleteX mutation of a main entity: locks and checks the row, soft-deletes it and
 * announces `<Type>Deleted` in the outbox with the new version.
 */
export async function deleteEntity<T extends Tracked & { updatedAt: Date }>(
  ctx: AnyContext,
  entity: EntitySchema<T, any>,
  type: string,
  id: string,
  expectedVersion?: number | null,
  options: DeleteRestoreOptions<T> = {},
): Promise<T> {
  const found = await loadForUpdate(ctx, entity, options.what ?? type, id, { expectedVersion, field: options.field });
  await options.check?.(found);
  const row = await softDelete(ctx, found);
  await announce(ctx, row, type, 'Deleted', options);
  return row;
}

/**
 * The restoreX mutation: brings a deleted row back and announces `<Type>Restored`; a live row
 * is answered unchanged (the check runs either way).
 */
export async function restoreEntity<T extends Tracked & { updatedAt: Date }>(
  ctx: AnyContext,
  entity: EntitySchema<T, any>,
  type: string,
  id: string,
  options: DeleteRestoreOptions<T> = {},
): Promise<T> {
  const found = await loadForUpdate(ctx, entity, options.what ?? type, id, { includeDeleted: true, field: options.field });
  await options.check?.(found);
  const wasDeleted = Boolean(found.deletedAt);
  const row = await restore(ctx, found);
  if (wasDeleted) await announce(ctx, row, type, 'Restored', options);
  return row;
}

/**
 * Deletes a soft-deleted row for good (owners and admins). The database function writes the
 * `purged` audit event and keeps every earlier one, and `<Type>Purged` goes to the outbox in
 * the same transaction. A row that is not deleted first, or that other rows still reference,
 * answers CONFLICT; a missing or foreign id NOT_FOUND.
 */
export async function purge<T extends Tracked>(ctx: AnyContext, entity: EntitySchema<T, any>, entityType: string, id: string): Promise<string> {
  requireRole(ctx, ['OWNER', 'ADMIN'], 'Only owners and admins may purge');
  const row = await loadForUpdate(ctx, entity, entityType, id, { includeDeleted: true });
  if (!row.deletedAt) throw conflict(`${entityType} must be deleted before it can be purged`);
  try {
    await ctx.em.execute('select ubos_purge(?, ?) as purged', [entityType, row.id]);
  } catch (error) {
    if ((error as { code?: string }).code === '23503') throw conflict(`${entityType} is still referenced by other records; purge those first`);
    throw error;
  }
  ctx.em.clear();
  await emitDomainEvent(ctx, `${entityType}Purged`, { type: entityType, id: row.id }, { version: row.version });
  return row.id;
}

export function requireRole(ctx: AnyContext, roles: Array<'OWNER' | 'ADMIN' | 'MEMBER'>, message = 'Your role does not allow this'): void {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !roles.includes(actor.role)) throw forbidden(message);
}

/**
 * A domain event in the outbox, written in the transaction of the change it announces, so it
 * exists exactly when the change commits. The worker delivers it (at least once).
 */
export async function emitDomainEvent(
  ctx: AnyContext,
  eventType: string,
  aggregate: { type: string; id: string },
  payload: Record<string, unknown> = {},
): Promise<void> {
  await ctx.em.execute(
    'insert into outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id) values (?, ?, ?, ?, ?::jsonb, ?, ?)',
    [ctx.organizationId(), eventType, aggregate.type, aggregate.id, JSON.stringify(payload), actorLabel(ctx.actor), ctx.requestId],
  );
}

export type { EntityManager };
