import type { SeedContext, SeededClient } from './context.js';

/** Demo data of the custom-fields domain. */
export async function seedCustomFields(_seed: SeedContext, _clients: SeededClient[]): Promise<void> {}
