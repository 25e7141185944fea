import type { SeedContext, SeededClient } from './context.js';

/** Demo data of the revenue domain. */
export async function seedRevenue(_seed: SeedContext, _clients: SeededClient[]): Promise<void> {}
