import type { FilterQuery } from '@mikro-orm/core';
import {
  insertEntity,
  saveChanges,
  deleteEntity,
  restoreEntity,
  assignChanges,
  badUserInput,
  conflict,
  includeDeletedRows,
  emitDomainEvent,
  findPage,
  loadForUpdate,
  lookupAsOf,
  money,
  notFound,
  optionalEmail,
  optionalText,
  optionalUrl,
  parseId,
  requireRole,
  requiredInput,
  requiredText,
  uuidv7,
  AddressParseError,
  countryCode,
  formatAddress,
  parseFreeTextAddress,
  tenantSchemaVersion,
  type PostalAddress,
  type Connection,
  type PageArgs,
  type SortOrder,
} from '@ubos/kernel';
import { clientCustomFields, contactCustomFields, dealCustomFields } from './custom-fields.js';
import type { CrmContext } from './context.js';
import { ClientSchema, type ClientEntity } from './entities/client.entity.js';
import { ContactSchema, type ContactEntity } from './entities/contact.entity.js';
import { DealSchema, type DealEntity } from './entities/deal.entity.js';
import type {
  ClientFilter,
  ClientOrderBy,
  CreateClientInput,
  CreateContactInput,
  CreateDealInput,
  DealFilter,
  PostalAddressInput,
  UpdateClientInput,
  UpdateContactInput,
  UpdateDealInput,
} from './__generated__/resolvers-types.js';

