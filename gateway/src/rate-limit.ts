import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { actorLabel, DEFAULT_RATE_LIMITS, type RateLimit, type RateLimits } from '@ubos/kernel';
import type { GatewayContext } from './context.js';

/**
 * Token-bucket rate limiting at the gateway. Each bucket holds up to `burst` requests and refills
 * at `rate` per second; a request takes one. A signed-in request takes from its actor's bucket
 * (`actor:user:<id>`, later `actor:apikey:<id>`) and from its organization's (`tenant:<id>`);
 * an anonymous one (which can only log in) from its client address's (`ip:<address>`), which
 * slows password guessing. An empty bucket answers `RATE_LIMITED`, HTTP 429, with
 * `extensions.retryAfter` and the `Retry-After` header in whole seconds (request/rate-limit.ts).
 */
export type { RateLimit, RateLimits };

export interface TakeResult {
  allowed: boolean;
  /** Whole seconds until the bucket holds a request again (at least 1); 0 when allowed. */
  retryAfter: number;
}

const ALLOWED: TakeResult = Object.freeze({ allowed: true, retryAfter: 0 });

/**
 * Where the buckets live. `MemoryRateLimitStore` serves one gateway process; a store shared by
 * several gateways (Redis when `REDIS_URL` is set, not built yet) implements the same call, e.g.
 * as one Lua script that refills and takes atomically on the server's clock and sets the key to
 * expire when the bucket would be full again.
 */
export interface RateLimitStore {
  /** Takes one request from bucket `key` of shape `limit`; `now` is in milliseconds. */
  take(key: string, limit: RateLimit, now: number): TakeResult | Promise<TakeResult>;
  close?(): void | Promise<void>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** When the bucket will be full again: from then on it is the same as no bucket at all. */
  fullAt: number;
}

/**
 * Buckets in a Map kept in least-recently-used order. Memory is bounded twice: after each take,
 * buckets at the old end that have refilled are dropped (a full bucket equals a missing one, so
 * this changes no answer), and past `maxBuckets` the least recently used bucket goes even if
 * not full (which can only let its owner through early).
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly maxBuckets = 100_000) {}

  get size(): number {
    return this.buckets.size;
  }

  take(key: string, limit: RateLimit, now: number): TakeResult {
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key);
      bucket.tokens = Math.min(limit.burst, bucket.tokens + (Math.max(0, now - bucket.updatedAt) / 1000) * limit.rate);
      bucket.updatedAt = now;
    } else {
      bucket = { tokens: limit.burst, updatedAt: now, fullAt: now };
    }
    let result = ALLOWED;
    if (bucket.tokens >= 1) bucket.tokens -= 1;
    else result = { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.rate)) };
    bucket.fullAt = now + ((limit.burst - bucket.tokens) / limit.rate) * 1000;
    this.buckets.set(key, bucket);
    this.evict(now);
    return result;
  }

  private evict(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.buckets.size <= this.maxBuckets && bucket.fullAt > now) break;
      this.buckets.delete(key);
    }
  }
}

export interface Bucketed {
  key: string;
  limit: RateLimit;
}

export class RateLimiter {
  constructor(
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly store: RateLimitStore = new MemoryRateLimitStore(),
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The buckets a request takes from, in order. */
  bucketsFor(context: Pick<GatewayContext, 'actor' | 'organizationId' | 'ip'>): Bucketed[] {
    if (context.actor.kind === 'anonymous') return this.limits.login ? [{ key: `ip:${clientAddress(context.ip)}`, limit: this.limits.login }] : [];
    const buckets: Bucketed[] = [];
    if (this.limits.actor) buckets.push({ key: `actor:${actorLabel(context.actor)}`, limit: this.limits.actor });
    if (this.limits.tenant && context.organizationId) buckets.push({ key: `tenant:${context.organizationId}`, limit: this.limits.tenant });
    return buckets;
  }

  /** Takes one request from each bucket of the caller, stopping at the first that is empty. */
  async check(context: Pick<GatewayContext, 'actor' | 'organizationId' | 'ip'>): Promise<TakeResult> {
    for (const { key, limit } of this.bucketsFor(context)) {
      const result = await this.store.take(key, limit, this.clock());
      if (!result.allowed) return result;
    }
    return ALLOWED;
  }

  /**
   * Takes one attempt on an account (login, password reset), keyed by a digest of the address,
   * whether or not the address has an account.
   */
  async checkAccount(email: string): Promise<TakeResult> {
    const limit = this.limits.account === undefined ? DEFAULT_RATE_LIMITS.account : this.limits.account;
    if (!limit) return ALLOWED;
    return this.store.take(`account:${createHash('sha256').update(email).digest('base64url')}`, limit, this.clock());
  }

  async close(): Promise<void> {
    await this.store.close?.();
  }
}

/**
 * The bucket key of a client address: IPv4 as it is (also when mapped into IPv6), IPv6 by its
 * /64 prefix, since one subscriber usually holds a whole /64.
 */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.split('%')[0]!;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group || '0', 16));
  if (prefix.length < 4 || prefix.some((group) => !Number.isInteger(group))) return address;
  return `${prefix.map((group) => group.toString(16)).join(':')}::/64`;
}
