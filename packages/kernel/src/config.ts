import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

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
  /** Bind address of a standalone subgraph (UBOS_HOST); unset = 127.0.0.1. */
  host?: string;
  /** On SIGINT/SIGTERM, how long in-flight requests may take to finish before their connections are cut. */
  shutdownGraceMs: number;
  /** `npm start` in one-process mode: how many copies of the stack serve the port (UBOS_PROCESSES); 1 = this process alone. */
  processes: number;
  /** Seconds between refreshes of every tenant's data quality for /metrics (UBOS_DATA_QUALITY_INTERVAL); 0 = only on demand. */
  dataQualityIntervalSeconds: number;
  /** Seconds between reads of the job queue's depth and dead letters for /metrics (UBOS_QUEUE_METRICS_INTERVAL); 0 = only on demand. */
  queueMetricsIntervalSeconds: number;
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
  /** Sign-in sessions, invitations (the README's Accounts section). */
  accounts: AccountSettings;
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

export interface AccountSettings {
  /** Lifetime of an access token, in seconds. */
  accessTokenSeconds: number;
  /** A session (its refresh token) ends this many days after its last refresh. */
  sessionDays: number;
  /** An invitation expires this many days after it was (re)sent. */
  invitationDays: number;
  /** How long the gateway may trust what it last learnt of a session (0: ask on every request). */
  sessionRecheckSeconds: number;
}

/** Where mail goes: SMTP when a URL is set, otherwise files in a folder (no network). */
export interface MailSettings {
  smtpUrl?: string;
  from: string;
  dir: string;
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
  /**
   * Attempts on one account (login, password reset), per email address, whether or not it has
   * an account; undefined: the default.
   */
  account?: RateLimit | null;
}

export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  actor: Object.freeze({ rate: 20, burst: 100 }),
  tenant: Object.freeze({ rate: 100, burst: 500 }),
  login: Object.freeze({ rate: 5, burst: 20 }),
  account: Object.freeze({ rate: 0.05, burst: 10 }),
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
  /** The mail step's transport. */
  mail: MailSettings;
  /** How often each connected QuickBooks company is asked for its changes (Change Data Capture), in seconds; 0 = never (webhooks only). */
  quickBooksCdcIntervalSeconds: number;
}

/**
 * One mistake in the environment: the variable, what is wrong with its value, and the form it
 * must take. Every mistake is collected before anything starts, so an operator fixes them all
 * in one round.
 */
export interface ConfigProblem {
  variable: string;
  problem: string;
  expected: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.problem}; expected ${p.expected}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Each builder states the value's form once; it is both the check and the message.
const FLAG_VALUES: Record<string, boolean> = { 1: true, true: true, yes: true, on: true, 0: false, false: false, no: false, off: false };
const flag = () =>
  z
    .string()
    .transform((raw) => raw.toLowerCase())
    .refine((raw) => raw in FLAG_VALUES, { error: '1 or 0' })
    .transform((raw) => FLAG_VALUES[raw]!);
