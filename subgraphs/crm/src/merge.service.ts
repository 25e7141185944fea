import { LockMode } from '@mikro-orm/core';
import {
  CLIENTS_MERGED,
  CLIENTS_UNMERGE_REQUESTED,
  actorLabel,
  assignChanges,
  badUserInput,
  conflict,
  emitDomainEvent,
  flushAndReload,
  mergeConflicts,
  moveBack,
  moveToSurvivor,
  notFound,
  parseId,
  recordMergeConflict,
  requireRole,
  saveChanges,
  uuidv7,
  type ClientMergePayload,
  type DeliveredEvent,
  type EventHandler,
  type MergedTable,
} from '@ubos/kernel';
import type { CrmContext } from './context.js';
import type { CrmLoaders } from './loaders.js';
import { ClientSchema, type ClientEntity } from './entities/client.entity.js';
import { ClientMergeSchema, type ClientMergeEntity } from './entities/client-merge.entity.js';
import { refreshClientDuplicates } from './duplicates.service.js';
import type { ClientFieldChoice, ClientMergeField } from './__generated__/resolvers-types.js';

/** At most this many duplicates in one merge: a person reviews each. */
const MAX_DUPLICATES = 20;

const FIELD_PROPERTIES: Record<ClientMergeField, 'name' | 'status' | 'email' | 'phone' | 'website' | 'industry' | 'notes'> = {
  NAME: 'name',
  STATUS: 'status',
  EMAIL: 'email',
  PHONE: 'phone',
  WEBSITE: 'website',
  INDUSTRY: 'industry',
  NOTES: 'notes',
};

const mergeEvent = (merge: ClientMergeEntity) => ({ type: 'ClientMerge', id: merge.id });
const payloadOf = (merge: ClientMergeEntity): ClientMergePayload => ({ mergeId: merge.id, survivorId: merge.clientId, duplicateIds: [...merge.duplicateIds] });

/**
 * mergeClients: in one transaction, the survivor takes the chosen values, each duplicate
 * becomes MERGED (soft-deleted, mergedInto the survivor), and ClientsMerged goes to the outbox.
 * The rows of every subgraph (crm's contacts and deals included) follow through that event.
 */
export async function mergeClients(
  ctx: CrmContext,
  survivorId: string,
  duplicateIds: readonly string[],
  fieldChoices: readonly ClientFieldChoice[] | null | undefined,
  expectedVersion?: number | null,
): Promise<ClientMergeEntity> {
  requireRole(ctx, ['OWNER', 'ADMIN'], 'Only owners and admins may merge clients');
  const survivorKey = parseId(survivorId, 'survivorId');
  if (duplicateIds.length === 0) throw badUserInput('Name at least one duplicate', 'duplicateIds');
  if (duplicateIds.length > MAX_DUPLICATES) throw badUserInput(`At most ${MAX_DUPLICATES} duplicates in one merge`, 'duplicateIds');
  const duplicateKeys = duplicateIds.map((id, index) => parseId(id, `duplicateIds.${index}`));
  duplicateKeys.forEach((id, index) => {
    if (id === survivorKey) throw badUserInput('The survivor cannot be one of its duplicates', `duplicateIds.${index}`);
    if (duplicateKeys.indexOf(id) !== index) throw badUserInput('A duplicate is named twice', `duplicateIds.${index}`);
  });

  // Locked in id order, so that two merges over the same clients wait for each other instead of deadlocking.
  const everyone = [survivorKey, ...duplicateKeys];
  const rows = (await ctx.em.find(ClientSchema, { id: { $in: everyone } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } })) as ClientEntity[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const survivor = byId.get(survivorKey);
  if (!survivor) throw notFound('Client', 'survivorId');
  const duplicates = duplicateKeys.map((id, index) => {
    const duplicate = byId.get(id);
    if (!duplicate) throw notFound('Client', `duplicateIds.${index}`);
    return duplicate;
  });
  if (expectedVersion !== undefined && expectedVersion !== null && survivor.version !== expectedVersion) {
    throw conflict(`Client is at version ${survivor.version}, not ${expectedVersion}: reload it and try again`);
  }

  const values = mergedValues(survivor, duplicates, byId, fieldChoices ?? []);
  const survivorVersionBefore = survivor.version;
  await saveChanges(ctx, survivor, assignChanges(survivor, values as Partial<ClientEntity>), { type: 'Client', payload: () => ({ mergedFrom: duplicateKeys }) });

  // Clients merged into a duplicate earlier now stand for the survivor: one step always reaches the golden record.
  await ctx.em.execute('update clients set merged_into = ?, updated_at = now() where organization_id = ? and merged_into = any(?::uuid[])', [
    survivor.id,
    ctx.organizationId(),
    `{${duplicateKeys.join(',')}}`,
  ]);
  const now = new Date();
  const duplicateStatuses: Record<string, string> = {};
  for (const duplicate of duplicates) {
    duplicateStatuses[duplicate.id] = duplicate.status;
    Object.assign(duplicate, { status: 'MERGED', mergedInto: survivor.id, deletedAt: now, deletedBy: actorLabel(ctx.actor), updatedAt: now });
  }
  await ctx.em.flush();

  const merge = ctx.em.create(ClientMergeSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    clientId: survivor.id,
    duplicateIds: duplicateKeys,
    fieldChoices: (fieldChoices ?? []).map((choice) => ({ ...choice })),
    duplicateStatuses,
    survivorVersionBefore,
    survivorVersionAfter: survivor.version,
    status: 'APPLYING',
    mergedBy: actorLabel(ctx.actor),
    requestId: ctx.requestId,
    createdAt: now,
    updatedAt: now,
  } as unknown as ClientMergeEntity);
  await flushAndReload(ctx, merge);
  await emitDomainEvent(ctx, CLIENTS_MERGED, mergeEvent(merge), payloadOf(merge) as unknown as Record<string, unknown>);
  return merge;
}

