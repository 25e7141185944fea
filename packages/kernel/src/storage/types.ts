import type http from 'node:http';
import type { Readable } from 'node:stream';

/** A presigned HTTP request: whoever holds it may send it, until it expires. */
export interface PresignedRequest {
  url: string;
  method: 'PUT' | 'GET';
  /** Headers the caller must send exactly as given: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: Date;
}

/** The file a URL is for; the local store signs it into the URL and checks its state on use. */
export interface StoredFileRef {
  organizationId: string;
  id: string;
}

export interface UploadOptions {
  file?: StoredFileRef;
  /** The exact number of bytes the upload must carry. */
  size: number;
  contentType: string;
  /** Defaults to now plus the store's URL lifetime; a past instant makes an expired URL (tests). */
  expiresAt?: Date;
}

export interface DownloadOptions {
  file?: StoredFileRef;
  /** Offered to the browser as the download's file name. */
  fileName: string;
  contentType: string;
  expiresAt?: Date;
}

/** The state of a file, as the files subgraph knows it (null: missing or deleted). */
export interface FileStates {
  stateOf(file: StoredFileRef): Promise<'PENDING' | 'UPLOADED' | null>;
}

/**
 * Where file bodies live: the local disk (served by the gateway with HMAC-signed URLs) or an
 * S3-compatible bucket (AWS SDK presigned URLs). Bytes never pass through GraphQL: the graph
 * hands out presigned URLs and, before a file counts as uploaded, checks what was stored.
 */
export interface FileStore {
  readonly kind: 'local' | 's3';
  /** Default lifetime of a presigned URL, in seconds. */
  readonly urlTtlSeconds: number;
  presignUpload(key: string, options: UploadOptions): Promise<PresignedRequest>;
  presignDownload(key: string, options: DownloadOptions): Promise<PresignedRequest>;
  /** The stored object's size, or null when nothing was uploaded under the key. */
  stat(key: string): Promise<{ size: number } | null>;
  /** The stored bytes (to verify their checksum). */
  read(key: string): Promise<Readable>;
  /**
   * For a store whose upload URLs cannot be refused once issued (S3): the URL writes a staging
   * object, and this copies it to `key`, which only the server writes. completeUpload checks
   * the copy, so the bytes behind a completed file are the ones checked, whatever the URL
   * sends later. False when nothing was uploaded. Absent: uploads write `key` itself.
   */
  promoteUpload?(key: string): Promise<boolean>;
  /** Stores a body unless the key holds one already (demo data); answers whether it wrote. */
  putIfMissing(key: string, body: Buffer, contentType: string): Promise<boolean>;
  /**
   * Answers the store's own URLs (the local store's /files/upload and /files/download); false
   * when the request is not one. With `files`, each request is checked against the file's
   * state in the graph first: an upload only while the file is PENDING, a download only while
   * it is UPLOADED and not deleted.
   */
  handleHttp?(req: http.IncomingMessage, res: http.ServerResponse, url: URL, files?: FileStates): Promise<boolean>;
  close?(): Promise<void>;
}