const integer = (min: number, max = Number.MAX_SAFE_INTEGER) => {
  const form = max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { error: form })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: form });
};
const port = () => integer(0, 65_535);
const url = (protocols: string[], example: string) =>
  z.string().refine(
    (raw) => {
      try {
        return protocols.includes(new URL(raw).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    { error: `a ${protocols.join(' or ')} URL such as ${example}` },
  );
const postgresUrl = () => url(['postgres', 'postgresql'], 'postgres://user:password@host:5432/ubos');
const httpUrl = (example: string) => url(['http', 'https'], example);
const text = (minLength = 1, form = 'a non-empty value') => z.string().min(minLength, { error: form });
const pem = (kind: string) => z.string().refine((raw) => raw.includes(`-----BEGIN ${kind}`), { error: `an Ed25519 ${kind.toLowerCase()} in PEM form (-----BEGIN ${kind}-----…)` });

const RATE_LIMIT_FORM = 'rate/burst (e.g. 20/100: 20 requests per second, 100 at once), a lone rate, or 0 for off';
function rateLimitOf(raw: string): RateLimit | null | undefined {
  if (raw.trim() === '0') return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+)\s*)?$/.exec(raw);
  const rate = Number(match?.[1]);
  const burst = match?.[2] === undefined ? Math.ceil(rate) : Number(match[2]);
  return match && rate > 0 && burst >= 1 ? { rate, burst } : undefined;
}
const rateLimit = () =>
  z.string().transform((raw, ctx) => {
    const limit = rateLimitOf(raw);
    if (limit === undefined) {
      ctx.addIssue({ code: 'custom', message: RATE_LIMIT_FORM });
      return z.NEVER;
    }
    return limit;
  });

const SUBGRAPH_URLS_FORM = 'name=url pairs separated by commas, e.g. identity=http://localhost:4001/graphql,crm=http://localhost:4002/graphql';
function subgraphUrlsOf(raw: string): Record<string, string> | string {
  const urls: Record<string, string> = {};
  for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const separator = entry.indexOf('=');
    if (separator <= 0) return `entry "${entry}" is not name=url`;
    const [name, address] = [entry.slice(0, separator), entry.slice(separator + 1)];
    if (!/^https?:\/\/[^/]/.test(address) || !URL.canParse(address)) return `the URL of ${name} is not an http(s) URL`;
    urls[name] = address;
  }
  return urls;
}
const subgraphUrls = () =>
  z.string().transform((raw, ctx) => {
    const urls = subgraphUrlsOf(raw);
    if (typeof urls === 'string') {
      ctx.addIssue({ code: 'custom', message: SUBGRAPH_URLS_FORM, params: { problem: urls } });
      return z.NEVER;
    }
    return urls;
  });

/**
 * Every environment variable the product reads, with its form: the one place they are checked.
 * The README's configuration table lists the same names (a test keeps them in step). An unset or
 * empty variable takes its default in loadConfig. To add a variable, add one line here.
 */
