import type { DomainCases } from '../cross-tenant.js';

/** The files domain's cross-tenant probes. */
export const filesCases: DomainCases = {
  idTables: {},
  cases: [],
  withoutId: [],
};
