import type { EntityManager } from '@ubos/kernel';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createCommunicationLoaders(_em: EntityManager, _organizationId: string | null) {
  return {};
}

export type CommunicationLoaders = ReturnType<typeof createCommunicationLoaders>;