export const ENVIRONMENT = z.object({
  PORT: port(),
  NODE_ENV: z.enum(['production', 'development', 'test'], { error: 'production, development or test' }),
  DATABASE_URL: postgresUrl(),
  APP_DATABASE_URL: postgresUrl(),
  UBOS_APP_PASSWORD: text(),
  UBOS_DEMO: flag(),
  UBOS_JWT_PRIVATE_KEY: pem('PRIVATE KEY'),
  UBOS_JWT_PUBLIC_KEY: pem('PUBLIC KEY'),
  UBOS_INTERNAL_SECRET: text(16, 'a secret of at least 16 characters (e.g. openssl rand -hex 32)'),
  UBOS_SUBGRAPH_URLS: subgraphUrls(),
  UBOS_DATA_DIR: text(),
  UBOS_EMBEDDED_PG_PORT: integer(1, 65_535),
  UBOS_DB_POOL_MAX: integer(1, 1_000),
  UBOS_PROCESSES: z.union([z.literal('auto'), integer(1, 64)], { error: 'auto or an integer from 1 to 64' }),
  UBOS_METRICS_TOKEN: text(16, 'a token of at least 16 characters'),
  UBOS_HOST: text(1, 'an address to bind, e.g. 127.0.0.1 or 0.0.0.0'),
  UBOS_MAX_BATCH: integer(0, 1_000),
  UBOS_PUBLIC_URL: httpUrl('https://graph.example.com'),
  UBOS_FILES_DIR: text(),
  UBOS_FILES_SECRET: text(16, 'a secret of at least 16 characters'),
  UBOS_FILES_URL_TTL: integer(1),
  UBOS_FILES_MAX_BYTES: integer(1),
  S3_BUCKET: text(),
  S3_ENDPOINT: httpUrl('http://localhost:9000'),
  S3_REGION: text(),
  S3_FORCE_PATH_STYLE: flag(),
  S3_ACCESS_KEY_ID: text(),
  S3_SECRET_ACCESS_KEY: text(),
  UBOS_WORKER: flag(),
  WORKER_DATABASE_URL: postgresUrl(),
  UBOS_WORKER_PASSWORD: text(),
  UBOS_GATEWAY_URL: httpUrl('http://localhost:4000'),
  UBOS_WORKER_CONCURRENCY: integer(1, 1_000),
  UBOS_WORKFLOW_MAX_ATTEMPTS: integer(1, 1_000),
  UBOS_WORKER_RETRY_DELAY: integer(1),
  UBOS_WORKER_EXPIRE_SECONDS: integer(1),
  UBOS_WORKER_MAINTENANCE_SECONDS: integer(1),
  UBOS_WORKER_DISPATCH_MS: integer(1),
  UBOS_WORKER_STEP_TIMEOUT_MS: integer(1),
  UBOS_WEBHOOK_ALLOW_PRIVATE: flag(),
  REDIS_URL: url(['redis', 'rediss'], 'redis://localhost:6379'),
  UBOS_MAX_DEPTH: integer(1),
  UBOS_MAX_ALIASES: integer(1),
  UBOS_MAX_DIRECTIVES: integer(1),
  UBOS_MAX_TOKENS: integer(1),
  UBOS_MAX_COST: integer(1),
  UBOS_MAX_BODY_BYTES: integer(1),
  UBOS_MAX_QUERY_CHARS: integer(1),
  UBOS_RATE_LIMIT_ACTOR: rateLimit(),
  UBOS_RATE_LIMIT_TENANT: rateLimit(),
  UBOS_RATE_LIMIT_LOGIN: rateLimit(),
  UBOS_SHUTDOWN_GRACE_MS: integer(0, 600_000),
  UBOS_DB_STATEMENT_TIMEOUT_MS: integer(1),
  UBOS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: integer(1),
  UBOS_DB_ACQUIRE_TIMEOUT_MS: integer(1),
  UBOS_SUBGRAPH_TIMEOUT_MS: integer(1),
  UBOS_WORKER_STATEMENT_TIMEOUT_MS: integer(1),
  UBOS_WORKER_IDLE_IN_TRANSACTION_TIMEOUT_MS: integer(1),
  LOG_LEVEL: z.string().refine((raw) => LOG_LEVELS.includes(raw.toLowerCase() as LogLevel), { error: LOG_LEVELS.join(', ') }),
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'json or pretty' }),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl('http://localhost:4318'),
  OTEL_SERVICE_NAME: text(),
  UBOS_SMTP_URL: url(['smtp', 'smtps'], 'smtp://user:password@mail.example.com:587'),
  UBOS_MAIL_FROM: text(),
  UBOS_MAIL_DIR: text(),
  UBOS_ACCESS_TOKEN_SECONDS: integer(1),
  UBOS_SESSION_DAYS: integer(1),
  UBOS_INVITATION_DAYS: integer(1),
  UBOS_SESSION_RECHECK_SECONDS: integer(0),
  UBOS_RATE_LIMIT_ACCOUNT: rateLimit(),
  UBOS_DATA_QUALITY_INTERVAL: integer(0),
  UBOS_QUEUE_METRICS_INTERVAL: integer(0),
  UBOS_INTEGRATION_KEY: z.string().refine((raw) => {
    const key = raw.trim();
    return /^[0-9a-f]{64}$/i.test(key) || (/^[A-Za-z0-9+/]+={0,2}$/.test(key) && Buffer.from(key, 'base64').length === 32);
  }, { error: '32 bytes as 64 hex characters or base64 (e.g. openssl rand -hex 32)' }),
  UBOS_QUICKBOOKS_CLIENT_ID: text(),
  UBOS_QUICKBOOKS_CLIENT_SECRET: text(),
  UBOS_QUICKBOOKS_API_URL: httpUrl('https://quickbooks.api.intuit.com'),
  UBOS_QUICKBOOKS_OAUTH_URL: httpUrl('https://oauth.platform.intuit.com'),
  UBOS_QUICKBOOKS_AUTHORIZE_URL: httpUrl('https://appcenter.intuit.com/connect/oauth2'),
  UBOS_QUICKBOOKS_WEBHOOK_VERIFIER: text(),
  UBOS_QUICKBOOKS_MINOR_VERSION: integer(1),
  UBOS_QUICKBOOKS_TIMEOUT_MS: integer(1),
  UBOS_QUICKBOOKS_CDC_INTERVAL_SECONDS: integer(0, 86_400),
}).partial();

