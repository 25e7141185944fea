import DataLoader from 'dataloader';
import { defineLoaders, type LoaderScope } from '@ubos/kernel';
import type { QuickBooksKind, QuickBooksSyncModel } from './mappers.js';

/** The three mapping tables, by kind: the table, the core row's column and the QuickBooks id's column. */
export const MAPPING_TABLES: Record<QuickBooksKind, { table: string; entityColumn: string; remoteColumn: string }> = {
  CUSTOMER: { table: 'integration_quickbooks_customers', entityColumn: 'client_id', remoteColumn: 'qb_customer_id' },
  INVOICE: { table: 'integration_quickbooks_invoices', entityColumn: 'invoice_id', remoteColumn: 'qb_invoice_id' },
  PAYMENT: { table: 'integration_quickbooks_payments', entityColumn: 'payment_id', remoteColumn: 'qb_payment_id' },
};

export interface MappingRow {
  id: string;
  entity_id: string | null;
  remote_id: string | null;
  sync_state: QuickBooksSyncModel['syncState'];
  qb_sync_token: string | null;
  /** Epoch milliseconds (raw rows carry timestamps as text). */
  last_synced_at: number | null;
  last_synced_version: number | null;
  last_error: string | null;
  conflict_ubos: Record<string, unknown> | null;
  conflict_remote: Record<string, unknown> | null;
  /** Payments only. */
  origin?: 'UBOS' | 'QUICKBOOKS';
}

export function mappingSelect(kind: QuickBooksKind): string {
  const { table, entityColumn, remoteColumn } = MAPPING_TABLES[kind];
  return `select id, ${entityColumn} as entity_id, ${remoteColumn} as remote_id, sync_state, qb_sync_token, (extract(epoch from last_synced_at) * 1000)::float8 as last_synced_at, last_synced_version, last_error, conflict_ubos, conflict_remote${kind === 'PAYMENT' ? ', origin' : ''} from ${table}`;
}

export function toSyncModel(kind: QuickBooksKind, row: MappingRow): QuickBooksSyncModel {
  const conflict =
    row.sync_state === 'CONFLICT' && row.conflict_ubos && row.conflict_remote
      ? { fields: Object.keys(row.conflict_remote).sort(), ubos: row.conflict_ubos, quickBooks: row.conflict_remote }
      : null;
  return {
    kind,
    id: row.id,
    entityId: row.entity_id,
    remoteId: row.remote_id,
    syncState: row.sync_state,
    syncToken: row.qb_sync_token,
    lastSyncedAt: row.last_synced_at === null ? null : new Date(row.last_synced_at),
    lastSyncedVersion: row.last_synced_version,
    error: row.last_error,
    conflict,
    ...(row.origin ? { origin: row.origin } : {}),
  };
}

/** Per-fetch loaders: one statement for the mappings of every client (or invoice) of a page. */
export const createIntegrationsLoaders = defineLoaders({
  customerOfClient: (scope) => mappingsByEntity(scope, 'CUSTOMER'),
  invoiceOfInvoice: (scope) => mappingsByEntity(scope, 'INVOICE'),
});

function mappingsByEntity({ em, organizationId }: LoaderScope, kind: QuickBooksKind) {
  return new DataLoader<string, QuickBooksSyncModel | null>(async (ids) => {
    // Raw SQL: the tenant is named here; Row Level Security stands behind it.
    const rows = await em.execute<MappingRow[]>(`${mappingSelect(kind)} where organization_id = ? and ${MAPPING_TABLES[kind].entityColumn} = any(?::uuid[])`, [organizationId, `{${ids.join(',')}}`]);
    const found = new Map(rows.map((row) => [row.entity_id, toSyncModel(kind, row)]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export type IntegrationsLoaders = ReturnType<typeof createIntegrationsLoaders>;
