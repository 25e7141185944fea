import type { SeedContext, SeededClient } from './context.js';

/** Demo data of the agreements domain. */
export async function seedAgreements(_seed: SeedContext, _clients: SeededClient[]): Promise<void> {}
