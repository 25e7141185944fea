import type { DomainCases } from '../cross-tenant.js';

/**
 * Schema versions and data quality: their root fields take no id; each acts on the token's
 * organization only (gateway/test/tenant-migrations.test.ts proves a migration leaves other
 * tenants' rows untouched).
 */
export const tenantSchemaCases: DomainCases = {
  idTables: {},
  cases: [],
  withoutId: ['startTenantMigration', 'dataQuality', 'dataQualityIssues'],
  lists: { selection: 'dataQualityIssues(first: 100) { edges { node { entityId } } } dataQuality { entities { rows } }', tables: ['clients', 'contacts', 'deals', 'projects', 'invoices'] },
};