/**
 * The survivor's values: a chosen client's value where a choice names the field; otherwise the
 * survivor's own, and where it has none, the first duplicate's (in the order given) that has
 * one. Custom fields: the union, the survivor's keys first, then the duplicates' in order,
 * with chosen keys taken from their client (absent there: absent after).
 */
function mergedValues(survivor: ClientEntity, duplicates: ClientEntity[], byId: Map<string, ClientEntity>, choices: readonly ClientFieldChoice[]) {
  const chosen = new Map<string, ClientEntity>();
  choices.forEach((choice, index) => {
    const field = `fieldChoices.${index}`;
    if ((choice.field ? 1 : 0) + (choice.customFieldKey ? 1 : 0) !== 1) throw badUserInput('Give either field or customFieldKey', field);
    const client = byId.get(parseId(choice.clientId, `${field}.clientId`));
    if (!client) throw badUserInput('Choose the survivor or one of the duplicates', `${field}.clientId`);
    const key = choice.field ? `field:${choice.field}` : `custom:${choice.customFieldKey}`;
    if (chosen.has(key)) throw badUserInput('This field is chosen twice', field);
    chosen.set(key, client);
  });
  const values: Record<string, unknown> = {};
  for (const [field, property] of Object.entries(FIELD_PROPERTIES)) {
    const from = chosen.get(`field:${field}`);
    values[property] = from ? from[property] : (survivor[property] ?? duplicates.find((duplicate) => duplicate[property] !== null && duplicate[property] !== undefined)?.[property] ?? null);
  }
  if (values.status === 'MERGED') values.status = survivor.status;
  const customFields: Record<string, unknown> = {};
  for (const client of [...duplicates].reverse().concat(survivor)) Object.assign(customFields, client.customFields ?? {});
  for (const [key, client] of chosen) {
    if (!key.startsWith('custom:')) continue;
    const customKey = key.slice('custom:'.length);
    if (client.customFields && customKey in client.customFields) customFields[customKey] = client.customFields[customKey];
    else delete customFields[customKey];
  }
  values.customFields = customFields;
  return values;
}

/** Why a merge cannot be undone now, or null when it can. */
export async function undoBlocker(ctx: CrmContext, merge: ClientMergeEntity): Promise<string | null> {
  if (merge.status === 'APPLYING') return 'The merge is still being applied: the other subgraphs have not all re-pointed their rows yet; try again once it is COMPLETED';
  if (merge.status === 'UNDOING') return 'The merge is already being undone';
  if (merge.status === 'UNDONE') return 'The merge was already undone';
  const survivor = await ctx.loaders.clientReference.load(merge.clientId);
  if (!survivor) return 'The survivor no longer exists (it was purged)';
  if (survivor.mergedInto) return `The survivor was merged into client ${survivor.mergedInto} since: undo that merge first`;
  if (survivor.deletedAt) return 'The survivor was deleted since: restore it first';
  if (survivor.version !== merge.survivorVersionAfter) {
    return `The survivor changed after the merge (it is at version ${survivor.version}, the merge left version ${merge.survivorVersionAfter}): undoing would overwrite that change`;
  }
  return null;
}

