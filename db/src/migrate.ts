import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withAdminClient } from './admin.js';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the SQL files of db/migrations in name order, each in its own transaction, and
 * records them in schema_migrations. An advisory lock lets several processes start at once:
 * one migrates, the others wait and find nothing left to do.
 */
export async function migrate(adminUrl: string, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  const files = fs.readdirSync(migrationsDir).filter((file) => file.endsWith('.sql')).sort();
  return withAdminClient(adminUrl, async (client) => {
    await client.query(`select pg_advisory_lock(hashtext('ubos:migrate'))`);
    try {
      await client.query(`create table if not exists schema_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      )`);
      const { rows } = await client.query<{ name: string }>('select name from schema_migrations');
      const done = new Set(rows.map((row) => row.name));
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
        await client.query('begin');
        try {
          await client.query(sql);
          await client.query('insert into schema_migrations (name) values ($1)', [file]);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw new Error(`Migration ${file} failed: ${(error as Error).message}`);
        }
        applied.push(file);
        log(`migrated ${file}`);
      }
      return { applied };
    } finally {
      await client.query(`select pg_advisory_unlock(hashtext('ubos:migrate'))`);
    }
  });
}
