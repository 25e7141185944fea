import type { DomainCases } from '../cross-tenant.js';

/** The customFields domain's cross-tenant probes. */
export const customFieldsCases: DomainCases = {
  idTables: {},
  cases: [],
  withoutId: [],
};
