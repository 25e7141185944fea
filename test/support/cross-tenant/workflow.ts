import type { DomainCases } from '../cross-tenant.js';

/** The workflow domain's cross-tenant probes. */
export const workflowCases: DomainCases = {
  idTables: {},
  cases: [],
  withoutId: [],
};
