import type { FilterQuery } from '@mikro-orm/core';
import {
  actorLabel,
  badUserInput,
  conflict,
  deleteEntity,
  includeDeletedRows,
  emitDomainEvent,
  findPage,
  flushAndReload,
  insertEntity,
  loadForUpdate,
  lookupAsOf,
  notFound,
  parseId,
  requiredText,
  restoreEntity,
  sha256OfStored,
  uuidv7,
  type Connection,
  type PageArgs,
  type FileStore,
} from '@ubos/kernel';
import type { FilesContext } from './context.js';
import { FileObjectSchema, type FileObjectEntity } from './entities/file-object.entity.js';
import type { UploadTicketModel } from './mappers.js';
import type { ClientFileFilter, CreateUploadUrlInput, FileFilter } from './__generated__/resolvers-types.js';

/** What the files subgraph needs besides the database: the store and the size limit. */
export interface FileStorage {
  store: FileStore;
  /** The largest file accepted, in bytes (UBOS_FILES_MAX_BYTES). */
  maxBytes: number;
}

export const MAX_NAME_LENGTH = 255;

const NEWEST_FIRST = { properties: ['id'] as Array<keyof FileObjectEntity & string>, direction: 'DESC' as const };

export function listFiles(ctx: FilesContext, args: PageArgs & { filter?: FileFilter | null }): Promise<Connection<FileObjectEntity>> {
  const where: Record<string, unknown> = {};
  if (args.filter?.clientId) where.clientId = parseId(args.filter.clientId, 'filter.clientId');
  if (args.filter?.projectId) where.projectId = parseId(args.filter.projectId, 'filter.projectId');
  if (args.filter?.status) where.status = { $in: args.filter.status };
  return findPage(ctx, FileObjectSchema, where as FilterQuery<FileObjectEntity>, args, NEWEST_FIRST);
}

export function filesOfClient(ctx: FilesContext, clientId: string, args: PageArgs & { filter?: ClientFileFilter | null }) {
  const includeDeleted = includeDeletedRows(ctx, args.includeDeleted);
  const projectId = args.filter?.projectId ? parseId(args.filter.projectId, 'filter.projectId') : undefined;
  return ctx.loaders.filesOfClient(clientId, {
    first: args.first,
    after: args.after,
    filter: { projectId: projectId ? [projectId] : undefined, status: args.filter?.status },
    includeDeleted,
  });
}

export const getFile = (ctx: FilesContext, id: string, asOf?: Date | string | null) =>
  lookupAsOf(id, asOf, { current: (key) => ctx.loaders.fileById.load(key), asOf: ctx.loaders.fileHistory.asOf });

/** A name to offer on download: no path, no control characters. */
function fileName(value: unknown, field: string): string {
  const name = requiredText(value, field, MAX_NAME_LENGTH);
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f\u007f]/.test(name) || name === '.' || name === '..') {
    throw badUserInput(`${field} must be a file name, without / or \\ or control characters`, field);
  }
  return name;
}

const TOKEN = "[A-Za-z0-9!#$&^_.+-]+";
const MEDIA_TYPE = new RegExp(`^(${TOKEN}/${TOKEN})((?:\\s*;\\s*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\r\\n]*"))*)$`);

/** A media type such as `application/pdf` or `text/plain; charset=utf-8` (type and subtype in lower case). */
function mediaType(value: unknown, field: string): string {
  const text = requiredText(value, field, 200);
  const match = MEDIA_TYPE.exec(text);
  if (!match) throw badUserInput(`${field} must be a media type such as application/pdf`, field);
  return `${match[1]!.toLowerCase()}${match[2]}`;
}

function fileSize(value: number, field: string, maxBytes: number): number {
  if (!Number.isInteger(value) || value <= 0) throw badUserInput(`${field} must be a positive number of bytes`, field);
  if (value > maxBytes) throw badUserInput(`${field} must be at most ${maxBytes} bytes`, field);
  return value;
}

function checksum(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const hex = value.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw badUserInput(`${field} must be a SHA-256 digest in hex (64 characters)`, field);
  return hex;
}

/**
 * The file's client and project. A project's client is read from the shared database (one
 * column, under the tenant filter and Row Level Security), so a project's files list under its
 * client; another tenant's project is as absent as a missing one.
 */
async function owner(ctx: FilesContext, input: CreateUploadUrlInput): Promise<{ clientId: string; projectId: string | null }> {
  if (!input.clientId && !input.projectId) throw badUserInput('input.clientId or input.projectId is required', 'input.clientId');
  const clientId = input.clientId ? parseId(input.clientId, 'input.clientId') : undefined;
  if (!input.projectId) return { clientId: clientId!, projectId: null };
  const projectId = parseId(input.projectId, 'input.projectId');
  const [row] = await ctx.em.execute<Array<{ client_id: string }>>('select client_id from projects where organization_id = ? and id = ? and deleted_at is null', [
    ctx.organizationId(),
    projectId,
  ]);
  if (!row) throw notFound('Project', 'input.projectId');
  if (clientId && row.client_id !== clientId) throw badUserInput('input.projectId must be a project of input.clientId', 'input.projectId');
  return { clientId: row.client_id, projectId };
}

