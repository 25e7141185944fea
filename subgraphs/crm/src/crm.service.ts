import type { FilterQuery } from '@mikro-orm/core';
import {
  badUserInput,
  findPage,
  money,
  notFound,
  optionalEmail,
  optionalText,
  optionalUrl,
  parseId,
  requiredInput,
  requiredText,
  uuidv7,
  type Connection,
  type SortOrder,
} from '@ubos/kernel';
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

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Copies the fields present in `input` onto `entity`: omitted keeps the value, null clears it. */
function assignDefined<T extends object>(entity: T, changes: Partial<T>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (entity as Record<string, unknown>)[key] = value;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export async function listClients(ctx: CrmContext, args: PageArgs & { filter?: ClientFilter | null; orderBy?: ClientOrderBy | null }): Promise<Connection<ClientEntity>> {
  const where: FilterQuery<ClientEntity> = {};
  const search = args.filter?.search?.trim();
  if (search) where.name = { $ilike: `%${escapeLike(search)}%` };
  if (args.filter?.status) where.status = { $in: args.filter.status };
  return findPage(ctx.em, ClientSchema, where, args, CLIENT_ORDERS[args.orderBy ?? 'NAME_ASC']);
}

/** A lookup answers null for a missing id and for another tenant's id alike. */
export function getClient(ctx: CrmContext, id: string): Promise<ClientEntity | null> {
  return ctx.loaders.clientById.load(parseId(id, 'id'));
}

export function getContact(ctx: CrmContext, id: string): Promise<ContactEntity | null> {
  return ctx.loaders.contactById.load(parseId(id, 'id'));
}

export function getDeal(ctx: CrmContext, id: string): Promise<DealEntity | null> {
  return ctx.loaders.dealById.load(parseId(id, 'id'));
}

export function listDeals(ctx: CrmContext, args: PageArgs & { filter?: DealFilter | null }): Promise<Connection<DealEntity>> {
  const where: FilterQuery<DealEntity> = args.filter?.stage ? { stage: { $in: args.filter.stage } } : {};
  return findPage(ctx.em, DealSchema, where, args, { properties: ['id'], direction: 'DESC' });
}

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

export async function createClient(ctx: CrmContext, input: CreateClientInput): Promise<ClientEntity> {
  const now = new Date();
  const client = ctx.em.create(ClientSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    name: requiredText(input.name, 'input.name'),
    status: input.status ?? 'ACTIVE',
    ...clientFields(input),
    customFields: {},
    createdAt: now,
    updatedAt: now,
  } as ClientEntity);
  await ctx.em.flush();
  return client;
}

export async function updateClient(ctx: CrmContext, id: string, input: UpdateClientInput): Promise<ClientEntity> {
  const client = await requireClient(ctx, id, 'id');
  assignDefined(client, {
    name: input.name === undefined ? undefined : requiredText(input.name, 'input.name'),
    status: input.status === undefined ? undefined : requiredInput(input.status, 'input.status'),
    ...clientFields(input),
  } as Partial<ClientEntity>);
  client.updatedAt = new Date();
  await ctx.em.flush();
  return client;
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
    customFields: {},
    createdAt: now,
    updatedAt: now,
  } as ContactEntity);
  await ctx.em.flush();
  if (contact.isPrimary) await demoteOtherPrimaryContacts(ctx, client.id, contact.id);
  return contact;
}

export async function updateContact(ctx: CrmContext, id: string, input: UpdateContactInput): Promise<ContactEntity> {
  const contact = await ctx.em.findOne(ContactSchema, { id: parseId(id, 'id') });
  if (!contact) throw notFound('Contact', 'id');
  assignDefined(contact, {
    firstName: input.firstName === undefined ? undefined : requiredText(input.firstName, 'input.firstName', 100),
    lastName: input.lastName === undefined ? undefined : (optionalText(input.lastName, 'input.lastName', 100) ?? ''),
    email: optionalEmail(input.email, 'input.email'),
    phone: optionalText(input.phone, 'input.phone', 50),
    title: optionalText(input.title, 'input.title', 100),
    isPrimary: input.isPrimary === undefined ? undefined : requiredInput(input.isPrimary, 'input.isPrimary'),
  } as Partial<ContactEntity>);
  contact.updatedAt = new Date();
  await ctx.em.flush();
  if (input.isPrimary) await demoteOtherPrimaryContacts(ctx, contact.clientId, contact.id);
  return contact;
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
    customFields: {},
    createdAt: now,
    updatedAt: now,
  } as DealEntity);
  await ctx.em.flush();
  return deal;
}

export async function updateDeal(ctx: CrmContext, id: string, input: UpdateDealInput): Promise<DealEntity> {
  const deal = await ctx.em.findOne(DealSchema, { id: parseId(id, 'id') });
  if (!deal) throw notFound('Deal', 'id');
  if (input.value === null) throw badUserInput('input.value must not be null', 'input.value');
  const value = input.value ? money(input.value, 'input.value') : undefined;
  assignDefined(deal, {
    title: input.title === undefined ? undefined : requiredText(input.title, 'input.title'),
    stage: input.stage === undefined ? undefined : requiredInput(input.stage, 'input.stage'),
    valueAmountMinor: value?.amountMinor,
    valueCurrency: value?.currency,
    expectedCloseDate: input.expectedCloseDate,
  } as Partial<DealEntity>);
  deal.updatedAt = new Date();
  await ctx.em.flush();
  return deal;
}

export function contactsOfClient(ctx: CrmContext, clientId: string, args: PageArgs): Promise<Connection<ContactEntity>> {
  return ctx.loaders.contactsOfClient(clientId, args);
}

export function dealsOfClient(ctx: CrmContext, clientId: string, args: PageArgs & { filter?: DealFilter | null }): Promise<Connection<DealEntity>> {
  return ctx.loaders.dealsOfClient(clientId, { first: args.first, after: args.after, filter: { stage: args.filter?.stage } });
}
