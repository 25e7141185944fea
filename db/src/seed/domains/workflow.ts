import type { SeedContext, SeededClient } from './context.js';

/** Demo data of the workflow domain. */
export async function seedWorkflow(_seed: SeedContext, _clients: SeededClient[]): Promise<void> {}
