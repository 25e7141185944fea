import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@ubos/db';
import { loadConfig } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// The S3 store through the AWS SDK's presigner, against s3rver: a local S3-compatible server
// (not a mock of our code). It checks a SigV4 URL's credential and expiry, not its signature.
const BUCKET = 'ubos-files';
let s3: S3rver;
let s3Dir: string;
let t: TestStack;
let owner: GraphQLClient;
let clientId: string;

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-s3rver-'));
  const port = await findFreePort();
  s3 = new S3rver({ address: '127.0.0.1', port, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
  await s3.run();
  const files = loadConfig({}).files;
  t = await startTestStack({
    config: {
      files: {
        ...files,
        s3: { bucket: BUCKET, endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true },
      },
    },
  });
  owner = await t.as('alpha');
  clientId = (await owner.request('mutation { createClient(input: { name: "Bucketed" }) { id } }')).data.createClient.id;
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
});

async function ticketFor(size: number, checksumSha256?: string) {
  const result = await owner.request(
    'mutation($input: CreateUploadUrlInput!) { createUploadUrl(input: $input) { url method expiresAt headers { name value } file { id status } } }',
    { input: { clientId, name: 'scan.pdf', contentType: 'application/pdf', size, checksumSha256 } },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createUploadUrl as { url: string; expiresAt: string; headers: Array<{ name: string; value: string }>; file: { id: string } };
}

const headersOf = (ticket: { headers: Array<{ name: string; value: string }> }) => Object.fromEntries(ticket.headers.map((header) => [header.name, header.value]));
const complete = (id: string) => owner.request('mutation($id: ID!) { completeUpload(fileId: $id) { status size checksumSha256 } }', { id });
const downloadUrl = async (id: string) => (await owner.request('query($id: ID!) { downloadUrl(fileId: $id) }', { id })).data.downloadUrl as string;

describe('uploading and downloading through presigned URLs (S3 store)', () => {
  it('uploads with a PUT to the bucket, verifies the stored object and downloads the same bytes', async () => {
    expect(t.stack.fileStore.kind).toBe('s3');
    const body = Buffer.from('%PDF-1.4 pretend this is a scan\n');
    const ticket = await ticketFor(body.length, sha256(body));
    expect(ticket.url.startsWith(`http://127.0.0.1:`)).toBe(true);
    // The URL writes a staging object; completeUpload copies it to the file's own key.
    expect(new URL(ticket.url).pathname).toMatch(new RegExp(`^/${BUCKET}/uploads/${t.tenants.alpha!.organizationId}/${ticket.file.id}$`));
    expect(headersOf(ticket)).toEqual({ 'content-type': 'application/pdf', 'content-length': String(body.length) });
    expect(Date.parse(ticket.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    const uploaded = await fetch(ticket.url, { method: 'PUT', headers: headersOf(ticket), body });
    expect(uploaded.status).toBe(200);
    const completed = await complete(ticket.file.id);
    expect(completed.data.completeUpload).toEqual({ status: 'UPLOADED', size: body.length, checksumSha256: sha256(body) });
    const download = await fetch(await downloadUrl(ticket.file.id));
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(body);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('attachment; filename="scan.pdf"');
  });

  it('signs the size and type, refuses expired or forged URLs, and catches a body of another size at completeUpload', async () => {
    const body = Buffer.from('0123456789');
    const ticket = await ticketFor(body.length);
    // The signature covers the length and the type (S3 refuses any other body); s3rver checks
    // the credential and the expiry of SigV4 URLs but not the signature itself.
    expect(new URL(ticket.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    const forged = new URL(ticket.url);
    forged.searchParams.set('X-Amz-Credential', forged.searchParams.get('X-Amz-Credential')!.replace(/^S3RVER/, 'FORGED'));
    const refused = await fetch(forged, { method: 'PUT', headers: headersOf(ticket), body });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/InvalidAccessKeyId/);
    const [row] = await t.db.admin('select storage_key from files where id = $1', [ticket.file.id]);
    const expired = await t.stack.fileStore.presignUpload(row.storage_key, { size: body.length, contentType: 'application/pdf', expiresAt: new Date(Date.now() - 60_000) });
    const late = await fetch(expired.url, { method: 'PUT', headers: expired.headers, body });
    expect(late.status).toBe(403);
    expect(await late.text()).toMatch(/Request has expired/);
    expect((await complete(ticket.file.id)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileId' });

    // A body of another size (which S3 itself would refuse) is caught before the file counts.
    const longer = Buffer.from('0123456789X');
    expect((await fetch(ticket.url, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: longer })).status).toBe(200);
    const wrongSize = await complete(ticket.file.id);
    expect(wrongSize.errors?.[0]).toMatchObject({ message: 'The upload has 11 bytes, not the declared 10', extensions: { code: 'BAD_USER_INPUT', field: 'fileId' } });
    expect((await owner.request('query($id: ID!) { file(id: $id) { status } }', { id: ticket.file.id })).data.file.status).toBe('PENDING');

    expect((await fetch(ticket.url, { method: 'PUT', headers: headersOf(ticket), body })).status).toBe(200);
    expect((await complete(ticket.file.id)).data.completeUpload.status).toBe('UPLOADED');
    // The gateway checks the file, then redirects to the bucket: the name and type the object
    // is served with are signed query parameters of that URL.
    const checked = await fetch(await downloadUrl(ticket.file.id), { redirect: 'manual' });
    expect(checked.status).toBe(302);
    const download = new URL(checked.headers.get('location')!);
    expect(download.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(download.searchParams.get('response-content-disposition')).toContain('filename="scan.pdf"');
    const expiredDownload = await t.stack.fileStore.presignDownload(row.storage_key, { fileName: 'scan.pdf', contentType: 'application/pdf', expiresAt: new Date(Date.now() - 60_000) });
    expect((await fetch(expiredDownload.url)).status).toBe(403);
    expect(Buffer.from(await (await fetch(download)).arrayBuffer())).toEqual(body);
  });

  it('keeps the bytes that were checked: the upload URL writes a staging object, completeUpload copies it to the file', async () => {
    const body = Buffer.from('the checked bytes');
    const ticket = await ticketFor(body.length, sha256(body));
    const [row] = await t.db.admin('select storage_key from files where id = $1', [ticket.file.id]);
    // The URL's object is not the one downloads are served from.
    expect(new URL(ticket.url).pathname).not.toBe(`/${BUCKET}/${row.storage_key}`);
    expect((await fetch(ticket.url, { method: 'PUT', headers: headersOf(ticket), body })).status).toBe(200);
    expect((await complete(ticket.file.id)).data.completeUpload).toEqual({ status: 'UPLOADED', size: body.length, checksumSha256: sha256(body) });

    // The upload URL still lives, and S3 takes a PUT of other bytes of the same size: they land
    // where nothing reads them, and the file keeps serving what was checked.
    const other = Buffer.from('other bytes, same');
    expect(other.length).toBe(body.length);
    expect((await fetch(ticket.url, { method: 'PUT', headers: headersOf(ticket), body: other })).status).toBe(200);
    expect((await complete(ticket.file.id)).data.completeUpload).toEqual({ status: 'UPLOADED', size: body.length, checksumSha256: sha256(body) });
    const download = await fetch(await downloadUrl(ticket.file.id));
    expect(Buffer.from(await download.arrayBuffer())).toEqual(body);
  });

  it('serves no deleted file: a download URL goes through the gateway, which checks the file and redirects to a short-lived S3 URL', async () => {
    const body = Buffer.from('soon deleted');
    const ticket = await ticketFor(body.length, sha256(body));
    expect((await fetch(ticket.url, { method: 'PUT', headers: headersOf(ticket), body })).status).toBe(200);
    expect((await complete(ticket.file.id)).data.completeUpload.status).toBe('UPLOADED');
    const url = await downloadUrl(ticket.file.id);
    expect(url.startsWith(t.url)).toBe(true);
    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const bucketUrl = new URL(first.headers.get('location')!);
    expect(Number(bucketUrl.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(60);
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(body);

    await owner.request('mutation($id: ID!) { deleteFile(id: $id) { id } }', { id: ticket.file.id });
    expect((await fetch(url)).status).toBe(404);
    await owner.request('mutation($id: ID!) { restoreFile(id: $id) { id } }', { id: ticket.file.id });
    expect((await fetch(url)).status).toBe(200);
  });

  it('refuses completeUpload when the stored bytes differ from the declared checksum', async () => {
    const body = Buffer.from('expected bytes');
    const ticket = await ticketFor(body.length, sha256(body));
    expect((await fetch(ticket.url, { method: 'PUT', headers: headersOf(ticket), body: Buffer.from('different byte') })).status).toBe(200);
    const refused = await complete(ticket.file.id);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileId' });
    expect((await owner.request('query($id: ID!) { file(id: $id) { status } }', { id: ticket.file.id })).data.file.status).toBe('PENDING');
  });
});
