import { defineEntity, p } from '@mikro-orm/core';
import { MAIN_ENTITY_FILTERS } from './orm.js';

/**
 * The columns every main entity shares: its id, its tenant, its timestamps, the version the
 * write path's trigger owns, and the soft-delete stamp. Spread first into an entity's
 * properties, with MAIN_ENTITY_FILTERS (./orm.ts), so that each entity file lists only what
 * is its own.
 */
export const mainEntityColumns = () => ({
  id: p.uuid().primary(),
  organizationId: p.uuid(),
  createdAt: p.datetime(),
  updatedAt: p.datetime(),
  // Owned by the database: a trigger sets and bumps it; the ORM reads it back after a write.
  version: p.integer().default(1),
  deletedAt: p.datetime().nullable(),
  deletedBy: p.text().nullable(),
});

/**
 * A main entity: a tenant's row that is versioned, audited and soft-deleted. Its shared
 * columns and filters (tenant, not deleted) come first; `properties` lists what is its own.
 */
export function defineMainEntity<const Name extends string, const Properties extends Record<string, any>>(name: Name, tableName: string, properties: Properties) {
  return defineEntity({ name, tableName, filters: MAIN_ENTITY_FILTERS, properties: { ...mainEntityColumns(), ...properties } });
}
