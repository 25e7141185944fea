import type { SeedContext, SeededClient } from './context.js';

/** Demo data of the communication domain. */
export async function seedCommunication(_seed: SeedContext, _clients: SeededClient[]): Promise<void> {}
