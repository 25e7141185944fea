import { httpRequestSeconds, httpRequestsTotal, operationLabel, tenantLatencies } from '@ubos/kernel';

/**
 * Counts and times every operation the gateway answers, by operation name (capped, see
 * operationLabel) and type, and adds its duration to the tenant's latency window (data quality's
 * query p95). Requests refused before (limits, rate limits) are counted by their own metrics.
 */
export function observeOperation(organizationId: string | null, operationName: string | null, type: string | undefined, status: number, startedAt: number): void {
  const seconds = (performance.now() - startedAt) / 1000;
  const labels = { operation: operationLabel(operationName), type: type ?? 'unknown' };
  httpRequestSeconds.observe(labels, seconds);
  httpRequestsTotal.inc({ ...labels, status: `${String(status).charAt(0)}xx` });
  if (organizationId) tenantLatencies.record(organizationId, 'operation', seconds * 1000);
}
