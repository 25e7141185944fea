import type { SeedContext, SeededClient } from './context.js';

/** Demo data of the engagements domain. */
export async function seedEngagements(_seed: SeedContext, _clients: SeededClient[]): Promise<void> {}