export type Environment = z.infer<typeof ENVIRONMENT>;

/** Variables that must be set together, and those a mode requires. */
function crossChecks(env: Environment, problems: ConfigProblem[]): void {
  if (env.UBOS_SUBGRAPH_URLS && Object.keys(env.UBOS_SUBGRAPH_URLS).length > 0 && !env.UBOS_INTERNAL_SECRET) {
    problems.push({ variable: 'UBOS_INTERNAL_SECRET', problem: 'not set, and UBOS_SUBGRAPH_URLS (distributed mode) needs it', expected: 'the secret every subgraph process shares, at least 16 characters' });
  }
  if (Boolean(env.UBOS_JWT_PRIVATE_KEY) !== Boolean(env.UBOS_JWT_PUBLIC_KEY)) {
    const missing = env.UBOS_JWT_PRIVATE_KEY ? 'UBOS_JWT_PUBLIC_KEY' : 'UBOS_JWT_PRIVATE_KEY';
    problems.push({ variable: missing, problem: 'not set, but its pair is', expected: 'both keys of the Ed25519 pair, or neither (generated into the data folder)' });
  }
  for (const variable of ['S3_ENDPOINT', 'S3_REGION', 'S3_FORCE_PATH_STYLE', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (env[variable] !== undefined && !env.S3_BUCKET) problems.push({ variable, problem: 'set, but S3_BUCKET is not, so it would be ignored', expected: 'S3_BUCKET set as well, or this variable unset' });
  }
}

/**
 * Checks the whole environment against ENVIRONMENT and the rules between variables; throws one
 * ConfigError listing every mistake. An empty variable counts as unset.
 */
export function validateEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const known = Object.fromEntries(Object.keys(ENVIRONMENT.shape).flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
  const result = ENVIRONMENT.safeParse(known);
  const problems: ConfigProblem[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0]);
      const given = (issue as { params?: { problem?: string } }).params?.problem;
      problems.push({ variable, problem: given ?? `${shown(variable, known[variable] ?? '')} is not valid`, expected: issue.message });
    }
  }
  const parsed = result.success ? result.data : {};
  crossChecks(result.success ? parsed : partialParse(known), problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed;
}

/** The variables that did parse, so the rules between variables are checked even when some did not. */
function partialParse(known: Record<string, string | undefined>): Environment {
  const parsed: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(ENVIRONMENT.shape)) {
    const one = (schema as z.ZodType).safeParse(known[name]);
    if (one.success && one.data !== undefined) parsed[name] = one.data;
  }
  return parsed as Environment;
}

/** The value as the error message shows it: never a secret, nor the password of a URL. */
function shown(variable: string, value: string): string {
  if (/SECRET|PASSWORD|PRIVATE_KEY|TOKEN/.test(variable)) return 'the value';
  if (URL.canParse(value) && new URL(value).password) {
    const url = new URL(value);
    url.password = '***';
    return `"${url}"`;
  }
  // A secret pasted into the wrong variable must not be printed whole.
  return `"${value.length > 60 ? `${value.slice(0, 12)}…` : value}"`;
}

