import { INTERNAL_CONTEXT_HEADER } from '@ubos/kernel';
import type { IdentityCaller } from './api-keys.js';
import type { GatewayOptions } from './options.js';

/**
 * Calls the identity subgraph directly, outside any client request (to authenticate an API
 * key, to look up a registered operation): signed like every fetch, as an anonymous actor,
 * in-process or over HTTP.
 */
export function identityCaller(options: Pick<GatewayOptions, 'signer' | 'runtimes' | 'subgraphUrls'>): IdentityCaller {
  return async (query, variables, organizationId) => {
    const header = options.signer.sign({ requestId: 'gateway', organizationId: organizationId ?? null, actor: { kind: 'anonymous' } }, query, variables);
    const runtime = options.runtimes?.identity;
    if (runtime) return (await runtime.execute({ query, variables }, { [INTERNAL_CONTEXT_HEADER]: header })).body;
    const url = options.subgraphUrls?.identity;
    if (!url) throw new Error('No identity subgraph to authenticate API keys with');
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_CONTEXT_HEADER]: header }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: readonly unknown[] };
  };
}
