import type { EntityReference } from '@ubos/kernel';
import type { IntegrationConnectionEntity } from './entities/integration-connection.entity.js';

/** A Client by key; crm resolves the rest. */
export type ClientReference = EntityReference;
/** An Invoice by key; revenue resolves the rest. */
export type InvoiceReference = EntityReference;

export type QuickBooksKind = 'CUSTOMER' | 'INVOICE' | 'PAYMENT';

/** A connection with its sync figures, computed in SQL. */
export interface IntegrationModel extends Pick<IntegrationConnectionEntity, 'provider' | 'status' | 'realmId' | 'connectedAt' | 'connectedBy' | 'lastError'> {
  lastSyncAt: Date | null;
  syncing: boolean;
  pendingCount: number;
  conflictCount: number;
  failedCount: number;
  oldestPendingAt: Date | null;
  lag: number;
}

export interface QuickBooksConflictModel {
  fields: string[];
  ubos: unknown;
  quickBooks: unknown;
}

/** A row of one of the three mapping tables, with its kind. */
export interface QuickBooksSyncModel {
  kind: QuickBooksKind;
  id: string;
  entityId: string | null;
  remoteId: string | null;
  syncState: 'SYNCED' | 'PENDING' | 'CONFLICT' | 'FAILED';
  syncToken: string | null;
  lastSyncedAt: Date | null;
  lastSyncedVersion: number | null;
  error: string | null;
  conflict: QuickBooksConflictModel | null;
  /** Payments: where it was made. */
  origin?: 'UBOS' | 'QUICKBOOKS';
}
