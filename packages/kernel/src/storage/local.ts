import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DownloadOptions, FileStates, FileStore, PresignedRequest, StoredFileRef, UploadOptions } from './types.js';

export interface LocalFileStoreOptions {
  /** Where the bodies live, one file per storage key. */
  dir: string;
  /** The HMAC key of the URLs (16 characters or more), read when first needed. */
  secret: string | (() => string);
  /** The public base of the URLs (the gateway's address), read when a URL is made. */
  publicUrl: () => string;
  urlTtlSeconds: number;
  /**
   * Bodies kept elsewhere (S3): a checked download is answered with a redirect to this URL
   * instead of bytes from the directory, and uploads are not served here.
   */
  redirectDownload?: (key: string, fileName: string, contentType: string) => Promise<string>;
}

export const LOCAL_UPLOAD_PATH = '/files/upload';
export const LOCAL_DOWNLOAD_PATH = '/files/download';

// Storage keys are ours (`<organization id>/<file id>`), never a user's file name; anything
// else is refused, so a key can never leave the directory.
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,7}$/;

export function isValidStorageKey(key: string): boolean {
  return KEY.test(key);
}

class TooLarge extends Error {}

/**
 * The default store: bodies on the local disk, uploaded and downloaded through the gateway's
 * HTTP server with URLs signed by HMAC-SHA256. An upload URL covers the method, the key, the
 * expiry, the exact size and the content type; a download URL the method, the key, the
 * expiry, and the file name and type it is served with. Uploads are written to a temporary
 * file and renamed into place, so a reader never sees half a body.
 */
export class LocalFileStore implements FileStore {
  readonly kind = 'local' as const;
  readonly urlTtlSeconds: number;
  private secretValue: string | undefined;

  constructor(private readonly options: LocalFileStoreOptions) {
    this.urlTtlSeconds = options.urlTtlSeconds;
  }

  private get secret(): string {
    if (this.secretValue === undefined) {
      const secret = typeof this.options.secret === 'function' ? this.options.secret() : this.options.secret;
      if (secret.length < 16) throw new Error('The file URL secret must be at least 16 characters');
      this.secretValue = secret;
    }
    return this.secretValue;
  }

