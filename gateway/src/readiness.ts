import { withTimeout, type Readiness } from '@ubos/kernel';
import type { GatewayOptions } from './options.js';

/**
 * Whether this gateway can serve. In one process: every subgraph's pool reaches PostgreSQL and
 * the schema is migrated as the code expects. Distributed: every subgraph process answers its
 * own /ready (which checks its database the same way). A check that hangs fails after a bound.
 */
export async function readiness(options: Pick<GatewayOptions, 'runtimes' | 'subgraphUrls'>): Promise<Readiness> {
  const checks: Record<string, string> = {};
  const runtimes = Object.values(options.runtimes ?? {});
  if (runtimes.length > 0) {
    // The pools share one database: the first answer that is not ok is the one to report.
    const states = await Promise.all(runtimes.map((runtime) => runtime.ready()));
    const failing = states.find((state) => !state.ready) ?? states[0]!;
    Object.assign(checks, failing.checks);
  }
  await Promise.all(
    Object.entries(options.subgraphUrls ?? {}).map(async ([name, url]) => {
      try {
        const response = await withTimeout(fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2_000) }), `the ${name} subgraph`);
        const body = (await response.json().catch(() => ({}))) as { checks?: Record<string, string> };
        const failing = Object.entries(body.checks ?? {}).filter(([, state]) => state !== 'ok');
        checks[`subgraph:${name}`] = response.ok ? 'ok' : `not ready (${failing.map(([check, state]) => `${check}: ${state}`).join('; ') || `HTTP ${response.status}`})`;
      } catch {
        checks[`subgraph:${name}`] = 'unreachable';
      }
    }),
  );
  return { ready: Object.values(checks).every((state) => state === 'ok'), checks };
}
