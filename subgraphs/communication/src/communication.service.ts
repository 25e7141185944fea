import { ForeignKeyConstraintViolationException, LockMode, type FilterQuery } from '@mikro-orm/core';
import {
  insertEntity,
  saveChanges,
  actorLabel,
  assignChanges,
  badUserInput,
  deleteEntity,
  includeDeletedRows,
  findPage,
  forbidden,
  loadForUpdate,
  lookupAsOf,
  notFound,
  parseId,
  requiredText,
  restoreEntity,
  uuidv7,
  type Connection,
  type PageArgs,
} from '@ubos/kernel';
import type { CommunicationContext } from './context.js';
import { MessageSchema, type MessageEntity } from './entities/message.entity.js';
import { ThreadSchema, type ThreadEntity } from './entities/thread.entity.js';
import type {
  ClientThreadFilter,
  CreateThreadInput,
  EditMessageInput,
  PostMessageInput,
  ThreadFilter,
  UpdateThreadInput,
} from './__generated__/resolvers-types.js';

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 20_000;
export const MAIN_THREAD_SUBJECT = 'General';

// Threads list by their last activity, newest first. The value always comes from a JavaScript
// Date (milliseconds), so it survives a round trip through a cursor exactly.
const THREAD_ORDER = { properties: ['lastActivityAt', 'id'] as Array<keyof ThreadEntity & string>, direction: 'DESC' as const };

export function listThreads(ctx: CommunicationContext, args: PageArgs & { filter?: ThreadFilter | null }): Promise<Connection<ThreadEntity>> {
  const where: Record<string, unknown> = {};
  if (args.filter?.clientId) where.clientId = parseId(args.filter.clientId, 'filter.clientId');
  if (args.filter?.projectId) where.projectId = parseId(args.filter.projectId, 'filter.projectId');
  return findPage(ctx, ThreadSchema, where as FilterQuery<ThreadEntity>, args, THREAD_ORDER);
}

export function threadsOfClient(ctx: CommunicationContext, clientId: string, args: PageArgs & { filter?: ClientThreadFilter | null }) {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  const projectId = args.filter?.projectId ? parseId(args.filter.projectId, 'filter.projectId') : undefined;
  return ctx.loaders.threadsOfClient(clientId, { first: args.first, after: args.after, filter: { projectId: projectId ? [projectId] : undefined }, includeDeleted });
}

export function messagesOfThread(ctx: CommunicationContext, threadId: string, args: PageArgs) {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  return ctx.loaders.messagesOfThread(threadId, { first: args.first, after: args.after, includeDeleted });
}

export const getThread = (ctx: CommunicationContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.threadById.load(key), asOf: ctx.loaders.threadHistory.asOf });
export const getMessage = (ctx: CommunicationContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.messageById.load(key), asOf: ctx.loaders.messageHistory.asOf });

/**
 * A project of the client. Projects belong to the projects subgraph; this reads only the one
 * column it needs (its client) from the shared database, under the same tenant filter and Row
 * Level Security as everything else, so another tenant's project is as absent as a missing one.
 */
async function requireProjectOfClient(ctx: CommunicationContext, projectId: string, clientId: string, field: string): Promise<string> {
  const id = parseId(projectId, field);
  const [row] = await ctx.em.execute<Array<{ client_id: string }>>(
    'select client_id from projects where organization_id = ? and id = ? and deleted_at is null',
    [ctx.organizationId(), id],
  );
  if (!row) throw notFound('Project', field);
  if (row.client_id !== clientId) throw badUserInput(`${field} must be a project of the thread's client`, field);
  return id;
}

const body = (value: unknown, field: string) => requiredText(value, field, MAX_BODY_LENGTH);

export async function createThread(ctx: CommunicationContext, input: CreateThreadInput): Promise<ThreadEntity> {
  const clientId = parseId(input.clientId, 'input.clientId');
  const subject = requiredText(input.subject, 'input.subject', MAX_SUBJECT_LENGTH);
  const projectId = input.projectId ? await requireProjectOfClient(ctx, input.projectId, clientId, 'input.projectId') : null;
  const now = new Date();
  const thread = ctx.em.create(ThreadSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    clientId,
    projectId,
    subject,
    isMain: false,
    createdBy: actorLabel(ctx.actor),
    lastMessageAt: null,
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  } as ThreadEntity);
  return insertEntity(ctx, thread, 'Thread', { payload: threadPayload, missing: { '*': ['Client', 'input.clientId'] } });
}

export async function updateThread(ctx: CommunicationContext, id: string, input: UpdateThreadInput, expectedVersion?: number | null): Promise<ThreadEntity> {
  const thread = await loadForUpdate(ctx, ThreadSchema, 'Thread', id, { expectedVersion });
  let projectId: string | null | undefined;
  if (input.projectId === null) projectId = null;
  else if (input.projectId !== undefined) projectId = await requireProjectOfClient(ctx, input.projectId, thread.clientId, 'input.projectId');
  const changed = assignChanges(thread, {
    subject: input.subject === undefined ? undefined : requiredText(input.subject, 'input.subject', MAX_SUBJECT_LENGTH),
    projectId,
  } as Partial<ThreadEntity>);
  return saveChanges(ctx, thread, changed, { type: 'Thread', payload: threadPayload });
}

const threadPayload = (thread: ThreadEntity) => ({ clientId: thread.clientId, projectId: thread.projectId ?? null });

