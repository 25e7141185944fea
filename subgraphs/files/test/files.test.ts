import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILES, writeDemoFileBodies } from '@ubos/kernel';
import { startTestStack, type GraphQLClient, type TestStack } from '@ubos/test-support/stack';

// Files with the default store, the local disk served by the gateway: real HTTP uploads and
// downloads through presigned URLs, and completeUpload's checks.
let t: TestStack;
let owner: GraphQLClient;
let clientId: string;
let projectId: string;

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');
const MISSING = '019b0000-0000-7000-8000-000000000000';

const CREATE = `mutation($input: CreateUploadUrlInput!) {
  createUploadUrl(input: $input) {
    url method expiresAt headers { name value }
    file { id name contentType size checksumSha256 status uploadedAt createdBy version client { id } project { id } }
  }
}`;

interface Ticket {
  url: string;
  method: string;
  expiresAt: string;
  headers: Array<{ name: string; value: string }>;
  file: { id: string; size: number; status: string; checksumSha256: string | null };
}

async function ticketFor(input: Record<string, unknown>): Promise<Ticket> {
  const result = await owner.request(CREATE, { input: { clientId, name: 'notes.txt', contentType: 'text/plain', ...input } });
  expect(result.errors).toBeUndefined();
  return result.data.createUploadUrl;
}

function put(ticket: Ticket, body: Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(ticket.url, { method: 'PUT', headers: { ...Object.fromEntries(ticket.headers.map((header) => [header.name, header.value])), ...headers }, body });
}

const complete = (fileId: string) => owner.request('mutation($id: ID!) { completeUpload(fileId: $id) { id status size checksumSha256 uploadedAt version } }', { id: fileId });
const downloadUrl = (fileId: string) => owner.request('query($id: ID!) { downloadUrl(fileId: $id) }', { id: fileId });

function errorOf(result: { errors?: Array<{ extensions?: Record<string, any> }> }) {
  return { code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field };
}

