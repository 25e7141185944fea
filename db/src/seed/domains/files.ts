import type { SeedContext, SeededClient } from './context.js';

/** Demo data of the files domain. */
export async function seedFiles(_seed: SeedContext, _clients: SeededClient[]): Promise<void> {}