  private pathOf(key: string): string {
    if (!isValidStorageKey(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
    return path.join(this.options.dir, ...key.split('/'));
  }

  private sign(parts: Array<string | number>): string {
    return createHmac('sha256', this.secret).update(JSON.stringify(parts)).digest('base64url');
  }

  private verify(parts: Array<string | number>, signature: string): boolean {
    const expected = Buffer.from(this.sign(parts));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private expiry(expiresAt: Date | undefined): Date {
    return expiresAt ?? new Date(Date.now() + this.urlTtlSeconds * 1000);
  }

  private url(pathname: string, params: Record<string, string>): string {
    return `${this.options.publicUrl().replace(/\/+$/, '')}${pathname}?${new URLSearchParams(params).toString()}`;
  }

  async presignUpload(key: string, options: UploadOptions): Promise<PresignedRequest> {
    this.pathOf(key);
    const expiresAt = this.expiry(options.expiresAt);
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const owner = ownerParams(options.file);
    const sig = this.sign(['PUT', key, exp, options.size, options.contentType, owner.org, owner.file]);
    return {
      url: this.url(LOCAL_UPLOAD_PATH, { key, size: String(options.size), type: options.contentType, ...owner, exp: String(exp), sig }),
      method: 'PUT',
      headers: { 'content-type': options.contentType },
      expiresAt: new Date(exp * 1000),
    };
  }

  async presignDownload(key: string, options: DownloadOptions): Promise<PresignedRequest> {
    this.pathOf(key);
    const expiresAt = this.expiry(options.expiresAt);
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const owner = ownerParams(options.file);
    const sig = this.sign(['GET', key, exp, options.fileName, options.contentType, owner.org, owner.file]);
    return {
      url: this.url(LOCAL_DOWNLOAD_PATH, { key, name: options.fileName, type: options.contentType, ...owner, exp: String(exp), sig }),
      method: 'GET',
      headers: {},
      expiresAt: new Date(exp * 1000),
    };
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const stats = await fs.promises.stat(this.pathOf(key));
      return stats.isFile() ? { size: stats.size } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    return fs.createReadStream(this.pathOf(key));
  }

  async putIfMissing(key: string, body: Buffer, _contentType: string): Promise<boolean> {
    const target = this.pathOf(key);
    if (await this.stat(key)) return false;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
    await fs.promises.writeFile(temp, body, { mode: 0o600 });
    try {
      // link, not rename: it fails instead of replacing a body another process wrote meanwhile.
      await fs.promises.link(temp, target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await fs.promises.unlink(temp).catch(() => undefined);
    }
  }

  async handleHttp(req: http.IncomingMessage, res: http.ServerResponse, url: URL, files?: FileStates): Promise<boolean> {
    if (url.pathname === LOCAL_UPLOAD_PATH && !this.options.redirectDownload) await this.serveUpload(req, res, url, files);
    else if (url.pathname === LOCAL_DOWNLOAD_PATH) await this.serveDownload(req, res, url, files);
    else return false;
    return true;
  }

  /** Checks a URL's parameters and signature; answers the refusal to send, or the parameters. */
  private check(url: URL, names: string[], parts: (params: Record<string, string>) => Array<string | number>): { refusal: [number, string] } | { params: Record<string, string> } {
    const params: Record<string, string> = {};
    for (const name of [...names, 'exp', 'sig']) {
      const value = url.searchParams.get(name);
      if (value === null) return { refusal: [403, 'Invalid signature'] };
      params[name] = value;
    }
    // The file the URL is for, when it names one (signed like the rest).
    params.org = url.searchParams.get('org') ?? '';
    params.file = url.searchParams.get('file') ?? '';
    if (!isValidStorageKey(params.key!) || !/^\d{1,12}$/.test(params.exp!) || !this.verify(parts(params), params.sig!)) return { refusal: [403, 'Invalid signature'] };
    if (Number(params.exp) * 1000 < Date.now()) return { refusal: [403, 'URL expired'] };
    return { params };
  }

  private async serveUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL, files?: FileStates): Promise<void> {
    if (req.method !== 'PUT') return refuse(res, 405, 'Use PUT', { allow: 'PUT' });
    const checked = this.check(url, ['key', 'size', 'type'], (p) => ['PUT', p.key!, Number(p.exp), Number(p.size), p.type!, p.org!, p.file!]);
    if ('refusal' in checked) return refuse(res, ...checked.refusal);
    const { key, type } = checked.params as { key: string; type: string };
    const size = Number(checked.params.size);
    if ((req.headers['content-type'] ?? '') !== type) return refuse(res, 403, 'Content-Type differs from the signed one');
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) !== size) return refuse(res, Number(declared) > size ? 413 : 400, `The body must be exactly ${size} bytes`);
    // Once completeUpload has checked the bytes, they are the file's: its upload URL, still
    // valid, writes nothing more. Checked again before the body takes its place.
    const owner = ownerOf(checked.params);
    const stillPending = async () => !files || !owner || (await files.stateOf(owner)) === 'PENDING';
    if (!(await stillPending())) return refuse(res, 409, 'This file is complete or deleted: its bytes cannot change');
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        if (received > size) callback(new TooLarge());
        else callback(null, chunk);
      },
    });
    // Not pipeline(req, …): on a refusal that would destroy the request's socket before the
    // answer goes out. A client that goes away mid-upload ends the write with an error.
    req.pipe(counter);
    req.once('close', () => {
      if (!req.complete) counter.destroy(new Error('upload aborted'));
    });
    try {
      await pipeline(counter, fs.createWriteStream(temp, { mode: 0o600 }));
    } catch (error) {
      req.unpipe(counter);
      await fs.promises.unlink(temp).catch(() => undefined);
      if (error instanceof TooLarge) return refuse(res, 413, `The body must be exactly ${size} bytes`);
      // The client went away mid-upload: nothing was stored, nobody to answer.
      if (!res.headersSent) res.destroy();
      return;
    }
    if (received !== size) {
      await fs.promises.unlink(temp).catch(() => undefined);
      return refuse(res, 400, `The body must be exactly ${size} bytes`);
    }
    if (!(await stillPending())) {
      await fs.promises.unlink(temp).catch(() => undefined);
      return refuse(res, 409, 'This file is complete or deleted: its bytes cannot change');
    }
    await fs.promises.rename(temp, target);
    res.writeHead(200, { 'content-length': '0' });
    res.end();
  }

  private async serveDownload(req: http.IncomingMessage, res: http.ServerResponse, url: URL, files?: FileStates): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET', { allow: 'GET, HEAD' });
    const checked = this.check(url, ['key', 'name', 'type'], (p) => ['GET', p.key!, Number(p.exp), p.name!, p.type!, p.org!, p.file!]);
    if ('refusal' in checked) return refuse(res, ...checked.refusal);
    const { key, name, type } = checked.params as { key: string; name: string; type: string };
    // A URL handed out before the file was deleted (or erased) serves nothing once it is.
    const owner = ownerOf(checked.params);
    if (files && owner && (await files.stateOf(owner)) !== 'UPLOADED') return refuse(res, 404, 'Not found');
    if (this.options.redirectDownload) {
      res.writeHead(302, { location: await this.options.redirectDownload(key, name, type), 'cache-control': 'private, no-store' });
      return void res.end();
    }
    const stored = await this.stat(key);
    if (!stored) return refuse(res, 404, 'Not found');
    res.writeHead(200, {
      'content-type': type,
      'content-length': String(stored.size),
      // Bodies are the users' own: never rendered as a page of this origin.
      'content-disposition': contentDisposition(name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    await pipeline(fs.createReadStream(this.pathOf(key)), res).catch(() => res.destroy());
  }
}

function ownerParams(file: StoredFileRef | undefined): { org: string; file: string } {
  return file ? { org: file.organizationId, file: file.id } : { org: '', file: '' };
}

function ownerOf(params: Record<string, string>): StoredFileRef | undefined {
  return params.org && params.file ? { organizationId: params.org, id: params.file } : undefined;
}

function refuse(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  // The body may still be arriving: close the connection rather than read it.
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close', ...headers });
  res.end(`${message}\n`);
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
