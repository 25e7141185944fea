import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const FILE_STATUSES = ['PENDING', 'UPLOADED'] as const;

// Only client_id and project_id are stored here: clients are crm's, projects are projects'.
export const FileObjectSchema = defineMainEntity('FileObject', 'files', {
  clientId: p.uuid().nullable(),
  projectId: p.uuid().nullable(),
  name: p.text(),
  contentType: p.text(),
  // bigint in SQL; a file is at most UBOS_FILES_MAX_BYTES, far below 2^53.
  size: p.bigint('number'),
  checksumSha256: p.text().nullable(),
  storageKey: p.text(),
  status: p.text().$type<(typeof FILE_STATUSES)[number]>(),
  uploadedAt: p.datetime().nullable(),
  createdBy: p.text(),
});

export type FileObjectEntity = InferEntity<typeof FileObjectSchema>;
