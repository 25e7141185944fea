import path from 'node:path';

/**
 * Process configuration, read once from the environment. ARCHITECTURE section 5 is the
 * contract; the README keeps a copy of the table in step with this file.
 */
export interface UbosConfig {
  port: number;
  production: boolean;
  /** Admin/owner connection used for migrations; undefined = embedded PostgreSQL. */
  databaseUrl?: string;
  /** The serving role's connection, when given explicitly. */
  appDatabaseUrl?: string;
  appRole: string;
  appPassword?: string;
  demo: boolean;
  dataDir: string;
  embeddedPostgresPort: number;
  poolMax: number;
  jwtPrivateKey?: string;
  jwtPublicKey?: string;
  internalSecret?: string;
  /** Distributed mode: subgraph name to URL. Empty = in-process. */
  subgraphUrls: Record<string, string>;
  metricsToken?: string;
  /** Limits on every GraphQL request at the gateway (gateway/src/limits.ts). */
  limits: RequestLimits;
  /** Token buckets at the gateway (gateway/src/rate-limit.ts); null = off. */
  rateLimits: RateLimits;
  /** Shared state for several gateways (rate-limit buckets) in Redis; unset = in memory. */
  redisUrl?: string;
}

/**
 * What one GraphQL request may ask for. Enforced by the gateway; a future API key may carry its
 * own values (`GatewayContext.limits`), merged over these.
 */
export interface RequestLimits {
  /** Nesting of fields (`{ a { b } }` is 2). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens of the query (comments and whitespace are not tokens). */
  maxTokens: number;
  /** Estimated cost (gateway/src/limits.ts explains the model). */
  maxCost: number;
  /** The HTTP request body, in bytes. */
  maxBodyBytes: number;
  /** The query string, in characters. */
  maxQueryChars: number;
  /** Operations in one batched HTTP request (a JSON array body); 0 = batching off. */
  maxBatchSize: number;
}

export const DEFAULT_REQUEST_LIMITS: Readonly<RequestLimits> = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 2_000,
  maxCost: 20_000,
  maxBodyBytes: 256 * 1024,
  maxQueryChars: 100_000,
  maxBatchSize: 0,
});

/** A token bucket: `rate` requests per second on average, at most `burst` at once. */
export interface RateLimit {
  rate: number;
  burst: number;
}

export interface RateLimits {
  /** Per actor (a user now; an API key later). */
  actor: RateLimit | null;
  /** Per organization, over all its actors. */
  tenant: RateLimit | null;
  /** Anonymous requests (logging in), per client IP address. */
  login: RateLimit | null;
}

export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  actor: Object.freeze({ rate: 20, burst: 100 }),
  tenant: Object.freeze({ rate: 100, burst: 500 }),
  login: Object.freeze({ rate: 5, burst: 20 }),
});

function parseBoolean(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new Error(`${name} must be 1 or 0, got "${value}"`);
}

function parseInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

function parsePositiveInteger(name: string, value: string | undefined, fallback: number): number {
  const parsed = parseInteger(name, value, fallback);
  if (parsed < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return parsed;
}

/** `rate/burst` (e.g. `20/100`: 20 requests per second, 100 at once), a lone rate (burst = rate), or `0` for off. */
export function parseRateLimit(name: string, value: string | undefined, fallback: RateLimit | null): RateLimit | null {
  if (value === undefined || value.trim() === '') return fallback;
  if (value.trim() === '0') return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+)\s*)?$/.exec(value);
  const rate = Number(match?.[1]);
  const burst = match?.[2] === undefined ? Math.ceil(rate) : Number(match[2]);
  if (!match || !(rate > 0) || !(burst >= 1)) throw new Error(`${name} must be rate/burst (e.g. 20/100) or 0 for off, got "${value}"`);
  return { rate, burst };
}

