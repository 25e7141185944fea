import type { Readable } from 'node:stream';
import type { S3Settings } from '../config.js';
import type { DownloadOptions, FileStore, PresignedRequest, UploadOptions } from './types.js';
import { contentDisposition, LocalFileStore } from './local.js';

/** How long the bucket's own download URL lives once the gateway has checked the file. */
export const S3_REDIRECT_TTL_SECONDS = 60;

/**
 * The gateway's signed download URLs (as the local store's), so that each download is checked
 * against the file's state before the bucket is reached: the HMAC secret and the public base.
 */
export interface CheckedDownloads {
  secret: string | (() => string);
  publicUrl: () => string;
}

/**
 * Bodies in an S3-compatible bucket, through the AWS SDK v3 presigner. The SDK is loaded only
 * when a bucket is configured. An upload URL signs the content type and length, so S3 refuses
 * any other body size; a download URL signs the name and type the object is served with.
 */
export async function createS3FileStore(settings: S3Settings, urlTtlSeconds: number, checkedDownloads?: CheckedDownloads): Promise<FileStore> {
  const { S3Client, PutObjectCommand, GetObjectCommand, HeadObjectCommand, CopyObjectCommand, DeleteObjectCommand } = await import('@aws-sdk/client-s3');
  const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
    // Since 3.729 the SDK adds a CRC32 of the (empty, at signing time) body to presigned
    // uploads, which S3 then rejects; checksums only where an operation requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = settings.bucket;
  /** Where an upload URL writes; a file's own key is written only by promoteUpload. */
  const stagingKey = (key: string) => `uploads/${key}`;

  /** A URL valid until `expiresAt`; one in the past is signed as already expired (tests). */
  const timing = (expiresAt: Date | undefined) => {
    const now = Date.now();
    const until = expiresAt?.getTime() ?? now + urlTtlSeconds * 1000;
    const expiresIn = Math.floor((until - now) / 1000);
    if (expiresIn >= 1) return { expiresIn, expiresAt: new Date(now + expiresIn * 1000) };
    return { expiresIn: 1, signingDate: new Date(until - 1000), expiresAt: new Date(until) };
  };

  const isMissing = (error: unknown) => {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    const name = (error as { name?: string }).name;
    return status === 404 || name === 'NotFound' || name === 'NoSuchKey';
  };

  const store: FileStore = {
    kind: 's3',
    urlTtlSeconds,
    async presignUpload(key: string, options: UploadOptions): Promise<PresignedRequest> {
      const { expiresAt, ...signing } = timing(options.expiresAt);
      const command = new PutObjectCommand({ Bucket, Key: stagingKey(key), ContentType: options.contentType, ContentLength: options.size });
      const url = await getSignedUrl(client, command, { ...signing, signableHeaders: new Set(['content-type', 'content-length']) });
      return { url, method: 'PUT', headers: { 'content-type': options.contentType, 'content-length': String(options.size) }, expiresAt };
    },
    async presignDownload(key: string, options: DownloadOptions): Promise<PresignedRequest> {
      // A URL for a file of the graph goes through the gateway, which checks the file first.
      if (options.file && gateway) return gateway.presignDownload(key, options);
      const { expiresAt, ...signing } = timing(options.expiresAt);
      const command = new GetObjectCommand({ Bucket, Key: key, ResponseContentType: options.contentType, ResponseContentDisposition: contentDisposition(options.fileName) });
      return { url: await getSignedUrl(client, command, signing), method: 'GET', headers: {}, expiresAt };
    },
    async stat(key: string) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: Number(head.ContentLength ?? 0) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async promoteUpload(key: string) {
      try {
        await client.send(new CopyObjectCommand({ Bucket, Key: key, CopySource: `${Bucket}/${stagingKey(key).split('/').map(encodeURIComponent).join('/')}` }));
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
      // The staging object has served its purpose; a later PUT there reaches nothing served.
      await client.send(new DeleteObjectCommand({ Bucket, Key: stagingKey(key) }));
      return true;
    },
    async read(key: string) {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      return object.Body as Readable;
    },
    async putIfMissing(key: string, body: Buffer, contentType: string) {
      if (await store.stat(key)) return false;
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }));
      return true;
    },
    async close() {
      client.destroy();
    },
  };
  // S3 cannot recall a URL it signed: the URL handed out is the gateway's, and the bucket's own
  // is made at each download, for a minute, once the file is known to be UPLOADED and live.
  const gateway = checkedDownloads
    ? new LocalFileStore({
        dir: '',
        secret: checkedDownloads.secret,
        publicUrl: checkedDownloads.publicUrl,
        urlTtlSeconds,
        redirectDownload: async (key, fileName, contentType) =>
          (await store.presignDownload(key, { fileName, contentType, expiresAt: new Date(Date.now() + S3_REDIRECT_TTL_SECONDS * 1000) })).url,
      })
    : undefined;
  if (gateway) store.handleHttp = (req, res, url, files) => gateway.handleHttp(req, res, url, files);
  return store;
}