export async function createUploadUrl(ctx: FilesContext, storage: FileStorage, input: CreateUploadUrlInput): Promise<UploadTicketModel> {
  const name = fileName(input.name, 'input.name');
  const contentType = mediaType(input.contentType, 'input.contentType');
  const size = fileSize(input.size, 'input.size', storage.maxBytes);
  const declared = checksum(input.checksumSha256, 'input.checksumSha256');
  const { clientId, projectId } = await owner(ctx, input);
  const now = new Date();
  const id = uuidv7();
  const organizationId = ctx.organizationId();
  const file = ctx.em.create(FileObjectSchema, {
    id,
    organizationId,
    clientId,
    projectId,
    name,
    contentType,
    size,
    checksumSha256: declared,
    // Ours, never the user's name: the name is metadata, served back in Content-Disposition.
    storageKey: `${organizationId}/${id}`,
    status: 'PENDING',
    uploadedAt: null,
    createdBy: actorLabel(ctx.actor),
    createdAt: now,
    updatedAt: now,
  } as FileObjectEntity);
  await insertEntity(ctx, file, 'FileObject', {
    payload: (row) => ({ clientId: row.clientId, projectId: row.projectId ?? null, size: row.size, contentType: row.contentType }),
    missing: { '*': ['Client', 'input.clientId'] },
  });
  const upload = await storage.store.presignUpload(file.storageKey, { size, contentType, file: { organizationId: file.organizationId, id: file.id } });
  return {
    url: upload.url,
    method: upload.method,
    headers: Object.entries(upload.headers).map(([headerName, value]) => ({ name: headerName, value })),
    expiresAt: upload.expiresAt,
    file,
  };
}

/**
 * Counts the file as uploaded once the store holds exactly the declared bytes: the size, and
 * the declared SHA-256 when one was given. On a mismatch nothing changes (the file stays
 * PENDING, and the uploader may PUT again while the URL lives). Already UPLOADED: unchanged.
 */
export async function completeUpload(ctx: FilesContext, storage: FileStorage, fileId: string): Promise<FileObjectEntity> {
  const file = await loadForUpdate(ctx, FileObjectSchema, 'File', fileId, { field: 'fileId' });
  if (file.status === 'UPLOADED') return file;
  if (storage.store.promoteUpload && !(await storage.store.promoteUpload(file.storageKey))) throw badUserInput('Nothing was uploaded for this file yet', 'fileId');
  const stored = await storage.store.stat(file.storageKey);
  if (!stored) throw badUserInput('Nothing was uploaded for this file yet', 'fileId');
  if (stored.size !== file.size) throw badUserInput(`The upload has ${stored.size} bytes, not the declared ${file.size}`, 'fileId');
  const digest = await sha256OfStored(storage.store, file.storageKey);
  if (file.checksumSha256 && digest !== file.checksumSha256) throw badUserInput('The upload does not match the declared SHA-256 checksum', 'fileId');
  const now = new Date();
  file.checksumSha256 = digest;
  file.status = 'UPLOADED';
  file.uploadedAt = now;
  file.updatedAt = now;
  await flushAndReload(ctx, file);
  await emitDomainEvent(ctx, 'FileUploaded', { type: 'FileObject', id: file.id }, {
    clientId: file.clientId ?? null,
    projectId: file.projectId ?? null,
    name: file.name,
    size: file.size,
    checksumSha256: digest,
  });
  return file;
}

/** A presigned download URL for an UPLOADED, live file; NOT_FOUND otherwise, CONFLICT while PENDING. */
export async function downloadUrl(ctx: FilesContext, storage: FileStorage, fileId: string): Promise<string> {
  const file = await ctx.loaders.fileById.load(parseId(fileId, 'fileId'));
  if (!file) throw notFound('File', 'fileId');
  if (file.status !== 'UPLOADED') throw conflict(`File is ${file.status}: complete its upload first`);
  const download = await storage.store.presignDownload(file.storageKey, { fileName: file.name, contentType: file.contentType, file: { organizationId: file.organizationId, id: file.id } });
  return download.url;
}

export async function deleteFile(ctx: FilesContext, id: string, expectedVersion?: number | null): Promise<FileObjectEntity> {
  return deleteEntity(ctx, FileObjectSchema, 'FileObject', id, expectedVersion, { what: 'File' });
}

export async function restoreFile(ctx: FilesContext, id: string): Promise<FileObjectEntity> {
  return restoreEntity(ctx, FileObjectSchema, 'FileObject', id, { what: 'File' });
}
