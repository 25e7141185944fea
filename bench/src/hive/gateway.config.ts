import type http from 'node:http';
import { INTERNAL_CONTEXT_HEADER, InternalContextSigner, loadConfig, tokensFromConfig } from '@ubos/kernel';
import { authenticate } from '@ubos/gateway/request';
import type { GatewayContext as UbosCallContext } from '@ubos/gateway/request';

/**
 * HIVE GATEWAY CONFIGURATION (benchmark code, not product code), for
 * `hive-gateway supergraph <the committed supergraph, with the bench's subgraph URLs> --fork 1`.
 *
 * The plugin does for Hive what gateway/src/auth.ts and gateway/src/sources.ts do for the
 * project's gateway, with the same code from @ubos/kernel and gateway/src:
 *
 * 1. onContextBuilding: verifies the caller's token with `authenticate` (the same EdDSA keys,
 *    issuer and audience; no header is an anonymous caller; a bad token is refused with 401)
 *    and keeps the resulting actor, tenant, request id, address and user agent.
 * 2. onFetch: signs every subgraph fetch with InternalContextSigner (HMAC-SHA256 over the
 *    context, an expiry and the SHA-256 of the fetch's own query and variables, read back
 *    from the body Hive is about to send) into the x-ubos-context header. The subgraphs check
 *    it exactly as they check the project's gateway; without it they refuse the fetch.
 *
 * In-flight deduplication is off for every subgraph: Hive merges identical concurrent fetches
 * keyed on URL and body, before this header is added, which would hand one tenant's answer
 * to another (see shared/STACK.md).
 */

const config = loadConfig();
if (!config.internalSecret) throw new Error('UBOS_INTERNAL_SECRET is required');
const signer = new InternalContextSigner(config.internalSecret);
const tokens = await tokensFromConfig(config);

interface UbosContext {
  ubos?: UbosCallContext;
  req?: http.IncomingMessage;
}

// The few shapes of Hive's plugin API used here, declared locally: importing the package's
// types would bring its own @types/node into the project's type check.
interface FetchOptions {
  body?: unknown;
  headers?: Record<string, string> | { forEach(callback: (value: string, key: string) => void): void };
  [option: string]: unknown;
}
interface GatewayPlugin<Context> {
  onContextBuilding?(payload: { context: Context; extendContext(extension: Partial<Context>): void }): Promise<void> | void;
  onFetch?(payload: { options: FetchOptions; setOptions(options: FetchOptions): void; context: unknown }): void;
}

export function ubosSigningPlugin(): GatewayPlugin<UbosContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const req = context.req;
      if (!req) throw new Error('Hive Gateway must run on Node http for the UBOS plugin (no req in the context)');
      try {
        extendContext({ ubos: await authenticate(req, tokens) });
      } catch (error) {
        const extensions = { ...((error as { extensions?: Record<string, unknown> }).extensions ?? {}), http: { status: 401 } };
        throw Object.assign(error as Error, { extensions });
      }
    },
    onFetch({ options, setOptions, context }) {
      const ubos = (context as UbosContext).ubos;
      // Fetches outside a client request (none with a file supergraph) carry no caller.
      if (!ubos || typeof options.body !== 'string') return;
      const body = JSON.parse(options.body) as { query?: string; variables?: Record<string, unknown> };
      const header = signer.sign(
        { requestId: ubos.requestId, organizationId: ubos.organizationId, actor: ubos.actor, ip: ubos.ip, userAgent: ubos.userAgent },
        body.query,
        body.variables,
      );
      const headers: Record<string, string> = {};
      const given = options.headers;
      if (given && typeof given.forEach === 'function') (given as { forEach(callback: (value: string, key: string) => void): void }).forEach((value, key) => (headers[key] = value));
      else Object.assign(headers, given);
      headers[INTERNAL_CONTEXT_HEADER] = header;
      setOptions({ ...options, headers });
    },
  };
}

// What `defineConfig` from @graphql-hive/gateway would return (it is the identity).
export const gatewayConfig = {
  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: false } },
  },
  plugins: () => [ubosSigningPlugin()],
  graphiql: false,
  landingPage: false,
};
