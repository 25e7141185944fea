import type { ApiKeyResolvers } from '../__generated__/resolvers-types.js';

const LIMITS = ['maxDepth', 'maxAliases', 'maxDirectives', 'maxTokens', 'maxCost'] as const;

export const ApiKey: ApiKeyResolvers = {
  limits: (apiKey) => Object.fromEntries(LIMITS.map((name) => [name, typeof apiKey.limits[name] === 'number' ? apiKey.limits[name] : null])) as Record<(typeof LIMITS)[number], number | null>,
};