export function parseSubgraphUrls(value: string | undefined): Record<string, string> {
  const urls: Record<string, string> = {};
  if (!value) return urls;
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new Error(`UBOS_SUBGRAPH_URLS entries look like name=url, got "${entry}"`);
    urls[entry.slice(0, separator)] = entry.slice(separator + 1);
  }
  return urls;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): UbosConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const appDatabaseUrl = env.APP_DATABASE_URL || undefined;
  return {
    port: parseInteger('PORT', env.PORT, 4000),
    production: env.NODE_ENV === 'production',
    databaseUrl,
    appDatabaseUrl,
    appRole: appDatabaseUrl ? decodeURIComponent(new URL(appDatabaseUrl).username) : 'ubos_app',
    appPassword: env.UBOS_APP_PASSWORD || undefined,
    demo: parseBoolean('UBOS_DEMO', env.UBOS_DEMO) ?? !databaseUrl,
    // npm runs a workspace script (npm start -w subgraphs/crm) inside the workspace folder;
    // INIT_CWD is where the user typed the command, so every process finds the same ./.ubos.
    dataDir: path.resolve(env.INIT_CWD || process.cwd(), env.UBOS_DATA_DIR || '.ubos'),
    embeddedPostgresPort: parseInteger('UBOS_EMBEDDED_PG_PORT', env.UBOS_EMBEDDED_PG_PORT, 54329),
    poolMax: parseInteger('UBOS_DB_POOL_MAX', env.UBOS_DB_POOL_MAX, 10),
    jwtPrivateKey: env.UBOS_JWT_PRIVATE_KEY || undefined,
    jwtPublicKey: env.UBOS_JWT_PUBLIC_KEY || undefined,
    internalSecret: env.UBOS_INTERNAL_SECRET || undefined,
    subgraphUrls: parseSubgraphUrls(env.UBOS_SUBGRAPH_URLS),
    metricsToken: env.UBOS_METRICS_TOKEN || undefined,
    limits: {
      maxDepth: parsePositiveInteger('UBOS_MAX_DEPTH', env.UBOS_MAX_DEPTH, DEFAULT_REQUEST_LIMITS.maxDepth),
      maxAliases: parsePositiveInteger('UBOS_MAX_ALIASES', env.UBOS_MAX_ALIASES, DEFAULT_REQUEST_LIMITS.maxAliases),
      maxDirectives: parsePositiveInteger('UBOS_MAX_DIRECTIVES', env.UBOS_MAX_DIRECTIVES, DEFAULT_REQUEST_LIMITS.maxDirectives),
      maxTokens: parsePositiveInteger('UBOS_MAX_TOKENS', env.UBOS_MAX_TOKENS, DEFAULT_REQUEST_LIMITS.maxTokens),
      maxCost: parsePositiveInteger('UBOS_MAX_COST', env.UBOS_MAX_COST, DEFAULT_REQUEST_LIMITS.maxCost),
      maxBodyBytes: parsePositiveInteger('UBOS_MAX_BODY_BYTES', env.UBOS_MAX_BODY_BYTES, DEFAULT_REQUEST_LIMITS.maxBodyBytes),
      maxQueryChars: parsePositiveInteger('UBOS_MAX_QUERY_CHARS', env.UBOS_MAX_QUERY_CHARS, DEFAULT_REQUEST_LIMITS.maxQueryChars),
      maxBatchSize: parseInteger('UBOS_MAX_BATCH', env.UBOS_MAX_BATCH, DEFAULT_REQUEST_LIMITS.maxBatchSize),
    },
    redisUrl: env.REDIS_URL || undefined,
    rateLimits: {
      actor: parseRateLimit('UBOS_RATE_LIMIT_ACTOR', env.UBOS_RATE_LIMIT_ACTOR, DEFAULT_RATE_LIMITS.actor),
      tenant: parseRateLimit('UBOS_RATE_LIMIT_TENANT', env.UBOS_RATE_LIMIT_TENANT, DEFAULT_RATE_LIMITS.tenant),
      login: parseRateLimit('UBOS_RATE_LIMIT_LOGIN', env.UBOS_RATE_LIMIT_LOGIN, DEFAULT_RATE_LIMITS.login),
    },
  };
}
