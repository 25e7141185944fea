import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { UbosConfig } from '../config.js';
import { DEMO_FILES } from './demo-files.js';
import { LocalFileStore } from './local.js';
import { createS3FileStore } from './s3.js';
import type { FileStore } from './types.js';

export * from './types.js';
export * from './demo-files.js';
export { LocalFileStore, LOCAL_DOWNLOAD_PATH, LOCAL_UPLOAD_PATH, contentDisposition, isValidStorageKey } from './local.js';
export { createS3FileStore } from './s3.js';

/**
 * The local store's URL secret: UBOS_FILES_SECRET, else one generated once into
 * <dataDir>/keys/files-secret (like the JWT keys), so URLs handed out survive a restart and
 * every process sharing the data directory agrees.
 */
export function filesSecret(config: UbosConfig): string {
  if (config.files.secret) {
    if (config.files.secret.length < 16) throw new Error('UBOS_FILES_SECRET must be at least 16 characters');
    return config.files.secret;
  }
  const keyDir = path.join(config.dataDir, 'keys');
  const file = path.join(keyDir, 'files-secret');
  fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    // Written whole under a private name, then linked into place: link fails if another process
    // got there first, and nobody can read the file half-written (as with an exclusive create).
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(draft, randomBytes(32).toString('base64url'), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * The configured store: S3 when S3_BUCKET is set, else the local disk under UBOS_FILES_DIR
 * (default <dataDir>/files), whose URLs start with UBOS_PUBLIC_URL, else `publicUrl()` (the
 * stack passes the gateway's address once it listens), else http://localhost:<PORT>.
 */
export async function createFileStore(config: UbosConfig, options: { publicUrl?: () => string | undefined } = {}): Promise<FileStore> {
  // Read (or generated) on first use, so a process that never signs a URL writes no key.
  const secret = () => filesSecret(config);
  const publicUrl = () => config.publicUrl ?? options.publicUrl?.() ?? `http://localhost:${config.port}`;
  if (config.files.s3) return createS3FileStore(config.files.s3, config.files.urlTtlSeconds, { secret, publicUrl });
  return new LocalFileStore({ dir: config.files.dir ?? path.join(config.dataDir, 'files'), secret, publicUrl, urlTtlSeconds: config.files.urlTtlSeconds });
}

/** The SHA-256 (hex) of a stored body, read as a stream. */
export async function sha256OfStored(store: FileStore, key: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await store.read(key)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes the demo files' bodies the store lacks; answers how many it wrote. */
export async function writeDemoFileBodies(store: FileStore): Promise<number> {
  let written = 0;
  for (const file of DEMO_FILES) if (await store.putIfMissing(file.key, file.body, file.contentType)) written++;
  return written;
}
