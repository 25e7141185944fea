import type { EntityManager } from '@ubos/kernel';

/** Per-fetch loaders; the kernel rebuilds them for every fetch and after every write. */
export function createWorkflowLoaders(_em: EntityManager, _organizationId: string | null) {
  return {};
}

export type WorkflowLoaders = ReturnType<typeof createWorkflowLoaders>;
