import type { ApolloServerPlugin } from '@apollo/server';
import { httpRequestSeconds, httpRequestsTotal, operationLabel, tenantLatencies } from '@ubos/kernel';
import type { GatewayContext } from '../context.js';

/**
 * Counts and times every operation Apollo answers, by operation name (capped, see
 * operationLabel) and type, and adds its duration to the tenant's latency window (data quality's
 * query p95). Requests refused before Apollo (limits, rate limits) are counted by their own metrics.
 */
export function metricsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = performance.now();
      return {
        async willSendResponse({ operationName, operation, response }) {
          const seconds = (performance.now() - startedAt) / 1000;
          const labels = { operation: operationLabel(operationName), type: operation?.operation ?? 'unknown' };
          httpRequestSeconds.observe(labels, seconds);
          httpRequestsTotal.inc({ ...labels, status: `${String(response.http.status ?? 200).charAt(0)}xx` });
          if (contextValue.organizationId) tenantLatencies.record(contextValue.organizationId, 'operation', seconds * 1000);
        },
      };
    },
  };
}