/** unmergeClient: checks nothing newer depends on the merge, then asks every subgraph to move its rows back. */
export async function unmergeClient(ctx: CrmContext, mergeId: string): Promise<ClientMergeEntity> {
  requireRole(ctx, ['OWNER', 'ADMIN'], 'Only owners and admins may undo a merge');
  const merge = (await ctx.em.findOne(ClientMergeSchema, { id: parseId(mergeId, 'mergeId') }, { lockMode: LockMode.PESSIMISTIC_WRITE })) as ClientMergeEntity | null;
  if (!merge) throw notFound('Client merge', 'mergeId');
  // The survivor is locked too, so that no update slips in between the check and the request.
  await ctx.em.findOne(ClientSchema, { id: merge.clientId }, { lockMode: LockMode.PESSIMISTIC_WRITE, filters: { notDeleted: false } });
  const blocker = await undoBlocker(ctx, merge);
  if (blocker) throw conflict(blocker);
  Object.assign(merge, { status: 'UNDOING', undoRequestedBy: actorLabel(ctx.actor), updatedAt: new Date() });
  await flushAndReload(ctx, merge);
  await emitDomainEvent(ctx, CLIENTS_UNMERGE_REQUESTED, mergeEvent(merge), payloadOf(merge) as unknown as Record<string, unknown>);
  return merge;
}

export async function getMerge(ctx: CrmContext, id: string): Promise<ClientMergeEntity | null> {
  return (await ctx.em.findOne(ClientMergeSchema, { id: parseId(id, 'id') })) as ClientMergeEntity | null;
}

export interface MergeReport {
  moves: Array<{ subgraph: string; entityType: string; count: number; movedBack: number }>;
  conflicts: Array<{ subgraph: string; entityType: string; entityIds: string[]; rule: string; changed: Record<string, unknown> }>;
}

/** What the subgraphs noted for a merge (client_merge_effects), grouped. */
export async function mergeReport(ctx: CrmContext, mergeId: string): Promise<MergeReport> {
  const rows = await ctx.em.execute<Array<{ subgraph: string; kind: string; entity_type: string; count: string; moved_back: string; detail: any }>>(
    `select subgraph, kind, entity_type, count(*) as count, count(moved_back_at) as moved_back, (array_agg(detail))[1] as detail
       from client_merge_effects where organization_id = ? and merge_id = ?
      group by subgraph, kind, entity_type, case when kind = 'CONFLICT' then detail end
      order by subgraph, entity_type`,
    [ctx.organizationId(), mergeId],
  );
  return {
    moves: rows.filter((row) => row.kind === 'MOVED').map((row) => ({ subgraph: row.subgraph, entityType: row.entity_type, count: Number(row.count), movedBack: Number(row.moved_back) })),
    conflicts: rows
      .filter((row) => row.kind === 'CONFLICT')
      .map((row) => ({ subgraph: row.subgraph, entityType: row.entity_type, entityIds: row.detail.entityIds, rule: row.detail.rule, changed: row.detail.changed ?? {} })),
  };
}

// ---------------------------------------------------------------------------------------
// crm's own handlers: contacts and deals, then the merge is settled (phase last: after every
// other subgraph re-pointed or moved back its rows).
// ---------------------------------------------------------------------------------------

const CRM_TABLES: MergedTable[] = [
  { table: 'contacts', entityType: 'Contact' },
  { table: 'deals', entityType: 'Deal' },
];
const PRIMARY_CONTACT_RULE = "One primary contact per client: the survivor's stays primary; without one, the first duplicate's (in the order given); the other duplicates' primary contacts become ordinary contacts";

async function lockedMerge(ctx: CrmContext, mergeId: string): Promise<ClientMergeEntity> {
  return (await ctx.em.findOneOrFail(ClientMergeSchema, { id: mergeId }, { lockMode: LockMode.PESSIMISTIC_WRITE })) as ClientMergeEntity;
}

