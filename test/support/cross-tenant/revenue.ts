import type { DomainCases } from '../cross-tenant.js';

/** The revenue domain's cross-tenant probes. */
export const revenueCases: DomainCases = {
  idTables: {},
  cases: [],
  withoutId: [],
};
