import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { logger } from '@ubos/kernel';
import type { GatewayContext, RequestRecord } from '../context.js';

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

/** Apollo's part of the record: the operation it resolved and the codes of the errors the caller sees. */
export function requestLogPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operationName, request }) {
          const record = contextValue.record;
          if (!record) return;
          record.operationName = operationName ?? request.operationName ?? null;
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) record.errorCodes.push(String(error.extensions?.code ?? 'UNKNOWN'));
        },
      };
    },
  };
}