export function deleteThread(ctx: CommunicationContext, id: string, expectedVersion?: number | null): Promise<ThreadEntity> {
  return deleteEntity(ctx, ThreadSchema, 'Thread', id, expectedVersion, {
    // A deleted thread is nobody's main thread: the next postMessage(clientId) opens a new one.
    // (Set on the locked row before the delete, so it is written in the same flush.)
    check: (thread) => {
      thread.isMain = false;
    },
    payload: threadPayload,
  });
}

export function restoreThread(ctx: CommunicationContext, id: string): Promise<ThreadEntity> {
  return restoreEntity(ctx, ThreadSchema, 'Thread', id, { payload: threadPayload });
}

/**
 * The client's main thread, locked, opened ("General") if the client has none. Two posts that
 * open it at once cannot make two: the partial unique index on (organization_id, client_id)
 * where is_main lets the second insert do nothing, once the first commits, and read the first's.
 */
async function mainThreadOf(ctx: CommunicationContext, clientIdInput: string): Promise<ThreadEntity> {
  const clientId = parseId(clientIdInput, 'input.clientId');
  const find = () => ctx.em.findOne(ThreadSchema, { clientId, isMain: true }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const existing = await find();
  if (existing) return existing;
  const now = new Date();
  try {
    await ctx.em.execute(
      `insert into threads (organization_id, id, client_id, subject, is_main, created_by, last_activity_at, created_at, updated_at)
       values (?, ?, ?, ?, true, ?, ?, ?, ?)
       on conflict (organization_id, client_id) where is_main do nothing`,
      [ctx.organizationId(), uuidv7(), clientId, MAIN_THREAD_SUBJECT, actorLabel(ctx.actor), now, now, now],
    );
  } catch (error) {
    if (error instanceof ForeignKeyConstraintViolationException || (error as { code?: string }).code === '23503') throw notFound('Client', 'input.clientId');
    throw error;
  }
  const opened = await find();
  if (!opened) throw new Error('the main thread vanished after it was opened');
  return opened;
}

export async function postMessage(ctx: CommunicationContext, input: PostMessageInput): Promise<MessageEntity> {
  if (input.threadId && input.clientId) throw badUserInput('Give input.threadId or input.clientId, not both', 'input.clientId');
  if (!input.threadId && !input.clientId) throw badUserInput('input.threadId or input.clientId is required', 'input.threadId');
  const text = body(input.body, 'input.body');
  // Locked either way: the post bumps the thread, and concurrent posts queue on it.
  const thread = input.threadId
    ? await loadForUpdate(ctx, ThreadSchema, 'Thread', input.threadId, { field: 'input.threadId' })
    : await mainThreadOf(ctx, input.clientId!);
  const now = new Date();
  const author = actorLabel(ctx.actor);
  const message = ctx.em.create(MessageSchema, {
    id: uuidv7(),
    organizationId: ctx.organizationId(),
    threadId: thread.id,
    clientId: thread.clientId,
    body: text,
    author,
    editedAt: null,
    createdAt: now,
    updatedAt: now,
  } as MessageEntity);
  thread.lastMessageAt = now;
  thread.lastActivityAt = now;
  thread.updatedAt = now;
  await insertEntity(ctx, message, 'Message', {
    event: (row) => ({ eventType: 'MessagePosted', aggregate: { type: 'Message', id: row.id }, payload: { threadId: thread.id, clientId: thread.clientId, projectId: thread.projectId ?? null, author } }),
  });
  // The trigger bumped the thread's version too.
  await ctx.em.refresh(thread);
  return message;
}

/** The author edits; the author, an owner or an admin deletes and restores. */
function requireAuthor(ctx: CommunicationContext, message: MessageEntity, moderators: boolean, action: string): void {
  if (message.author === actorLabel(ctx.actor)) return;
  if (moderators && ctx.actor.kind === 'user' && (ctx.actor.role === 'OWNER' || ctx.actor.role === 'ADMIN')) return;
  throw forbidden(moderators ? `Only the author, an owner or an admin may ${action} a message` : `Only the author may ${action} a message`);
}

export async function editMessage(ctx: CommunicationContext, id: string, input: EditMessageInput, expectedVersion?: number | null): Promise<MessageEntity> {
  const message = await loadForUpdate(ctx, MessageSchema, 'Message', id, { expectedVersion });
  requireAuthor(ctx, message, false, 'edit');
  const text = body(input.body, 'input.body');
  if (text === message.body) return message;
  const changed = assignChanges(message, { body: text, editedAt: new Date() } as Partial<MessageEntity>);
  return saveChanges(ctx, message, changed, { type: 'Message', payload: messagePayload });
}

const messagePayload = (message: MessageEntity) => ({ threadId: message.threadId, clientId: message.clientId });

export function deleteMessage(ctx: CommunicationContext, id: string, expectedVersion?: number | null): Promise<MessageEntity> {
  return deleteEntity(ctx, MessageSchema, 'Message', id, expectedVersion, {
    check: (message) => requireAuthor(ctx, message, true, 'delete'),
    payload: messagePayload,
  });
}

export function restoreMessage(ctx: CommunicationContext, id: string): Promise<MessageEntity> {
  return restoreEntity(ctx, MessageSchema, 'Message', id, {
    check: (message) => requireAuthor(ctx, message, true, 'restore'),
    payload: messagePayload,
  });
}
