import type pg from 'pg';

/**
 * What a domain's demo seed gets: the admin connection inside the organization's seeding
 * transaction (the tenant is set, so Row Level Security agrees), and deterministic helpers.
 * Rows take ids from `id(key)` and are inserted with ON CONFLICT DO NOTHING, so seeding twice
 * adds nothing.
 */
export interface SeedContext {
  client: pg.Client;
  organizationId: string;
  slug: string;
  /** User ids by email. */
  userIds: Record<string, string>;
  /** A deterministic random generator for the domain, in [0, 1). */
  random(domain: string): () => number;
  /** A deterministic UUIDv7 for a seed key (include the slug); later calls sort later. */
  id(key: string): string;
  insert(table: string, row: Record<string, unknown>, conflict?: string): Promise<void>;
  /** The date `days` after 2026-01-01, as YYYY-MM-DD. */
  isoDate(days: number): string;
}

/** A client of the organization, oldest first. */
export interface SeededClient {
  id: string;
  name: string;
}

export type DomainSeed = (seed: SeedContext, clients: SeededClient[]) => Promise<void>;
