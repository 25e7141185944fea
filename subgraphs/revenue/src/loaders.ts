import type { EntityManager } from '@ubos/kernel';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createRevenueLoaders(_em: EntityManager, _organizationId: string | null) {
  return {};
}

export type RevenueLoaders = ReturnType<typeof createRevenueLoaders>;