const CLIENT_ORDERS: Record<ClientOrderBy, SortOrder<ClientEntity>> = {
  NAME_ASC: { properties: ['name', 'id'], direction: 'ASC' },
  NAME_DESC: { properties: ['name', 'id'], direction: 'DESC' },
  // Ids are UUID v7, ordered by creation time, so they order by creation without a timestamp
  // in the cursor (JavaScript dates would drop PostgreSQL's microseconds).
  CREATED_AT_ASC: { properties: ['id'], direction: 'ASC' },
  CREATED_AT_DESC: { properties: ['id'], direction: 'DESC' },
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export async function listClients(ctx: CrmContext, args: PageArgs & { filter?: ClientFilter | null; orderBy?: ClientOrderBy | null }): Promise<Connection<ClientEntity>> {
  const where: FilterQuery<ClientEntity> = {};
  const search = args.filter?.search?.trim();
  if (search) where.name = { $ilike: `%${escapeLike(search)}%` };
  if (args.filter?.status) where.status = { $in: args.filter.status };
  const withCustomFields = await clientCustomFields.conditions<ClientEntity>(ctx, args.filter?.customFields);
  return findPage(ctx, ClientSchema, () => withCustomFields(where), args, CLIENT_ORDERS[args.orderBy ?? 'NAME_ASC']);
}

/**
 * A client by id. A merged client's id answers its survivor (mergedInto always names a live
 * golden record: a later merge of the survivor re-points it), so links kept from before the
 * merge keep working; the caller sees the redirect in the answer's id. With asOf, the client
 * as it was then, merged or not.
 */
export async function getClient(ctx: CrmContext, id: string, asOf?: Date | string | null): Promise<ClientEntity | null> {
  const found = await lookupAsOf(id, asOf, { current: (key) => ctx.loaders.clientById.load(key), asOf: ctx.loaders.clientHistory.asOf });
  if (found || asOf) return found;
  const merged = await ctx.loaders.clientReference.load(parseId(id, 'id'));
  return merged?.mergedInto ? ctx.loaders.clientById.load(merged.mergedInto) : null;
}

export function getContact(ctx: CrmContext, id: string, asOf?: Date | string | null): Promise<ContactEntity | null> {
  return lookupAsOf(id, asOf, { current: (key) => ctx.loaders.contactById.load(key), asOf: ctx.loaders.contactHistory.asOf });
}

export function getDeal(ctx: CrmContext, id: string, asOf?: Date | string | null): Promise<DealEntity | null> {
  return lookupAsOf(id, asOf, { current: (key) => ctx.loaders.dealById.load(key), asOf: ctx.loaders.dealHistory.asOf });
}

export async function listDeals(ctx: CrmContext, args: PageArgs & { filter?: DealFilter | null }): Promise<Connection<DealEntity>> {
  const where: FilterQuery<DealEntity> = args.filter?.stage ? { stage: { $in: args.filter.stage } } : {};
  const withCustomFields = await dealCustomFields.conditions<DealEntity>(ctx, args.filter?.customFields);
  return findPage(ctx, DealSchema, () => withCustomFields(where), args, { properties: ['id'], direction: 'DESC' });
}

/** A live client of this tenant, or NOT_FOUND naming the input field. */
async function requireClient(ctx: CrmContext, id: string, field: string): Promise<ClientEntity> {
  const client = await ctx.em.findOne(ClientSchema, { id: parseId(id, field) });
  if (!client) throw notFound('Client', field);
  return client;
}

function clientFields(input: CreateClientInput | UpdateClientInput) {
  return {
    email: optionalEmail(input.email, 'input.email'),
    phone: optionalText(input.phone, 'input.phone', 50),
    website: optionalUrl(input.website, 'input.website'),
    industry: optionalText(input.industry, 'input.industry', 100),
    notes: optionalText(input.notes, 'input.notes', 10_000),
  };
}

const clientEvent = (client: ClientEntity) => ({ type: 'Client', id: client.id });

function postalAddress(input: PostalAddressInput): PostalAddress {
  const country = countryCode(requiredText(input.country, 'input.address.country'));
  if (!country || !/^[A-Za-z]{2}$/.test(input.country.trim())) throw badUserInput('country must be an ISO 3166-1 alpha-2 code, e.g. US or DE', 'input.address.country');
  return {
    line1: requiredText(input.line1, 'input.address.line1', 200),
    line2: optionalText(input.line2, 'input.address.line2', 200) ?? null,
    city: optionalText(input.city, 'input.address.city', 100) ?? null,
    region: optionalText(input.region, 'input.address.region', 100) ?? null,
    postalCode: optionalText(input.postalCode, 'input.address.postalCode', 20) ?? null,
    country,
  };
}

/**
 * The address columns a write sets, in the shape of the tenant's schema version: version 1
 * stores free text; version 2, and a tenant migrating to it, stores the structure (free text
 * sent by an older app is parsed, so it keeps working). Undefined when the input has neither.
 */
async function addressColumns(ctx: CrmContext, input: CreateClientInput | UpdateClientInput): Promise<Pick<ClientEntity, 'address' | 'fullAddress'> | undefined> {
  if (input.address === undefined && input.fullAddress === undefined) return undefined;
  if (input.address !== undefined && input.fullAddress !== undefined) throw badUserInput('Give address or fullAddress, not both', 'input.fullAddress');
  if (input.address === null || input.fullAddress === null) return { address: null, fullAddress: null };
  const { version, migratingTo } = await tenantSchemaVersion(ctx);
  const structured = Math.max(version, migratingTo ?? 0) >= 2;
  if (input.address) {
    if (!structured) throw badUserInput('This organization is on schema version 1, where an address is free text: send fullAddress (or move to version 2)', 'input.address');
    return { address: postalAddress(input.address), fullAddress: null };
  }
  const text = optionalText(input.fullAddress, 'input.fullAddress', 1000);
  if (!text) return { address: null, fullAddress: null };
  if (!structured) return { address: null, fullAddress: text };
  try {
    return { address: parseFreeTextAddress(text), fullAddress: null };
  } catch (error) {
    if (error instanceof AddressParseError) throw badUserInput(`The address ${error.message}`, 'input.fullAddress');
    throw error;
  }
}

/** Client.address: the structure, for tenants served on version 2 and later. */
export async function clientAddress(ctx: CrmContext, client: ClientEntity): Promise<PostalAddress | null> {
  const { version } = await tenantSchemaVersion(ctx);
  return version >= 2 ? (client.address ?? null) : null;
}

/** Client.fullAddress: derived from the structure where the row has one, else the text it stored. */
export function clientFullAddress(client: ClientEntity): string | null {
  return client.address ? formatAddress(client.address) : (client.fullAddress ?? null);
}

/** MERGED is the outcome of mergeClients, never a status to set by hand. */
function settableStatus<S extends string | null | undefined>(status: S): S {
  if (status === 'MERGED') throw badUserInput('MERGED is set by mergeClients', 'input.status');
  return status;
}

export async function createClient(ctx: CrmContext, input: CreateClientInput): Promise<ClientEntity> {
  const now = new Date();
  const client = ctx.em.create(ClientSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    name: requiredText(input.name, 'input.name'),
    status: settableStatus(input.status) ?? 'ACTIVE',
    ...clientFields(input),
    ...((await addressColumns(ctx, input)) ?? { address: null, fullAddress: null }),
    customFields: await clientCustomFields.apply(ctx, input.customFields, null),
    createdAt: now,
    updatedAt: now,
  } as ClientEntity);
  return insertEntity(ctx, client, 'Client', { payload: (row) => ({ name: row.name, status: row.status }) });
}

