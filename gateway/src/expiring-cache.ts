/**
 * Lookups in the identity subgraph, remembered for a while: each answer for its own time, so
 * that a miss can be forgotten sooner than a hit. Past `maxEntries` the oldest entry goes (an
 * entry loaded again keeps its place).
 */
export class ExpiringCache<Value> {
  private readonly entries = new Map<string, { value: Value; until: number }>();

  constructor(private readonly maxEntries = 10_000) {}

  /** The entry while it lives; a wrapper, so that a cached `null` is told from a miss. */
  fresh(key: string): { value: Value } | undefined {
    const entry = this.entries.get(key);
    return entry && entry.until > Date.now() ? entry : undefined;
  }

  /** The living entry's value, or the value `load` gives, kept for `ttlMs(value)`. */
  async getOrLoad(key: string, load: () => Promise<Value>, ttlMs: (value: Value) => number): Promise<Value> {
    const cached = this.fresh(key);
    if (cached) return cached.value;
    const value = await load();
    this.entries.set(key, { value, until: Date.now() + ttlMs(value) });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
