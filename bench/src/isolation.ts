import { TENANT_FILTER } from '@ubos/kernel';

/**
 * BENCHMARK ONLY. `BENCH_TENANT_FILTER=off` turns the ORM's default tenant filter off in this
 * process, so that its cost can be measured (ARCHITECTURE section 7: the tenant filter plus
 * RLS costs at most 10%). MikroORM reads a filter's `default` flag at every query, and every
 * entity's metadata holds this very object (MAIN_ENTITY_FILTERS spreads TENANT_FILTER), so
 * flipping it here reaches every find, count and native update of the process.
 *
 * What stays on: Row Level Security (unless the process connects as the bench's BYPASSRLS
 * role, the other half of the measurement), the explicit `organization_id = ?` of the
 * kernel's raw-SQL child pages (that is product code), and the per-transaction set_config
 * (it also carries the actor and request id for the audit trail).
 *
 * The product never sets BENCH_TENANT_FILTER; only bench/src/run.ts does, for its "filter off"
 * system, whose answers it still checks against the others before timing anything.
 */
export function applyIsolationSwitch(env: NodeJS.ProcessEnv = process.env): void {
  if (env.BENCH_TENANT_FILTER === undefined || env.BENCH_TENANT_FILTER === 'on') return;
  if (env.BENCH_TENANT_FILTER !== 'off') throw new Error(`BENCH_TENANT_FILTER must be on or off, got "${env.BENCH_TENANT_FILTER}"`);
  (TENANT_FILTER.tenant as { default: boolean }).default = false;
  console.log(JSON.stringify({ level: 'info', msg: 'BENCHMARK ONLY: the ORM tenant filter is off in this process' }));
}
