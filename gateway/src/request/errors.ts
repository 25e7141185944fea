import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { maskError } from '@ubos/kernel';
import type { GatewayContext } from '../context.js';

const SUGGESTION = / ?Did you mean[\s\S]*\?$/;

/**
 * What the caller sees of the errors Apollo answers with: each masked unless it was raised on
 * purpose, without "Did you mean …?", and an HTTP status that follows their codes.
 */
export function errorsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors) return;
          result.errors = result.errors.map((error) => withoutSuggestion(masked(error, contextValue.requestId)));
          const status = result.errors.length > 0 && !result.data ? statusWithoutData(result.errors, response.http.status) : undefined;
          if (status) response.http.status = status;
        },
      };
    },
  };
}

function masked(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  // Which subgraph failed, its address and its raw answer are ours to know.
  const { serviceName: _serviceName, response: _response, ...extensions } = (error.extensions ?? {}) as Record<string, unknown>;
  return maskError({ ...error, extensions }, requestId);
}

/**
 * Apollo's `hideSchemaDetailsFromClientErrors` removes "Did you mean …?" from validation errors
 * only; coercing variables (an enum value, an input field) suggests too.
 */
function withoutSuggestion(error: GraphQLFormattedError): GraphQLFormattedError {
  return SUGGESTION.test(error.message) ? { ...error, message: error.message.replace(SUGGESTION, '') } : error;
}

/**
 * The status of an answer that is all errors: 401 for a missing login, 4xx for any request the
 * caller got wrong, 500 only when something of ours failed. Undefined keeps Apollo's.
 */
function statusWithoutData(errors: readonly GraphQLFormattedError[], apolloStatus: number | undefined): number | undefined {
  if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) return 401;
  if ((apolloStatus ?? 200) >= 500 && errors.every((error) => error.extensions?.code !== 'INTERNAL_SERVER_ERROR')) return 400;
  return undefined;
}
