import { INTERNAL_CONTEXT_HEADER, type FileStates } from '@ubos/kernel';
import type { IdentityCaller } from './api-keys.js';
import type { GatewayOptions } from './options.js';

type Options = Pick<GatewayOptions, 'signer' | 'runtimes' | 'subgraphUrls'>;

/**
 * Calls one subgraph directly, outside any client request (to authenticate an API key, to
 * look up a registered operation, to check a file before its bytes are served): signed like
 * every fetch, as an anonymous actor of the given tenant, in-process or over HTTP.
 */
export function subgraphCaller(options: Options, name: string): IdentityCaller {
  return async (query, variables, organizationId, requestId = 'gateway') => {
    const header = options.signer.sign({ requestId, organizationId: organizationId ?? null, actor: { kind: 'anonymous' } }, query, variables);
    const runtime = options.runtimes?.[name];
    if (runtime) return (await runtime.execute({ query, variables }, { [INTERNAL_CONTEXT_HEADER]: header })).body;
    const url = options.subgraphUrls?.[name];
    if (!url) throw new Error(`No ${name} subgraph to call`);
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_CONTEXT_HEADER]: header }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: readonly unknown[] };
  };
}

const FILE_STATE = 'query FileState($id: ID!) { file(id: $id) { status } }';

/** The state of a file, asked of the files subgraph as its tenant. */
export function fileStates(options: Options): FileStates {
  const callFiles = subgraphCaller(options, 'files');
  return {
    async stateOf(file) {
      const result = await callFiles(FILE_STATE, { id: file.id }, file.organizationId);
      const status = result.data?.file?.status;
      return status === 'PENDING' || status === 'UPLOADED' ? status : null;
    },
  };
}
