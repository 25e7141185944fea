import type { DomainCases } from '../cross-tenant.js';

/** The agreements domain's cross-tenant probes. */
export const agreementsCases: DomainCases = {
  idTables: {},
  cases: [],
  withoutId: [],
};
