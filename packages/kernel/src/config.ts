import path from 'node:path';

/**
 * Process configuration, read once from the environment. ARCHITECTURE section 5 is the
 * contract; the README keeps a copy of the table in step with this file.
 */
/**
 * Default connections per subgraph. In one process the ten subgraphs share one event loop, so
 * a few connections each are plenty, and ten pools of ten would take all of a default
 * PostgreSQL's 100 connections. A subgraph running alone gets more.
 */
export const ONE_PROCESS_POOL_MAX = 4;
export const STANDALONE_POOL_MAX = 10;

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
  /** Connections per subgraph pool (UBOS_DB_POOL_MAX); unset: see ONE_PROCESS_POOL_MAX and STANDALONE_POOL_MAX. */
  poolMax?: number;
  jwtPrivateKey?: string;
  jwtPublicKey?: string;
  internalSecret?: string;
  /** Distributed mode: subgraph name to URL. Empty = in-process. */
  subgraphUrls: Record<string, string>;
  metricsToken?: string;
  /** Limits on every GraphQL request at the gateway (gateway/src/request/limits.ts). */
  limits: RequestLimits;
  /** Token buckets at the gateway (gateway/src/rate-limit.ts); null = off. */
  rateLimits: RateLimits;
  /** The outbox worker and workflow engine (worker/). */
  worker: WorkerSettings;
  /** Shared state for several gateways (rate-limit buckets) in Redis; unset = in memory. */
  redisUrl?: string;
  /** The gateway's public address, the base of links it hands out (presigned file URLs); unset = http://localhost:<port>. */
  publicUrl?: string;
  /** File storage (packages/kernel/src/storage). */
  files: FilesConfig;
  /** Bounds on the serving role's connections and on the gateway's subgraph fetches. */
  timeouts: Timeouts;
  /** Structured logs (packages/kernel/src/logger.ts). */
  log: LogSettings;
  /** OpenTelemetry traces (packages/kernel/src/tracing.ts). */
  tracing: TracingSettings;
}

/**
 * What stops a request from waiting without bound: on a slow statement, on a transaction left
 * open, on a full pool, on a subgraph that does not answer. Each refusal is SERVICE_UNAVAILABLE
 * (or SUBGRAPH_UNAVAILABLE) with HTTP 503, never a queue that grows.
 */
export interface Timeouts {
  /** PostgreSQL's statement_timeout for the serving role's connections, in milliseconds. */
  statementMs: number;
  /** PostgreSQL's idle_in_transaction_session_timeout for the serving role, in milliseconds. */
  idleInTransactionMs: number;
  /** How long a fetch waits for a pooled connection before it is refused, in milliseconds. */
  acquireMs: number;
  /** How long the gateway waits for a subgraph's answer over HTTP (distributed mode), in milliseconds. */
  subgraphFetchMs: number;
}

export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = Object.freeze({
  statementMs: 15_000,
  idleInTransactionMs: 30_000,
  acquireMs: 5_000,
  subgraphFetchMs: 30_000,
});

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface LogSettings {
  level: LogLevel;
  /** One JSON object per line (production), or coloured lines for a person (development). */
  format: 'json' | 'pretty';
}

export interface TracingSettings {
  /** OTLP/HTTP collector (OTEL_EXPORTER_OTLP_ENDPOINT); unset = no tracing at all. */
  otlpEndpoint?: string;
  serviceName: string;
}

/** An S3-compatible bucket for file bodies. */
export interface S3Settings {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, R2, s3rver…); unset = AWS. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (endpoint/bucket/key) rather than virtual hosts (bucket.endpoint/key). */
  forcePathStyle: boolean;
}

