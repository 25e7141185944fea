import { Redis } from 'ioredis';
import type { RateLimit } from '@ubos/kernel';
import type { RateLimitStore, TakeResult } from './rate-limit.js';

/**
 * One token bucket, refilled and taken from atomically on the Redis server, on the server's
 * clock, so that several gateways with drifting clocks share it exactly. The key expires
 * when the bucket would be full again: an idle caller costs nothing.
 */
const TAKE = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate / 1000)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((burst - tokens) * 1000 / rate)))
return { allowed, wait }
`;

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix = 'ubos:ratelimit:') {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.redis.defineCommand('ubosTake', { numberOfKeys: 1, lua: TAKE });
  }

  async take(key: string, limit: RateLimit): Promise<TakeResult> {
    const [allowed, waitMs] = (await (this.redis as unknown as { ubosTake(key: string, rate: number, burst: number): Promise<[number, number]> }).ubosTake(
      this.prefix + key,
      limit.rate,
      limit.burst,
    )) as [number, number];
    return allowed === 1 ? { allowed: true, retryAfter: 0 } : { allowed: false, retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