export async function updateClient(ctx: CrmContext, id: string, input: UpdateClientInput, expectedVersion?: number | null): Promise<ClientEntity> {
  const client = await loadForUpdate(ctx, ClientSchema, 'Client', id, { expectedVersion });
  const changed = assignChanges(client, {
    name: input.name === undefined ? undefined : requiredText(input.name, 'input.name'),
    status: input.status === undefined ? undefined : settableStatus(requiredInput(input.status, 'input.status')),
    ...clientFields(input),
    ...(await addressColumns(ctx, input)),
    customFields: await clientCustomFields.apply(ctx, input.customFields, client.customFields),
  } as Partial<ClientEntity>);
  return saveChanges(ctx, client, changed, { type: 'Client' });
}

export function deleteClient(ctx: CrmContext, id: string, expectedVersion?: number | null): Promise<ClientEntity> {
  return deleteEntity(ctx, ClientSchema, 'Client', id, expectedVersion);
}

export function restoreClient(ctx: CrmContext, id: string): Promise<ClientEntity> {
  return restoreEntity(ctx, ClientSchema, 'Client', id, {
    check(client) {
      if (client.mergedInto) throw conflict(`Client was merged into ${client.mergedInto}: undo the merge with unmergeClient instead`);
    },
  });
}

/**
 * Erasure is a database operation (ubos_erase_client), because it must reach the history and
 * the audit trail, which the serving role can only read. Owners only.
 */
export async function eraseClient(ctx: CrmContext, id: string): Promise<ClientEntity> {
  requireRole(ctx, ['OWNER'], 'Only organization owners may erase a client');
  const client = await loadForUpdate(ctx, ClientSchema, 'Client', id, { includeDeleted: true });
  await ctx.em.execute('select ubos_erase_client(?) as erased', [client.id]);
  await emitDomainEvent(ctx, 'ClientErased', clientEvent(client));
  // The same person's records merged into this one are forgotten with it.
  const merged = await ctx.em.execute<Array<{ id: string }>>('select id from clients where organization_id = ? and merged_into = ? order by id', [ctx.organizationId(), client.id]);
  for (const { id: mergedId } of merged) {
    await ctx.em.execute('select ubos_erase_client(?) as erased', [mergedId]);
    await emitDomainEvent(ctx, 'ClientErased', { type: 'Client', id: mergedId }, { mergedInto: client.id });
  }
  // Contacts of this client in the identity map now hold stale personal values.
  ctx.em.clear();
  return (await ctx.em.findOneOrFail(ClientSchema, { id: client.id }, { filters: { notDeleted: false } })) as ClientEntity;
}

/** Only one primary contact per client: promoting one demotes the others. */
async function demoteOtherPrimaryContacts(ctx: CrmContext, clientId: string, keepId: string): Promise<void> {
  await ctx.em.nativeUpdate(ContactSchema, { clientId, isPrimary: true, id: { $ne: keepId } }, { isPrimary: false, updatedAt: new Date() });
}

export async function createContact(ctx: CrmContext, input: CreateContactInput): Promise<ContactEntity> {
  const client = await requireClient(ctx, input.clientId, 'input.clientId');
  const now = new Date();
  const contact = ctx.em.create(ContactSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    clientId: client.id,
    firstName: requiredText(input.firstName, 'input.firstName', 100),
    lastName: optionalText(input.lastName, 'input.lastName', 100) ?? '',
    email: optionalEmail(input.email, 'input.email') ?? null,
    phone: optionalText(input.phone, 'input.phone', 50) ?? null,
    title: optionalText(input.title, 'input.title', 100) ?? null,
    isPrimary: input.isPrimary ?? false,
    customFields: await contactCustomFields.apply(ctx, input.customFields, null),
    createdAt: now,
    updatedAt: now,
  } as ContactEntity);
  await insertEntity(ctx, contact, 'Contact', { payload: (row) => ({ clientId: row.clientId }) });
  if (contact.isPrimary) await demoteOtherPrimaryContacts(ctx, client.id, contact.id);
  return contact;
}

