import type http from 'node:http';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import { registeredOperationsOnly, type PersistedOperations } from '../persisted.js';
import { Refusal } from './refusal.js';

/**
 * The body to run: as sent, or for an API key that accepts registered operations only, the
 * registered operation it names. An unknown hash answers 200 with `PERSISTED_QUERY_NOT_FOUND`
 * (so that APQ clients send the text), anything else not registered 403.
 */
export async function registeredOperation(req: http.IncomingMessage, body: unknown, context: GatewayContext, persisted: PersistedOperations): Promise<unknown> {
  if (!context.apiKey?.persistedOnly) return body;
  try {
    if (req.method !== 'POST') throw registeredOperationsOnly();
    return await persisted.resolve(body, context);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const status = error.extensions.code === 'PERSISTED_QUERY_NOT_FOUND' ? 200 : 403;
    throw new Refusal(status, error.message, { ...error.extensions, requestId: context.requestId }, { 'x-request-id': context.requestId });
  }
}
