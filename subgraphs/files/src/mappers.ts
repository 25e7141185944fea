import type { Connection, EntityVersion, EntityReference } from '@ubos/kernel';
import type { FileObjectEntity } from './entities/file-object.entity.js';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export type ClientReference = EntityReference;

/** A Project by key; the projects subgraph resolves it. */
export type ProjectReference = EntityReference;

export type FileObjectConnectionModel = Connection<FileObjectEntity>;
export type FileObjectVersionModel = EntityVersion<FileObjectEntity>;
export type FileObjectVersionConnectionModel = Connection<FileObjectVersionModel>;

export interface UploadTicketModel {
  url: string;
  method: string;
  headers: Array<{ name: string; value: string }>;
  expiresAt: Date;
  file: FileObjectEntity;
}
