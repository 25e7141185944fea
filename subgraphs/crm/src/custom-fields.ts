import { customFieldsOf } from '@ubos/kernel';

// Clients, contacts and deals carry custom fields, named as the graph's CustomFieldEntity enum names them.
export const clientCustomFields = customFieldsOf('CLIENT');
export const contactCustomFields = customFieldsOf('CONTACT');
export const dealCustomFields = customFieldsOf('DEAL');
