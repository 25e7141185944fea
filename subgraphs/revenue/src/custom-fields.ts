import { customFieldsOf } from '@ubos/kernel';

/** Invoices carry custom fields; the graph's CustomFieldEntity enum names them INVOICE. */
export const invoiceCustomFields = customFieldsOf('INVOICE');
