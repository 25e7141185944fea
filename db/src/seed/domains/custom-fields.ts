import type { SeedContext, SeededClient } from './context.js';

interface DemoField {
  entityType: 'CLIENT' | 'CONTACT' | 'DEAL' | 'PROJECT' | 'INVOICE';
  key: string;
  label: string;
  type: 'TEXT' | 'NUMBER' | 'DATE' | 'BOOLEAN' | 'SELECT' | 'MULTI_SELECT';
  required?: boolean;
  options?: string[];
}

const TIERS = ['Gold', 'Silver', 'Bronze'];
const SERVICES = ['Strategy', 'Design', 'Engineering', 'Marketing'];
const SOURCES = ['Referral', 'Website', 'Event', 'Outbound'];

/** The demo tenants' custom fields: one of every type, on every entity that can carry them. */
export const DEMO_CUSTOM_FIELDS: DemoField[] = [
  { entityType: 'CLIENT', key: 'tier', label: 'Tier', type: 'SELECT', options: TIERS },
  { entityType: 'CLIENT', key: 'annual_revenue', label: 'Annual revenue (USD)', type: 'NUMBER' },
  { entityType: 'CLIENT', key: 'renewal_date', label: 'Renewal date', type: 'DATE' },
  { entityType: 'CLIENT', key: 'nda_signed', label: 'NDA signed', type: 'BOOLEAN' },
  { entityType: 'CLIENT', key: 'services', label: 'Services', type: 'MULTI_SELECT', options: SERVICES },
  { entityType: 'CONTACT', key: 'linkedin', label: 'LinkedIn profile', type: 'TEXT' },
  { entityType: 'DEAL', key: 'source', label: 'Lead source', type: 'SELECT', options: SOURCES },
  { entityType: 'PROJECT', key: 'billing_code', label: 'Billing code', type: 'TEXT' },
  { entityType: 'INVOICE', key: 'po_number', label: 'Purchase order', type: 'TEXT' },
];

/** A client's demo values, derived from its position so that every start seeds the same. */
export function demoClientCustomFields(index: number): Record<string, unknown> {
  if (index % 5 === 4) return {}; // some clients have none, as in real books
  return {
    tier: TIERS[index % TIERS.length],
    annual_revenue: 250_000 + ((index * 7919) % 40) * 125_000,
    renewal_date: new Date(Date.UTC(2026, index % 12, 1 + (index % 28))).toISOString().slice(0, 10),
    nda_signed: index % 2 === 0,
    services: SERVICES.filter((_, position) => (index + position) % 3 !== 0),
  };
}

export function demoProjectCustomFields(clientIndex: number, projectIndex: number): Record<string, unknown> {
  return { billing_code: `PRJ-${String(clientIndex + 1).padStart(3, '0')}-${projectIndex + 1}` };
}

export function demoDealCustomFields(clientIndex: number, dealIndex: number): Record<string, unknown> {
  return { source: SOURCES[(clientIndex + dealIndex) % SOURCES.length] };
}

/** The definitions of the demo custom fields (the values are seeded with their entities). */
export async function seedCustomFields(seed: SeedContext, _clients: SeededClient[]): Promise<void> {
  for (const [position, field] of DEMO_CUSTOM_FIELDS.entries()) {
    await seed.insert(
      'custom_field_definitions',
      {
        organization_id: seed.organizationId,
        id: seed.id(`custom-field:${seed.slug}:${field.entityType}:${field.key}`),
        entity_type: field.entityType,
        key: field.key,
        label: field.label,
        type: field.type,
        required: field.required ?? false,
        options: JSON.stringify(field.options ?? []),
        position,
      },
      '(organization_id, entity_type, key) do nothing',
    );
  }
}
