import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const MIGRATION_0060 = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations/0060_client_duplicate_candidates.sql');

/**
 * Creates 0060's own ubos_refresh_client_duplicates, read from the migration file, as
 * pg_temp.refresh_0060 in the session of `admin`: the reference that later definitions must
 * match pair for pair. The session's pg_temp keeps it for every test of the file.
 */
export async function defineReference0060(admin: pg.Client): Promise<void> {
  const text = fs.readFileSync(MIGRATION_0060, 'utf8');
  const start = text.indexOf('CREATE FUNCTION ubos_refresh_client_duplicates');
  if (start < 0) throw new Error('0060 no longer defines ubos_refresh_client_duplicates');
  const end = text.indexOf('END $$;', start) + 'END $$;'.length;
  await admin.query(text.slice(start, end).replace('CREATE FUNCTION ubos_refresh_client_duplicates', 'CREATE FUNCTION pg_temp.refresh_0060'));
}

/** A tenant's candidate pairs as comparable lines: the pair, its holders, score and reasons. */
export async function pairsOf(admin: pg.Client, organizationId: string): Promise<string[]> {
  const { rows } = await admin.query<{ pair: string }>(
    `select client_id || ' ' || duplicate_id || ' ' || held_by_client || ' ' || held_by_duplicate || ' ' || score || ' ' || array_to_string(reasons, ',') as pair
       from client_duplicate_candidates where organization_id = $1 order by 1`,
    [organizationId],
  );
  return rows.map((row) => row.pair);
}

export interface LookAlikeCrowd {
  /** The clients "Acme Studio n" for n in from..to. */
  from: number;
  to: number;
  /** Every n-th shares one phone, and every n-th is soft-deleted; every 7th shares a domain. */
  sharedPhoneEvery: number;
  deletedEvery: number;
}

/**
 * Inserts a crowd of look-alike clients into a tenant, in the caller's transaction (whose
 * app.organization_id is the tenant): names that all share a key, a shared email domain, a
 * shared phone and deleted clients, the cases a duplicate refresh must get right.
 */
export async function insertLookAlikeCrowd(admin: pg.Client, organizationId: string, crowd: LookAlikeCrowd): Promise<void> {
  await admin.query(
    `insert into clients (organization_id, name, email, phone, deleted_at)
     select $1, 'Acme Studio ' || n,
            case when n % 7 = 0 then 'hello@shared-domain.example' else 'c' || n || '@client-' || n || '.example' end,
            case when n % $4 = 0 then '+44 20 7946 0018' else '+1 555 ' || lpad(n::text, 4, '0') end,
            case when n % $5 = 0 then now() end
       from generate_series($2::int, $3::int) n`,
    [organizationId, crowd.from, crowd.to, crowd.sharedPhoneEvery, crowd.deletedEvery],
  );
}
