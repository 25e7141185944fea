import cluster from 'node:cluster';
import { metricsRegistry } from '@ubos/kernel';

// The member's side of /metrics in a cluster (gateway/src/cluster.ts): a scrape reaches one
// member, which asks the primary for the sum of every member's registry.

const waiting = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();
let nextRequest = 0;

/** The /metrics text: this process's registry, or, in a member of a cluster, the whole cluster's. */
export function metricsText(): Promise<string> {
  if (!cluster.isWorker || !process.send) return metricsRegistry.metrics();
  const id = nextRequest++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error('the primary process did not answer with the metrics'));
    }, 10_000);
    waiting.set(id, {
      resolve: (text) => (clearTimeout(timer), resolve(text)),
      reject: (error) => (clearTimeout(timer), reject(error)),
    });
    process.send!({ type: 'ubos:metrics?', id });
  });
}

/** The primary's answer to a member's metricsText(). */
export function settleMetricsRequest(id: number, text: string | undefined, error: string | undefined): void {
  const request = waiting.get(id);
  waiting.delete(id);
  if (text !== undefined) request?.resolve(text);
  else request?.reject(new Error(error ?? 'no metrics'));
}
