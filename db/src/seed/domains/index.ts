import type { DomainSeed } from './context.js';
import { seedAgreements } from './agreements.js';
import { seedCommunication } from './communication.js';
import { seedCustomFields } from './custom-fields.js';
import { seedEngagements } from './engagements.js';
import { seedFiles } from './files.js';
import { seedIntegrations } from './integrations.js';
import { seedRevenue } from './revenue.js';
import { seedWorkflow } from './workflow.js';

export type { DomainSeed, SeedContext, SeededClient } from './context.js';

/** Run in this order, after the clients, contacts, deals and projects: later domains may read earlier rows. */
export const DOMAIN_SEEDS: DomainSeed[] = [seedCustomFields, seedAgreements, seedEngagements, seedRevenue, seedCommunication, seedFiles, seedWorkflow, seedIntegrations];
