import type { Connection, EntityVersion } from '@ubos/kernel';
import type { FileObjectEntity } from './entities/file-object.entity.js';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export interface ClientReference {
  id: string;
}

/** A Project by key; the projects subgraph resolves it. */
export interface ProjectReference {
  id: string;
}

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
