import type { DomainCases } from '../cross-tenant.js';
import { agreementsCases } from './agreements.js';
import { communicationCases } from './communication.js';
import { customFieldsCases } from './custom-fields.js';
import { engagementsCases } from './engagements.js';
import { filesCases } from './files.js';
import { integrationsCases } from './integrations.js';
import { revenueCases } from './revenue.js';
import { workflowCases } from './workflow.js';

export const DOMAIN_CASES: DomainCases[] = [agreementsCases, engagementsCases, revenueCases, communicationCases, filesCases, customFieldsCases, workflowCases, integrationsCases];