export async function updateContact(ctx: CrmContext, id: string, input: UpdateContactInput, expectedVersion?: number | null): Promise<ContactEntity> {
  const contact = await loadForUpdate(ctx, ContactSchema, 'Contact', id, { expectedVersion });
  const changed = assignChanges(contact, {
    firstName: input.firstName === undefined ? undefined : requiredText(input.firstName, 'input.firstName', 100),
    lastName: input.lastName === undefined ? undefined : (optionalText(input.lastName, 'input.lastName', 100) ?? ''),
    email: optionalEmail(input.email, 'input.email'),
    phone: optionalText(input.phone, 'input.phone', 50),
    title: optionalText(input.title, 'input.title', 100),
    isPrimary: input.isPrimary === undefined ? undefined : requiredInput(input.isPrimary, 'input.isPrimary'),
    customFields: await contactCustomFields.apply(ctx, input.customFields, contact.customFields),
  } as Partial<ContactEntity>);
  await saveChanges(ctx, contact, changed, { type: 'Contact', payload: (row) => ({ clientId: row.clientId }) });
  if (changed.length > 0 && input.isPrimary) await demoteOtherPrimaryContacts(ctx, contact.clientId, contact.id);
  return contact;
}

export function deleteContact(ctx: CrmContext, id: string, expectedVersion?: number | null): Promise<ContactEntity> {
  return deleteEntity(ctx, ContactSchema, 'Contact', id, expectedVersion, { payload: (row) => ({ clientId: row.clientId }) });
}

export function restoreContact(ctx: CrmContext, id: string): Promise<ContactEntity> {
  return restoreEntity(ctx, ContactSchema, 'Contact', id, { payload: (row) => ({ clientId: row.clientId }) });
}

export async function createDeal(ctx: CrmContext, input: CreateDealInput): Promise<DealEntity> {
  const client = await requireClient(ctx, input.clientId, 'input.clientId');
  const value = money(input.value, 'input.value');
  const now = new Date();
  const deal = ctx.em.create(DealSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    clientId: client.id,
    title: requiredText(input.title, 'input.title'),
    stage: input.stage ?? 'LEAD',
    valueAmountMinor: value.amountMinor,
    valueCurrency: value.currency,
    expectedCloseDate: input.expectedCloseDate ?? null,
    customFields: await dealCustomFields.apply(ctx, input.customFields, null),
    createdAt: now,
    updatedAt: now,
  } as DealEntity);
  return insertEntity(ctx, deal, 'Deal', { payload: (row) => ({ clientId: row.clientId, stage: row.stage }) });
}

export async function updateDeal(ctx: CrmContext, id: string, input: UpdateDealInput, expectedVersion?: number | null): Promise<DealEntity> {
  const deal = await loadForUpdate(ctx, DealSchema, 'Deal', id, { expectedVersion });
  if (input.value === null) throw badUserInput('input.value must not be null', 'input.value');
  const value = input.value ? money(input.value, 'input.value') : undefined;
  const previousStage = deal.stage;
  const changed = assignChanges(deal, {
    title: input.title === undefined ? undefined : requiredText(input.title, 'input.title'),
    stage: input.stage === undefined ? undefined : requiredInput(input.stage, 'input.stage'),
    valueAmountMinor: value?.amountMinor,
    valueCurrency: value?.currency,
    expectedCloseDate: input.expectedCloseDate,
    customFields: await dealCustomFields.apply(ctx, input.customFields, deal.customFields),
  } as Partial<DealEntity>);
  if (changed.length === 0) return deal;
  await saveChanges(ctx, deal, changed, { type: 'Deal', payload: (row) => ({ clientId: row.clientId }) });
  if (deal.stage !== previousStage) {
    await emitDomainEvent(ctx, 'DealStageChanged', { type: 'Deal', id: deal.id }, { clientId: deal.clientId, from: previousStage, to: deal.stage });
  }
  return deal;
}

export function deleteDeal(ctx: CrmContext, id: string, expectedVersion?: number | null): Promise<DealEntity> {
  return deleteEntity(ctx, DealSchema, 'Deal', id, expectedVersion, { payload: (row) => ({ clientId: row.clientId }) });
}

export function restoreDeal(ctx: CrmContext, id: string): Promise<DealEntity> {
  return restoreEntity(ctx, DealSchema, 'Deal', id, { payload: (row) => ({ clientId: row.clientId }) });
}

export function contactsOfClient(ctx: CrmContext, clientId: string, args: PageArgs): Promise<Connection<ContactEntity>> {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  return ctx.loaders.contactsOfClient(clientId, { first: args.first, after: args.after, includeDeleted });
}

export function dealsOfClient(ctx: CrmContext, clientId: string, args: PageArgs & { filter?: DealFilter | null }): Promise<Connection<DealEntity>> {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  return ctx.loaders.dealsOfClient(clientId, { first: args.first, after: args.after, filter: { stage: args.filter?.stage }, includeDeleted });
}
