import { createRequire } from 'node:module';

/**
 * graphql as @apollo/gateway loads it: CommonJS. The schema Apollo hands to plugins comes from
 * that copy, and the type predicates and TypeInfo of another copy (the ESM one, as vitest loads
 * it) refuse its types. Code that inspects Apollo's schema takes these, never `import 'graphql'`.
 */
export const graphqlOfApollo = createRequire(import.meta.url)('graphql') as typeof import('graphql');
