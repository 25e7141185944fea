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