async function settleMerge(ctx: CrmContext, event: DeliveredEvent<ClientMergePayload>): Promise<void> {
  const payload = event.payload;
  const merge = await lockedMerge(ctx, payload.mergeId);
  if (merge.status !== 'APPLYING') return;
  const organizationId = ctx.organizationId();
  // Primary contacts, before they move: keep one.
  const primaries = await ctx.em.execute<Array<{ id: string; client_id: string }>>(
    'select id, client_id from contacts where organization_id = ? and client_id = any(?::uuid[]) and is_primary and deleted_at is null',
    [organizationId, `{${[payload.survivorId, ...payload.duplicateIds].join(',')}}`],
  );
  const order = [payload.survivorId, ...payload.duplicateIds];
  const keep = [...primaries].sort((a, b) => order.indexOf(a.client_id) - order.indexOf(b.client_id))[0];
  const demoted = primaries.filter((row) => row.id !== keep?.id).map((row) => row.id);
  if (demoted.length > 0) {
    await ctx.em.execute('update contacts set is_primary = false, updated_at = now() where organization_id = ? and id = any(?::uuid[])', [organizationId, `{${demoted.join(',')}}`]);
    await recordMergeConflict(ctx, 'crm', payload, { entityType: 'Contact', entityIds: demoted, rule: PRIMARY_CONTACT_RULE, changed: { isPrimary: false } });
  }
  const moved: Record<string, number> = {};
  for (const table of CRM_TABLES) moved[table.entityType] = (await moveToSurvivor(ctx, 'crm', payload, table)).length;
  Object.assign(merge, { status: 'COMPLETED', completedAt: new Date(), updatedAt: new Date() });
  await flushAndReload(ctx, merge);
  // The duplicates are no candidates any more, and the clients that held them refill their places
  // (the survivor's new values come with its ClientUpdated).
  await refreshClientDuplicates(ctx, payload.duplicateIds);
  await emitDomainEvent(ctx, 'ClientMergeCompleted', mergeEvent(merge), { ...payloadOf(merge), moved });
}

async function settleUnmerge(ctx: CrmContext, event: DeliveredEvent<ClientMergePayload>): Promise<void> {
  const payload = event.payload;
  const merge = await lockedMerge(ctx, payload.mergeId);
  if (merge.status !== 'UNDOING') return;
  const organizationId = ctx.organizationId();
  for (const table of CRM_TABLES) await moveBack(ctx, 'crm', payload, table);
  const demoted = (await mergeConflicts(ctx, 'crm', merge.id)).filter((row) => row.entity_type === 'Contact' && row.detail.changed?.isPrimary === false).map((row) => row.entity_id);
  if (demoted.length > 0) {
    await ctx.em.execute('update contacts set is_primary = true, updated_at = now() where organization_id = ? and id = any(?::uuid[])', [organizationId, `{${demoted.join(',')}}`]);
  }
  // The duplicates are clients again, as they were.
  const duplicates = (await ctx.em.find(ClientSchema, { id: { $in: merge.duplicateIds } }, { filters: { notDeleted: false }, lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } })) as ClientEntity[];
  for (const duplicate of duplicates) {
    if (duplicate.mergedInto !== merge.clientId) continue;
    Object.assign(duplicate, { status: merge.duplicateStatuses[duplicate.id] ?? 'ACTIVE', mergedInto: null, deletedAt: null, deletedBy: null, updatedAt: new Date() });
  }
  await ctx.em.flush();
  // The survivor gets its fields from before the merge, from its history.
  const survivor = (await ctx.em.findOne(ClientSchema, { id: merge.clientId }, { filters: { notDeleted: false }, lockMode: LockMode.PESSIMISTIC_WRITE })) as ClientEntity | null;
  const [before] = await ctx.em.execute<Array<{ data: Record<string, any> }>>(
    "select data from entity_history where organization_id = ? and entity_type = 'Client' and entity_id = ? and version = ?",
    [organizationId, merge.clientId, merge.survivorVersionBefore],
  );
  if (survivor && before) {
    const data = before.data;
    const changed = assignChanges(survivor, {
      name: data.name,
      status: data.status,
      email: data.email ?? null,
      phone: data.phone ?? null,
      website: data.website ?? null,
      industry: data.industry ?? null,
      notes: data.notes ?? null,
      customFields: data.custom_fields ?? {},
    } as Partial<ClientEntity>);
    await saveChanges(ctx, survivor, changed, { type: 'Client', payload: () => ({ unmergedFrom: merge.duplicateIds }) });
  }
  Object.assign(merge, { status: 'UNDONE', undoneAt: new Date(), updatedAt: new Date() });
  await flushAndReload(ctx, merge);
  // The duplicates came back without an event of their own.
  await refreshClientDuplicates(ctx, [merge.clientId, ...merge.duplicateIds]);
  await emitDomainEvent(ctx, 'ClientMergeUndone', mergeEvent(merge), payloadOf(merge) as unknown as Record<string, unknown>);
}

export const crmEventHandlers: Record<string, EventHandler<CrmLoaders>> = {
  [CLIENTS_MERGED]: { phase: 'last', handle: (ctx, event) => settleMerge(ctx, event) },
  [CLIENTS_UNMERGE_REQUESTED]: { phase: 'last', handle: (ctx, event) => settleUnmerge(ctx, event) },
};
