import type { DomainCases } from '../cross-tenant.js';

/** The communication domain's cross-tenant probes. */
export const communicationCases: DomainCases = {
  idTables: {},
  cases: [],
  withoutId: [],
};
