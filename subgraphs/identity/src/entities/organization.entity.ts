import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

// A global table, but a request still sees only its own organization: this filter is the
// ORM layer of that rule, and the row policy on organizations is the database layer.
export const OrganizationSchema = defineEntity({
  name: 'Organization',
  tableName: 'organizations',
  filters: {
    tenant: { name: 'tenant', cond: (args: { organizationId: string }) => ({ id: args.organizationId }), default: true },
  },
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    slug: p.text(),
    schemaVersion: p.integer(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type OrganizationEntity = InferEntity<typeof OrganizationSchema>;
