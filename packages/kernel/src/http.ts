import type http from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * The whole body, or undefined once it grows past `limit` (leaving the loop destroys the
 * request, so the rest is never read).
 */
export async function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<JsonBody> {
  const body = await readBody(req, limit);
  if (!body) return { ok: false, message: 'Request body too large' };
  const text = body.toString('utf8');
  if (!text) return { ok: false, message: 'Request body is empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'Request body is not valid JSON' };
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}
