import { clientMergeHandlers } from '@ubos/kernel';

/**
 * What a client merge means here (the kernel's client merge protocol): Invoices follow their client, and their payments follow their invoice (payments_invoice_fk, ON UPDATE CASCADE, within this subgraph). Numbers never change.
 */
export const revenueEventHandlers = clientMergeHandlers('revenue', [{ table: 'invoices', entityType: 'Invoice' }]);
