// The steps of a gateway request, for other servers that must check callers and requests
// exactly as the gateway does (the benchmark's peers). The gateway wires them in pipeline.ts.
export { authenticate } from './authenticate.js';
export { isPublicOperation } from './authorize.js';
export { callerView } from './errors.js';
export { checkOperationLimits, limitsFor } from './limits.js';
export { readGraphQLRequest } from './parse.js';
export { Refusal } from './refusal.js';
export { supergraphForGateway } from '../scopes.js';
export type { GatewayContext } from '../context.js';