beforeAll(async () => {
  t = await startTestStack();
  owner = await t.as('alpha');
  clientId = (await owner.request('mutation { createClient(input: { name: "Filed" }) { id } }')).data.createClient.id;
  projectId = (await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Assets" }) { id } }', { c: clientId })).data.createProject.id;
});
afterAll(() => t?.close());

describe('uploading and downloading through presigned URLs (local store)', () => {
  it('uploads the bytes with a PUT, verifies them on completeUpload, and downloads the same bytes', async () => {
    const body = Buffer.from('Quarterly report: all green.\n');
    const ticket = await ticketFor({ name: 'Report Q1 – final.txt', contentType: 'text/plain; charset=utf-8', size: body.length, checksumSha256: sha256(body).toUpperCase() });
    expect(ticket.method).toBe('PUT');
    expect(ticket.url.startsWith(`${t.url}/files/upload?`)).toBe(true);
    expect(ticket.headers).toEqual([{ name: 'content-type', value: 'text/plain; charset=utf-8' }]);
    const lifetime = Date.parse(ticket.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);
    expect(ticket.file).toMatchObject({ size: body.length, status: 'PENDING', checksumSha256: sha256(body), uploadedAt: null, version: 1, client: { id: clientId }, project: null });
    expect(ticket.file).toMatchObject({ createdBy: `user:${t.tenants.alpha!.userIds['owner@alpha.test']}` });

    // Not downloadable before it is complete.
    expect(errorOf(await downloadUrl(ticket.file.id)).code).toBe('CONFLICT');
    const uploaded = await put(ticket, body);
    expect(uploaded.status).toBe(200);
    const completed = await complete(ticket.file.id);
    expect(completed.errors).toBeUndefined();
    expect(completed.data.completeUpload).toMatchObject({ status: 'UPLOADED', size: body.length, checksumSha256: sha256(body), version: 2 });
    expect(completed.data.completeUpload.uploadedAt).toBeTruthy();
    // Completing again changes nothing.
    expect((await complete(ticket.file.id)).data.completeUpload.version).toBe(2);

    const url = (await downloadUrl(ticket.file.id)).data.downloadUrl as string;
    expect(url.startsWith(`${t.url}/files/download?`)).toBe(true);
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(body);
    expect(download.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Report Q1 _ final.txt"; filename*=UTF-8''Report%20Q1%20%E2%80%93%20final.txt`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');

    // Audited, versioned, announced.
    const events = await t.db.admin('select action, client_id from activity_events where entity_id = $1 order by seq', [ticket.file.id]);
    expect(events).toEqual([
      { action: 'created', client_id: clientId },
      { action: 'updated', client_id: clientId },
    ]);
    const [announced] = await t.db.admin('select payload from outbox where event_type = $1 and aggregate_id = $2', ['FileUploaded', ticket.file.id]);
    expect(announced.payload).toMatchObject({ clientId, size: body.length, checksumSha256: sha256(body) });
    const history = await owner.request('query($id: ID!) { file(id: $id) { history { totalCount edges { node { version snapshot { status } } } } } }', { id: ticket.file.id });
    expect(history.data.file.history.edges.map((edge: any) => [edge.node.version, edge.node.snapshot.status])).toEqual([
      [1, 'PENDING'],
      [2, 'UPLOADED'],
    ]);
  });

  it('keeps a completed file as it was checked: its upload URL refuses other bytes, and a deleted file is not served', async () => {
    const body = Buffer.from('Signed contract, final.\n');
    const ticket = await ticketFor({ name: 'contract.txt', size: body.length });
    expect((await put(ticket, body)).status).toBe(200);
    expect((await complete(ticket.file.id)).data.completeUpload.status).toBe('UPLOADED');
    const url = (await downloadUrl(ticket.file.id)).data.downloadUrl as string;

    // The same upload URL, still within its lifetime, with other bytes of the same size.
    const tampered = Buffer.from('Signed contract, FORGE.\n');
    expect(tampered.length).toBe(body.length);
    const overwrite = await put(ticket, tampered);
    expect(overwrite.status).toBe(409);
    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(body);

    // A download URL handed out before the delete is not served after it, nor after a restore's undo.
    const deleted = await owner.request('mutation($id: ID!) { deleteFile(id: $id) { id } }', { id: ticket.file.id });
    expect(deleted.errors).toBeUndefined();
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(404);
    expect((await owner.request('mutation($id: ID!) { restoreFile(id: $id) { id } }', { id: ticket.file.id })).errors).toBeUndefined();
    expect((await fetch(url)).status).toBe(200);
  });

  it('refuses tampered and expired URLs with 403 and a short body', async () => {
    const body = Buffer.from('secret plans');
    const ticket = await ticketFor({ size: body.length });
    const tampered = (change: (url: URL) => void) => {
      const url = new URL(ticket.url);
      change(url);
      return { ...ticket, url: url.toString() };
    };
    const attempts = [
      tampered((url) => url.searchParams.set('sig', `${url.searchParams.get('sig')!.slice(0, -2)}AA`)),
      tampered((url) => url.searchParams.set('size', String(body.length + 100))),
      tampered((url) => url.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 3600))),
      tampered((url) => url.searchParams.set('key', `${t.tenants.beta!.organizationId}/${ticket.file.id}`)),
      tampered((url) => url.searchParams.delete('sig')),
    ];
    for (const attempt of attempts) {
      const response = await put(attempt, body);
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('Invalid signature\n');
    }
    // Signed with an expiry in the past (the store signs whatever instant it is given).
    const [row] = await t.db.admin('select storage_key from files where id = $1', [ticket.file.id]);
    const expiredUpload = await t.stack.fileStore.presignUpload(row.storage_key, { size: body.length, contentType: 'text/plain', expiresAt: new Date(Date.now() - 1000) });
    const refused = await fetch(expiredUpload.url, { method: 'PUT', headers: expiredUpload.headers, body });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('URL expired\n');
    expect((await complete(ticket.file.id)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileId' });

    expect((await put(ticket, body)).status).toBe(200);
    expect((await complete(ticket.file.id)).data.completeUpload.status).toBe('UPLOADED');
    const url = new URL((await downloadUrl(ticket.file.id)).data.downloadUrl);
    const renamed = new URL(url);
    renamed.searchParams.set('name', 'other.html');
    expect((await fetch(renamed)).status).toBe(403);
    const retyped = new URL(url);
    retyped.searchParams.set('type', 'text/html');
    expect((await fetch(retyped)).status).toBe(403);
    const expiredDownload = await t.stack.fileStore.presignDownload(row.storage_key, { fileName: 'notes.txt', contentType: 'text/plain', expiresAt: new Date(Date.now() - 1000) });
    const late = await fetch(expiredDownload.url);
    expect(late.status).toBe(403);
    expect(await late.text()).toBe('URL expired\n');
    expect((await fetch(url)).status).toBe(200);
  });

  it('enforces the signed size and content type on upload', async () => {
    const ticket = await ticketFor({ size: 10 });
    const tooBig = await put(ticket, Buffer.alloc(11, 1));
    expect(tooBig.status).toBe(413);
    const tooSmall = await put(ticket, Buffer.alloc(9, 1));
    expect(tooSmall.status).toBe(400);
    const wrongType = await put(ticket, Buffer.alloc(10, 1), { 'content-type': 'text/html' });
    expect(wrongType.status).toBe(403);
    // Nothing was stored by the refused attempts.
    expect(errorOf(await complete(ticket.file.id))).toEqual({ code: 'BAD_USER_INPUT', field: 'fileId' });
    // A body streamed without Content-Length is counted as it arrives and cut off past the size.
    const streamed = await fetch(ticket.url, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(8));
          controller.enqueue(new Uint8Array(8));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await put(ticket, Buffer.alloc(10, 1))).status).toBe(200);
    expect((await complete(ticket.file.id)).data.completeUpload.status).toBe('UPLOADED');
  });

  it('refuses completeUpload when nothing, too little or other bytes were stored; the file stays PENDING', async () => {
    const body = Buffer.from('the real content');
    const ticket = await ticketFor({ size: body.length, checksumSha256: sha256(body) });
    expect(errorOf(await complete(ticket.file.id))).toEqual({ code: 'BAD_USER_INPUT', field: 'fileId' });
    // Same size, other bytes: the declared checksum catches it.
    expect((await put(ticket, Buffer.from('the fake content'))).status).toBe(200);
    const mismatch = await complete(ticket.file.id);
    expect(errorOf(mismatch)).toEqual({ code: 'BAD_USER_INPUT', field: 'fileId' });
    expect(mismatch.errors?.[0]?.message).toMatch(/SHA-256/);
    expect((await owner.request('query($id: ID!) { file(id: $id) { status version } }', { id: ticket.file.id })).data.file).toEqual({ status: 'PENDING', version: 1 });
    // The URL still lives: the right bytes complete it.
    expect((await put(ticket, body)).status).toBe(200);
    expect((await complete(ticket.file.id)).data.completeUpload.status).toBe('UPLOADED');

    // A body of another size (written behind the URL's back) is refused on size.
    const short = await ticketFor({ size: 100 });
    const [row] = await t.db.admin('select storage_key from files where id = $1', [short.file.id]);
    await t.stack.fileStore.putIfMissing(row.storage_key, Buffer.alloc(50), 'text/plain');
    const sized = await complete(short.file.id);
    expect(errorOf(sized)).toEqual({ code: 'BAD_USER_INPUT', field: 'fileId' });
    expect(sized.errors?.[0]?.message).toBe('The upload has 50 bytes, not the declared 100');
  });
});

