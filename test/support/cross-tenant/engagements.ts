import type { DomainCases } from '../cross-tenant.js';

/** The engagements domain's cross-tenant probes. */
export const engagementsCases: DomainCases = {
  idTables: {},
  cases: [],
  withoutId: [],
};
