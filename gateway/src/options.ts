import type { FileStore, InternalContextSigner, RateLimits, RequestLimits, SubgraphRuntime, TokenService } from '@ubos/kernel';
import type { RateLimitStore } from './rate-limit.js';

export interface GatewayOptions {
  supergraphSdl: string;
  tokens: TokenService;
  signer: InternalContextSigner;
  /** One-process mode: the subgraphs of this process, by name. */
  runtimes?: Record<string, SubgraphRuntime<unknown>>;
  /** Distributed mode: subgraph URLs, by name. */
  subgraphUrls?: Record<string, string>;
  production: boolean;
  demoToken?: string;
  metricsToken?: string;
  /** Limits on every request (defaults: DEFAULT_REQUEST_LIMITS); a caller's own `context.limits` go over them. */
  limits?: RequestLimits;
  /** Token buckets per actor, tenant and anonymous client address (defaults: DEFAULT_RATE_LIMITS). */
  rateLimits?: RateLimits;
  /** Where the buckets live (default: this process's memory). */
  rateLimitStore?: RateLimitStore;
  /** How long a subgraph fetch over HTTP may take (distributed mode); unset: DEFAULT_TIMEOUTS.subgraphFetchMs. */
  subgraphTimeoutMs?: number;
  /** The file store; the local one's signed upload and download URLs are served under /files/. */
  fileStore?: FileStore;
  /** How long an answer about a session is trusted (UBOS_SESSION_RECHECK_SECONDS; default 5; 0 = ask every time). */
  sessionRecheckSeconds?: number;
}