describe('file objects in the graph', () => {
  it('validates the input, naming the field at fault', async () => {
    const otherClient = (await owner.request('mutation { createClient(input: { name: "Other" }) { id } }')).data.createClient.id;
    const cases: Array<[Record<string, unknown>, string, string?]> = [
      [{ size: 0 }, 'input.size'],
      [{ size: -5 }, 'input.size'],
      [{ size: 100 * 1024 * 1024 + 1 }, 'input.size'],
      [{ size: 1, name: '../etc/passwd' }, 'input.name'],
      [{ size: 1, name: 'a\\b.txt' }, 'input.name'],
      [{ size: 1, name: 'line\nbreak.txt' }, 'input.name'],
      [{ size: 1, name: '   ' }, 'input.name'],
      [{ size: 1, name: `${'x'.repeat(252)}.txt` }, 'input.name'],
      [{ size: 1, contentType: 'pdf' }, 'input.contentType'],
      [{ size: 1, contentType: 'text/plain; charset' }, 'input.contentType'],
      [{ size: 1, checksumSha256: 'abc' }, 'input.checksumSha256'],
      [{ size: 1, clientId: undefined }, 'input.clientId'],
      [{ size: 1, clientId: 'nope' }, 'input.clientId'],
      [{ size: 1, clientId: otherClient, projectId }, 'input.projectId'],
    ];
    for (const [input, field] of cases) {
      const result = await owner.request(CREATE, { input: { clientId, name: 'notes.txt', contentType: 'text/plain', ...input } });
      expect(errorOf(result), JSON.stringify(input)).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    const missingClient = await owner.request(CREATE, { input: { clientId: MISSING, name: 'a.txt', contentType: 'text/plain', size: 1 } });
    expect(errorOf(missingClient)).toEqual({ code: 'NOT_FOUND', field: 'input.clientId' });
    const missingProject = await owner.request(CREATE, { input: { projectId: MISSING, name: 'a.txt', contentType: 'text/plain', size: 1 } });
    expect(errorOf(missingProject)).toEqual({ code: 'NOT_FOUND', field: 'input.projectId' });
    const [betaClient] = await t.db.admin('select id from clients where organization_id = $1 limit 1', [t.tenants.beta!.organizationId]);
    expect(errorOf(await owner.request(CREATE, { input: { clientId: betaClient.id, name: 'a.txt', contentType: 'text/plain', size: 1 } }))).toEqual({ code: 'NOT_FOUND', field: 'input.clientId' });
    expect(errorOf(await complete(MISSING))).toEqual({ code: 'NOT_FOUND', field: 'fileId' });
    expect(errorOf(await downloadUrl(MISSING))).toEqual({ code: 'NOT_FOUND', field: 'fileId' });
    expect((await owner.request('query($id: ID!) { file(id: $id) { id } }', { id: MISSING })).data.file).toBeNull();
    // The largest accepted size and a media type with parameters pass.
    const largest = await owner.request(CREATE, { input: { clientId, name: 'big.bin', contentType: 'Application/Octet-Stream; q="x y"', size: 100 * 1024 * 1024 } });
    expect(largest.data.createUploadUrl.file).toMatchObject({ contentType: 'application/octet-stream; q="x y"', size: 100 * 1024 * 1024 });
  });

  it('files a project\'s upload under its client, lists and filters them, through Client.files too', async () => {
    const client = (await owner.request('mutation { createClient(input: { name: "Listed" }) { id } }')).data.createClient.id;
    const project = (await owner.request('mutation($c: ID!) { createProject(input: { clientId: $c, name: "Brand" }) { id } }', { c: client })).data.createProject.id;
    const forProject = await owner.request(CREATE, { input: { projectId: project, name: 'logo.svg', contentType: 'image/svg+xml', size: 3 } });
    expect(forProject.data.createUploadUrl.file).toMatchObject({ client: { id: client }, project: { id: project } });
    const body = Buffer.from('abc');
    const forClient = await owner.request(CREATE, { input: { clientId: client, name: 'brief.txt', contentType: 'text/plain', size: 3 } });
    expect((await put(forClient.data.createUploadUrl, body)).status).toBe(200);
    await complete(forClient.data.createUploadUrl.file.id);
    const listed = await owner.request(
      `query($c: ID!, $p: ID!) { client(id: $c) {
        files { totalCount edges { node { name status project { id } } } }
        ofProject: files(filter: { projectId: $p }) { totalCount edges { node { name } } }
        pending: files(filter: { status: [PENDING] }) { totalCount }
      } }`,
      { c: client, p: project },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data.client.files.edges.map((edge: any) => edge.node.name)).toEqual(['brief.txt', 'logo.svg']);
    expect(listed.data.client.ofProject).toEqual({ totalCount: 1, edges: [{ node: { name: 'logo.svg' } }] });
    expect(listed.data.client.pending.totalCount).toBe(1);
    const root = await owner.request('query($c: ID!) { files(first: 1, filter: { clientId: $c, status: [UPLOADED] }) { totalCount edges { node { name } } } }', { c: client });
    expect(root.data.files).toEqual({ totalCount: 1, edges: [{ node: { name: 'brief.txt' } }] });
    const [{ count }] = await t.db.admin('select count(*)::int as count from files where organization_id = $1 and deleted_at is null', [t.tenants.alpha!.organizationId]);
    expect((await owner.request('{ files(first: 0) { totalCount } }')).data.files.totalCount).toBe(count);

    // Soft delete and restore: gone from lists, lookups and downloads, then back.
    const id = forClient.data.createUploadUrl.file.id;
    const deleted = await owner.request('mutation($id: ID!) { deleteFile(id: $id, expectedVersion: 2) { deletedAt deletedBy version } }', { id });
    expect(deleted.data.deleteFile.version).toBe(3);
    expect((await owner.request('query($c: ID!) { client(id: $c) { files { totalCount } } }', { c: client })).data.client.files.totalCount).toBe(1);
    expect(errorOf(await downloadUrl(id))).toEqual({ code: 'NOT_FOUND', field: 'fileId' });
    expect((await owner.request('query($id: ID!) { file(id: $id) { id } }', { id })).data.file).toBeNull();
    const admin = await owner.request('query($c: ID!) { client(id: $c) { files(includeDeleted: true) { totalCount } } }', { c: client });
    expect(admin.data.client.files.totalCount).toBe(2);
    const twice = await owner.request('mutation($id: ID!) { deleteFile(id: $id) { id } }', { id });
    expect(twice.errors?.[0]).toMatchObject({ message: 'File not found', extensions: { code: 'NOT_FOUND', field: 'id' } });
    await owner.request('mutation($id: ID!) { restoreFile(id: $id) { id } }', { id });
    const announced = await t.db.admin("select event_type, aggregate_type, payload from outbox where aggregate_id = $1 and event_type like 'FileObject%' order by id", [id]);
    expect(announced).toEqual([
      { event_type: 'FileObjectCreated', aggregate_type: 'FileObject', payload: expect.objectContaining({ version: 1, size: body.length }) },
      { event_type: 'FileObjectDeleted', aggregate_type: 'FileObject', payload: { version: 3 } },
      { event_type: 'FileObjectRestored', aggregate_type: 'FileObject', payload: { version: 4 } },
    ]);
    const back = await fetch((await downloadUrl(id)).data.downloadUrl);
    expect(Buffer.from(await back.arrayBuffer())).toEqual(body);
  });

  it('serves the seeded demo files once their bodies are written', async () => {
    expect(await writeDemoFileBodies(t.stack.fileStore)).toBe(DEMO_FILES.length);
    expect(await writeDemoFileBodies(t.stack.fileStore)).toBe(0);
    const [seeded] = await t.db.admin("select id, client_id, name from files where organization_id = $1 and status = 'UPLOADED' and storage_key like 'demo/%' order by id limit 1", [
      t.tenants.alpha!.organizationId,
    ]);
    const demo = DEMO_FILES.find((file) => file.name === seeded.name)!;
    const viaClient = await owner.request('query($c: ID!) { client(id: $c) { files { edges { node { id name size checksumSha256 status } } } } }', { c: seeded.client_id });
    expect(viaClient.data.client.files.edges.map((edge: any) => edge.node)).toContainEqual({ id: seeded.id, name: demo.name, size: demo.size, checksumSha256: demo.sha256, status: 'UPLOADED' });
    const response = await fetch((await downloadUrl(seeded.id)).data.downloadUrl);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(demo.body);
    expect((await owner.request('{ files(filter: { status: [PENDING] }) { totalCount } }')).data.files.totalCount).toBeGreaterThan(0);
  });
});
