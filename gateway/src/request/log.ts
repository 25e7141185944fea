import type http from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import { logger } from '@ubos/kernel';
import type { RequestRecord } from '../context.js';

const records = new WeakMap<http.IncomingMessage, RequestRecord>();

/** Starts the record of a request; its line is written when the answer is sent (or the caller leaves). */
export function recordRequest(req: http.IncomingMessage, res: http.ServerResponse, requestId: string, path: string): RequestRecord {
  const record: RequestRecord = { requestId, errorCodes: [] };
  records.set(req, record);
  const started = process.hrtime.bigint();
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    const durationMs = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
    const entry = {
      requestId,
      method: req.method,
      path,
      status: res.headersSent ? res.statusCode : 499,
      durationMs,
      tenantId: record.tenantId ?? undefined,
      operationName: record.operationName ?? undefined,
      errorCodes: record.errorCodes.length > 0 ? [...new Set(record.errorCodes)] : undefined,
    };
    // Probes are polled all day long; their lines are for debugging only.
    if (path === '/health' || path === '/ready') logger().debug(entry, 'request');
    else logger().info(entry, 'request');
  };
  res.once('finish', write);
  res.once('close', write);
  return record;
}

export function recordOf(req: http.IncomingMessage): RequestRecord | undefined {
  return records.get(req);
}

/** The operation's part of the record: its name and the codes of the errors the caller sees. */
export function recordOperation(record: RequestRecord | undefined, operationName: string | null, errors: readonly GraphQLFormattedError[] | undefined): void {
  if (!record) return;
  record.operationName = operationName;
  for (const error of errors ?? []) record.errorCodes.push(String(error.extensions?.code ?? 'UNKNOWN'));
}
