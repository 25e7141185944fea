/**
 * Per-tenant latencies over a sliding window, in this process's memory: the durations of the
 * tenant's GraphQL operations (recorded by the gateway) and of its SQL statements (recorded by
 * the ORM's query events). Bounded: at most MAX_SAMPLES per tenant and kind; older samples and
 * samples older than the window are dropped, and a tenant idle for a window is forgotten.
 */
export type LatencyKind = 'operation' | 'sql';

const WINDOW_MS = 5 * 60_000;
const MAX_SAMPLES = 2_000;

class Samples {
  private readonly at: number[] = [];
  private readonly values: number[] = [];

  add(now: number, value: number): void {
    this.at.push(now);
    this.values.push(value);
    if (this.at.length > MAX_SAMPLES) {
      this.at.shift();
      this.values.shift();
    }
  }

  recent(now: number): number[] {
    while (this.at.length > 0 && this.at[0]! < now - WINDOW_MS) {
      this.at.shift();
      this.values.shift();
    }
    return this.values;
  }
}

export class LatencyWindows {
  private readonly byTenant = new Map<string, Record<LatencyKind, Samples>>();

  constructor(private readonly clock: () => number = () => Date.now()) {}

  record(organizationId: string, kind: LatencyKind, milliseconds: number): void {
    let samples = this.byTenant.get(organizationId);
    if (!samples) {
      samples = { operation: new Samples(), sql: new Samples() };
      this.byTenant.set(organizationId, samples);
    }
    samples[kind].add(this.clock(), milliseconds);
  }

  /** The 95th percentile (nearest rank) over the window, or null with no sample. */
  p95(organizationId: string, kind: LatencyKind): number | null {
    const samples = this.byTenant.get(organizationId);
    if (!samples) return null;
    const values = [...samples[kind].recent(this.clock())].sort((a, b) => a - b);
    if (values.length === 0) return null;
    return values[Math.ceil(values.length * 0.95) - 1]!;
  }

  tenants(): string[] {
    const now = this.clock();
    for (const [tenant, samples] of this.byTenant) {
      if (samples.operation.recent(now).length === 0 && samples.sql.recent(now).length === 0) this.byTenant.delete(tenant);
    }
    return [...this.byTenant.keys()];
  }
}

/** The process's windows: the gateway and the subgraphs of one process share them. */
export const tenantLatencies = new LatencyWindows();