export function parseSubgraphUrls(value: string | undefined): Record<string, string> {
  if (!value) return {};
  const urls = subgraphUrlsOf(value);
  if (typeof urls === 'string') throw new ConfigError([{ variable: 'UBOS_SUBGRAPH_URLS', problem: urls, expected: SUBGRAPH_URLS_FORM }]);
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
  const e = validateEnvironment(env);
  // npm runs a workspace script (npm start -w subgraphs/crm) inside the workspace folder;
  // INIT_CWD is where the user typed the command, so every process finds the same ./.ubos.
  const base = env.INIT_CWD || process.cwd();
  return {
    port: e.PORT ?? 4000,
    production: e.NODE_ENV === 'production',
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.APP_DATABASE_URL,
    appRole: e.APP_DATABASE_URL ? decodeURIComponent(new URL(e.APP_DATABASE_URL).username) : 'ubos_app',
    appPassword: e.UBOS_APP_PASSWORD,
    demo: e.UBOS_DEMO ?? !e.DATABASE_URL,
    dataDir: path.resolve(base, e.UBOS_DATA_DIR ?? '.ubos'),
    embeddedPostgresPort: e.UBOS_EMBEDDED_PG_PORT ?? 54329,
    poolMax: e.UBOS_DB_POOL_MAX,
    jwtPrivateKey: e.UBOS_JWT_PRIVATE_KEY,
    jwtPublicKey: e.UBOS_JWT_PUBLIC_KEY,
    internalSecret: e.UBOS_INTERNAL_SECRET,
    subgraphUrls: e.UBOS_SUBGRAPH_URLS ?? {},
    metricsToken: e.UBOS_METRICS_TOKEN,
    host: e.UBOS_HOST,
    shutdownGraceMs: e.UBOS_SHUTDOWN_GRACE_MS ?? 10_000,
    processes: e.UBOS_PROCESSES === 'auto' ? os.availableParallelism() : (e.UBOS_PROCESSES ?? 1),
    dataQualityIntervalSeconds: e.UBOS_DATA_QUALITY_INTERVAL ?? 300,
    queueMetricsIntervalSeconds: e.UBOS_QUEUE_METRICS_INTERVAL ?? 15,
    limits: {
      maxDepth: e.UBOS_MAX_DEPTH ?? DEFAULT_REQUEST_LIMITS.maxDepth,
      maxAliases: e.UBOS_MAX_ALIASES ?? DEFAULT_REQUEST_LIMITS.maxAliases,
      maxDirectives: e.UBOS_MAX_DIRECTIVES ?? DEFAULT_REQUEST_LIMITS.maxDirectives,
      maxTokens: e.UBOS_MAX_TOKENS ?? DEFAULT_REQUEST_LIMITS.maxTokens,
      maxCost: e.UBOS_MAX_COST ?? DEFAULT_REQUEST_LIMITS.maxCost,
      maxBodyBytes: e.UBOS_MAX_BODY_BYTES ?? DEFAULT_REQUEST_LIMITS.maxBodyBytes,
      maxQueryChars: e.UBOS_MAX_QUERY_CHARS ?? DEFAULT_REQUEST_LIMITS.maxQueryChars,
      maxBatchSize: e.UBOS_MAX_BATCH ?? DEFAULT_REQUEST_LIMITS.maxBatchSize,
    },
    redisUrl: e.REDIS_URL,
    worker: {
      enabled: e.UBOS_WORKER ?? true,
      databaseUrl: e.WORKER_DATABASE_URL,
      role: e.WORKER_DATABASE_URL ? decodeURIComponent(new URL(e.WORKER_DATABASE_URL).username) : 'ubos_worker',
      password: e.UBOS_WORKER_PASSWORD,
      gatewayUrl: e.UBOS_GATEWAY_URL,
      concurrency: e.UBOS_WORKER_CONCURRENCY ?? 4,
      maxAttempts: e.UBOS_WORKFLOW_MAX_ATTEMPTS ?? 5,
      retryDelaySeconds: e.UBOS_WORKER_RETRY_DELAY ?? 2,
      expireSeconds: e.UBOS_WORKER_EXPIRE_SECONDS ?? 30,
      maintenanceSeconds: e.UBOS_WORKER_MAINTENANCE_SECONDS ?? 10,
      dispatchIntervalMs: e.UBOS_WORKER_DISPATCH_MS ?? 250,
      stepTimeoutMs: e.UBOS_WORKER_STEP_TIMEOUT_MS ?? 10_000,
      allowPrivateWebhooks: e.UBOS_WEBHOOK_ALLOW_PRIVATE ?? false,
      statementTimeoutMs: e.UBOS_WORKER_STATEMENT_TIMEOUT_MS ?? 60_000,
      idleInTransactionTimeoutMs: e.UBOS_WORKER_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? 60_000,
      quickBooksCdcIntervalSeconds: e.UBOS_QUICKBOOKS_CDC_INTERVAL_SECONDS ?? 300,
      mail: {
        smtpUrl: e.UBOS_SMTP_URL,
        from: e.UBOS_MAIL_FROM ?? 'UBOS <no-reply@localhost>',
        dir: path.resolve(base, e.UBOS_MAIL_DIR ?? path.join(e.UBOS_DATA_DIR ?? '.ubos', 'mail')),
      },
    },
    accounts: {
      accessTokenSeconds: e.UBOS_ACCESS_TOKEN_SECONDS ?? 900,
      sessionDays: e.UBOS_SESSION_DAYS ?? 30,
      invitationDays: e.UBOS_INVITATION_DAYS ?? 7,
      sessionRecheckSeconds: e.UBOS_SESSION_RECHECK_SECONDS ?? 5,
    },
    timeouts: {
      statementMs: e.UBOS_DB_STATEMENT_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.statementMs,
      idleInTransactionMs: e.UBOS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.idleInTransactionMs,
      acquireMs: e.UBOS_DB_ACQUIRE_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.acquireMs,
      subgraphFetchMs: e.UBOS_SUBGRAPH_TIMEOUT_MS ?? DEFAULT_TIMEOUTS.subgraphFetchMs,
    },
    log: loadLogSettings(env),
    tracing: loadTracingSettings(env),
    publicUrl: e.UBOS_PUBLIC_URL,
    files: {
      dir: e.UBOS_FILES_DIR ? path.resolve(base, e.UBOS_FILES_DIR) : undefined,
      secret: e.UBOS_FILES_SECRET,
      urlTtlSeconds: e.UBOS_FILES_URL_TTL ?? 900,
      maxBytes: e.UBOS_FILES_MAX_BYTES ?? 100 * 1024 * 1024,
      s3: e.S3_BUCKET
        ? {
            bucket: e.S3_BUCKET,
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION ?? 'us-east-1',
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            // S3-compatible servers mostly want path-style addressing; AWS itself virtual hosts.
            forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
          }
        : undefined,
    },
    rateLimits: {
      actor: e.UBOS_RATE_LIMIT_ACTOR === undefined ? DEFAULT_RATE_LIMITS.actor : e.UBOS_RATE_LIMIT_ACTOR,
      tenant: e.UBOS_RATE_LIMIT_TENANT === undefined ? DEFAULT_RATE_LIMITS.tenant : e.UBOS_RATE_LIMIT_TENANT,
      login: e.UBOS_RATE_LIMIT_LOGIN === undefined ? DEFAULT_RATE_LIMITS.login : e.UBOS_RATE_LIMIT_LOGIN,
      account: e.UBOS_RATE_LIMIT_ACCOUNT === undefined ? DEFAULT_RATE_LIMITS.account! : e.UBOS_RATE_LIMIT_ACCOUNT,
    },
  };
}

/**
 * For entry points: the configuration, or the list of mistakes on stderr and exit code 1 (no
 * stack trace: the operator needs the variables, not our call stack).
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): UbosConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[ubos] ${error.message}`);
    process.exit(1);
  }
}
