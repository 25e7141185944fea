import { customFieldsOf } from '@ubos/kernel';

/** Projects carry custom fields; the graph's CustomFieldEntity enum names them PROJECT. */
export const projectCustomFields = customFieldsOf('PROJECT');
