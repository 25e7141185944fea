import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from '@ubos/kernel';

export const FILE_STATUSES = ['PENDING', 'UPLOADED'] as const;

// Only client_id and project_id are stored here: clients are crm's, projects are projects'.
export const FileObjectSchema = defineEntity({
  name: 'FileObject',
  tableName: 'files',
  filters: MAIN_ENTITY_FILTERS,
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
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
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
    version: p.integer().default(1),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.text().nullable(),
  },
});

export type FileObjectEntity = InferEntity<typeof FileObjectSchema>;