export interface FilesConfig {
  /** The local store's directory; unset = <dataDir>/files. */
  dir?: string;
  /** HMAC key of the local store's URLs; unset = generated into <dataDir>/keys/files-secret. */
  secret?: string;
  /** Lifetime of a presigned upload or download URL, in seconds. */
  urlTtlSeconds: number;
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** Set (S3_BUCKET): bodies live in this bucket instead of the local disk. */
  s3?: S3Settings;
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
  /** Estimated cost (gateway/src/request/limits.ts explains the model). */
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

/**
 * The worker: it dispatches the outbox through pg-boss and runs workflows through the gateway
 * (ARCHITECTURE 3.7). The README's configuration table explains each setting.
 */
export interface WorkerSettings {
  /** Run the worker inside `npm start` (one-process mode). */
  enabled: boolean;
  /** The worker role's connection, when given explicitly (WORKER_DATABASE_URL). */
  databaseUrl?: string;
  role: string;
  password?: string;
  /** Where workflow steps send their GraphQL operations; unset = this process's gateway. */
  gatewayUrl?: string;
  /** Jobs each worker process runs at once, per queue. */
  concurrency: number;
  /** Attempts of a workflow step (and of an event's handler) before it is a dead letter. */
  maxAttempts: number;
  /** First retry delay in seconds; it doubles with each retry (with jitter). */
  retryDelaySeconds: number;
  /** A job not finished this long after it started is handed to another worker. */
  expireSeconds: number;
  /** How often expired jobs are looked for: expiry plus this bounds the redelivery delay. */
  maintenanceSeconds: number;
  /** How often the dispatcher looks for undispatched outbox rows, in milliseconds. */
  dispatchIntervalMs: number;
  /** Timeout of one GraphQL operation or webhook call of a step, in milliseconds. */
  stepTimeoutMs: number;
  /** Webhook steps may call private, loopback and link-local addresses (UBOS_WEBHOOK_ALLOW_PRIVATE). */
  allowPrivateWebhooks: boolean;
  /** PostgreSQL's statement_timeout for the worker role's connections, in milliseconds. */
  statementTimeoutMs: number;
  /** PostgreSQL's idle_in_transaction_session_timeout for the worker role, in milliseconds. */
  idleInTransactionTimeoutMs: number;
}

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

/** LOG_LEVEL and LOG_FORMAT, on their own: the logger reads them before (and without) the rest of the configuration. */
export function loadLogSettings(env: NodeJS.ProcessEnv = process.env): LogSettings {
  const level = (env.LOG_LEVEL || 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const format = env.LOG_FORMAT || (env.NODE_ENV === 'production' ? 'json' : 'pretty');
  if (format !== 'json' && format !== 'pretty') throw new Error(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
  return { level, format };
}

/** OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME, read by the tracer before the rest. */
export function loadTracingSettings(env: NodeJS.ProcessEnv = process.env): TracingSettings {
  return { otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined, serviceName: env.OTEL_SERVICE_NAME || 'ubos-graph' };
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
    poolMax: env.UBOS_DB_POOL_MAX ? parsePositiveInteger('UBOS_DB_POOL_MAX', env.UBOS_DB_POOL_MAX, 1) : undefined,
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
    worker: {
      enabled: parseBoolean('UBOS_WORKER', env.UBOS_WORKER) ?? true,
      databaseUrl: env.WORKER_DATABASE_URL || undefined,
      role: env.WORKER_DATABASE_URL ? decodeURIComponent(new URL(env.WORKER_DATABASE_URL).username) : 'ubos_worker',
      password: env.UBOS_WORKER_PASSWORD || undefined,
      gatewayUrl: env.UBOS_GATEWAY_URL || undefined,
      concurrency: parsePositiveInteger('UBOS_WORKER_CONCURRENCY', env.UBOS_WORKER_CONCURRENCY, 4),
      maxAttempts: parsePositiveInteger('UBOS_WORKFLOW_MAX_ATTEMPTS', env.UBOS_WORKFLOW_MAX_ATTEMPTS, 5),
      retryDelaySeconds: parsePositiveInteger('UBOS_WORKER_RETRY_DELAY', env.UBOS_WORKER_RETRY_DELAY, 2),
      expireSeconds: parsePositiveInteger('UBOS_WORKER_EXPIRE_SECONDS', env.UBOS_WORKER_EXPIRE_SECONDS, 30),
      maintenanceSeconds: parsePositiveInteger('UBOS_WORKER_MAINTENANCE_SECONDS', env.UBOS_WORKER_MAINTENANCE_SECONDS, 10),
      dispatchIntervalMs: parsePositiveInteger('UBOS_WORKER_DISPATCH_MS', env.UBOS_WORKER_DISPATCH_MS, 250),
      stepTimeoutMs: parsePositiveInteger('UBOS_WORKER_STEP_TIMEOUT_MS', env.UBOS_WORKER_STEP_TIMEOUT_MS, 10_000),
      allowPrivateWebhooks: parseBoolean('UBOS_WEBHOOK_ALLOW_PRIVATE', env.UBOS_WEBHOOK_ALLOW_PRIVATE) ?? false,
      statementTimeoutMs: parsePositiveInteger('UBOS_WORKER_STATEMENT_TIMEOUT_MS', env.UBOS_WORKER_STATEMENT_TIMEOUT_MS, 60_000),
      idleInTransactionTimeoutMs: parsePositiveInteger('UBOS_WORKER_IDLE_IN_TRANSACTION_TIMEOUT_MS', env.UBOS_WORKER_IDLE_IN_TRANSACTION_TIMEOUT_MS, 60_000),
    },
    timeouts: {
      statementMs: parsePositiveInteger('UBOS_DB_STATEMENT_TIMEOUT_MS', env.UBOS_DB_STATEMENT_TIMEOUT_MS, DEFAULT_TIMEOUTS.statementMs),
      idleInTransactionMs: parsePositiveInteger('UBOS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', env.UBOS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, DEFAULT_TIMEOUTS.idleInTransactionMs),
      acquireMs: parsePositiveInteger('UBOS_DB_ACQUIRE_TIMEOUT_MS', env.UBOS_DB_ACQUIRE_TIMEOUT_MS, DEFAULT_TIMEOUTS.acquireMs),
      subgraphFetchMs: parsePositiveInteger('UBOS_SUBGRAPH_TIMEOUT_MS', env.UBOS_SUBGRAPH_TIMEOUT_MS, DEFAULT_TIMEOUTS.subgraphFetchMs),
    },
    log: loadLogSettings(env),
    tracing: loadTracingSettings(env),
    publicUrl: env.UBOS_PUBLIC_URL || undefined,
    files: {
      dir: env.UBOS_FILES_DIR ? path.resolve(env.INIT_CWD || process.cwd(), env.UBOS_FILES_DIR) : undefined,
      secret: env.UBOS_FILES_SECRET || undefined,
      urlTtlSeconds: parsePositiveInteger('UBOS_FILES_URL_TTL', env.UBOS_FILES_URL_TTL, 900),
      maxBytes: parsePositiveInteger('UBOS_FILES_MAX_BYTES', env.UBOS_FILES_MAX_BYTES, 100 * 1024 * 1024),
      s3: env.S3_BUCKET
        ? {
            bucket: env.S3_BUCKET,
            endpoint: env.S3_ENDPOINT || undefined,
            region: env.S3_REGION || 'us-east-1',
            accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
            // S3-compatible servers mostly want path-style addressing; AWS itself virtual hosts.
            forcePathStyle: parseBoolean('S3_FORCE_PATH_STYLE', env.S3_FORCE_PATH_STYLE) ?? Boolean(env.S3_ENDPOINT),
          }
        : undefined,
    },
    rateLimits: {
      actor: parseRateLimit('UBOS_RATE_LIMIT_ACTOR', env.UBOS_RATE_LIMIT_ACTOR, DEFAULT_RATE_LIMITS.actor),
      tenant: parseRateLimit('UBOS_RATE_LIMIT_TENANT', env.UBOS_RATE_LIMIT_TENANT, DEFAULT_RATE_LIMITS.tenant),
      login: parseRateLimit('UBOS_RATE_LIMIT_LOGIN', env.UBOS_RATE_LIMIT_LOGIN, DEFAULT_RATE_LIMITS.login),
    },
  };
}
