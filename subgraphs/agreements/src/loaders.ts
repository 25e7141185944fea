import type { EntityManager } from '@ubos/kernel';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createAgreementsLoaders(_em: EntityManager, _organizationId: string | null) {
  return {};
}

export type AgreementsLoaders = ReturnType<typeof createAgreementsLoaders>;
