import type { DomainCases } from '../cross-tenant.js';
import { accountsCases } from './accounts.js';
import { agreementsCases } from './agreements.js';
import { clientMergeCases } from './client-merge.js';
import { communicationCases } from './communication.js';
import { customFieldsCases } from './custom-fields.js';
import { engagementsCases } from './engagements.js';
import { filesCases } from './files.js';
import { integrationsCases } from './integrations.js';
import { revenueCases } from './revenue.js';
import { tenantSchemaCases } from './tenant-schema.js';
import { workflowCases } from './workflow.js';

export const DOMAIN_CASES: DomainCases[] = [agreementsCases, engagementsCases, revenueCases, communicationCases, filesCases, customFieldsCases, workflowCases, accountsCases, tenantSchemaCases, clientMergeCases, integrationsCases];
