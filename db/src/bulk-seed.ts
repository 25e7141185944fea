import { parseArgs } from 'node:util';
import type pg from 'pg';
import { hashPassword, loadConfigOrExit, uuidv7 } from '@ubos/kernel';
import { quoteLiteral, withAdminClient } from './admin.js';
import { prepareDatabase } from './prepare.js';
import { DEMO_PASSWORD } from './seed/demo.js';
import { CLIENT_STATUSES, COMPANY_FIRST, COMPANY_LAST, DEAL_STAGES, FIRST_NAMES, INDUSTRIES, LAST_NAMES, PROJECT_KINDS, PROJECT_STATUSES, TASK_STATUSES, TASK_TITLES } from './seed/vocabulary.js';

/**
 * `npm run seed:bulk -- --tenants 10 --clients 10000`: load data for the benchmark.
 *
 * Tenant i is the organization `bulk-i` with the owner `owner@bulk-i.test` (password
 * `ubos-demo`). Per client: 2 contacts, 1 deal, 1 or 2 projects, and per project 2 milestones
 * and 4 tasks; and 1 or 2 sent invoices, a third of them paid in full and a third in part. Rows are made in SQL (generate_series, ubos_uuid_v7), one statement per chunk
 * of clients, in one transaction per tenant with the tenant set so that Row Level Security
 * agrees. A tenant that already has its clients is skipped; one with fewer is topped up.
 * Every row goes through the write path's triggers (0075: one audit trigger call per table
 * and statement, the chain sealed once per tenant at commit). `--concurrency` tenants are
 * seeded at once, each on its own connection (default 2: tenants share nothing but the
 * organizations and users tables, and each has its own chain head and duplicate lock).
 * Each tenant's line says where its time went: rows (with their triggers), duplicate
 * candidates, and the commit (sealing the chain).
 */

const CHUNK = 2000;
const BAR_WIDTH = 30;

const TABLES = ['memberships', 'clients', 'contacts', 'deals', 'projects', 'milestones', 'tasks', 'invoices', 'payments'] as const;
type TenantTable = (typeof TABLES)[number];



/** `items[index mod length]` as SQL, for an integer SQL expression `index`. */
function pick(items: readonly string[], index: string): string {
  return `(array[${items.map(quoteLiteral).join(', ')}]::text[])[1 + ((${index}) % ${items.length})]`;
}

/**
 * Inserts clients number $3..$4 of the tenant $1 (tenant number $2) and everything below
 * them, in one statement. The children reference parents made in the same statement, which
 * works because foreign keys are checked at the end of the statement.
 */
const CHUNK_SQL = `
with src as materialized (
  select n, ubos_uuid_v7() as id,
    ${pick(COMPANY_FIRST, 'n')} || ' ' || ${pick(COMPANY_LAST, 'n / 24')} || ' ' || n as name,
    'client-' || n || '.bulk-' || $2::text || '.example' as domain
  from generate_series($3::int, $4::int) as n
),
ins_clients as (
  insert into clients (organization_id, id, name, status, email, phone, website, industry)
  select $1::uuid, id, name, ${pick(CLIENT_STATUSES, 'n * 7')}, 'hello@' || domain,
    '+1 555 ' || lpad((n % 10000)::text, 4, '0'), 'https://' || domain, ${pick(INDUSTRIES, 'n * 3')}
  from src
  returning 1
),
ins_contacts as (
  insert into contacts (organization_id, id, client_id, first_name, last_name, email, title, is_primary)
  select $1::uuid, ubos_uuid_v7(), src.id, f.first_name, f.last_name,
    lower(f.first_name || '.' || f.last_name || '@' || src.domain),
    case when k = 1 then 'Managing Director' else 'Project Lead' end, k = 1
  from src
  cross join generate_series(1, 2) as k
  cross join lateral (select ${pick(FIRST_NAMES, 'src.n * 2 + k')} as first_name, ${pick(LAST_NAMES, 'src.n * 5 + k * 3')} as last_name) as f
  returning 1
),
ins_deals as (
  insert into deals (organization_id, id, client_id, title, stage, value_amount_minor, value_currency, expected_close_date)
  select $1::uuid, ubos_uuid_v7(), id, ${pick(PROJECT_KINDS, 'n * 3 + 1')} || ' for ' || name, ${pick(DEAL_STAGES, 'n')},
    (5 + n % 95) * 100000, 'USD', date '2026-01-01' + (30 + n % 180)
  from src
  returning 1
),
proj as materialized (
  select src.n, src.id as client_id, src.name as client_name, p, ubos_uuid_v7() as id, (src.n * 13 + p * 7) % 120 as start_day
  from src
  cross join lateral generate_series(1, 1 + src.n % 2) as p
),
ins_projects as (
  insert into projects (organization_id, id, client_id, name, description, status, start_date, due_date)
  select $1::uuid, id, client_id, ${pick(PROJECT_KINDS, 'n + p')} || ' ' || p, 'Engagement with ' || client_name || '.',
    ${pick(PROJECT_STATUSES, 'n * 3 + p')}, date '2026-01-01' + start_day, date '2026-01-01' + start_day + 60
  from proj
  returning 1
),
ms as materialized (
  select proj.n, proj.p, proj.id as project_id, proj.start_day, m, ubos_uuid_v7() as id
  from proj
  cross join generate_series(1, 2) as m
),
ins_milestones as (
  insert into milestones (organization_id, id, project_id, name, due_date)
  select $1::uuid, id, project_id, case when m = 1 then 'Discovery complete' else 'Final delivery' end, date '2026-01-01' + start_day + 30 * m
  from ms
  returning 1
),
ins_tasks as (
  insert into tasks (organization_id, id, project_id, milestone_id, title, status, due_date)
  select $1::uuid, ubos_uuid_v7(), project_id, ms.id, ${pick(TASK_TITLES, '(m - 1) * 2 + t - 1 + (p - 1) * 4')},
    ${pick(TASK_STATUSES, 'n * 7 + m * 2 + t')}, date '2026-01-01' + start_day + 7 * ((m - 1) * 2 + t)
  from ms
  cross join generate_series(1, 2) as t
  returning 1
),
inv as materialized (
  -- One line of 1,000 to 1,490 USD at 20% tax, so the amounts stay exact.
  select src.n, src.id as client_id, i, ubos_uuid_v7() as id, 100000 + ((src.n + i) % 50) * 1000 as subtotal
  from src
  cross join lateral generate_series(1, 1 + src.n % 2) as i
),
ins_invoices as (
  -- The number is the trigger's (the tenant's counter); the 1 only satisfies NOT NULL.
  insert into invoices (organization_id, id, number, client_id, currency, line_items, subtotal_minor, tax_minor, total_minor,
                        amount_paid_minor, issue_date, due_date, sent_at)
  select $1::uuid, id, 1, client_id, 'USD',
    jsonb_build_array(jsonb_build_object('description', 'Monthly retainer', 'quantity', 1, 'unitPriceMinor', subtotal, 'taxRate', 0.2,
      'subtotalMinor', subtotal, 'taxMinor', subtotal / 5, 'totalMinor', subtotal + subtotal / 5)),
    subtotal, subtotal / 5, subtotal + subtotal / 5,
    case (n + i) % 3 when 0 then subtotal + subtotal / 5 when 1 then (subtotal + subtotal / 5) / 2 else 0 end,
    date '2026-01-01' + (n + i * 30) % 300, date '2026-01-01' + (n + i * 30) % 300 + 30, timestamptz '2026-01-01' + ((n + i * 30) % 300) * interval '1 day'
  from inv
  returning id, client_id, amount_paid_minor, sent_at
),
ins_payments as (
  insert into payments (organization_id, id, invoice_id, client_id, amount_minor, currency, paid_at)
  select $1::uuid, ubos_uuid_v7(), id, client_id, amount_paid_minor, 'USD', sent_at + interval '10 days'
  from ins_invoices where amount_paid_minor > 0
  returning 1
)
select
  (select count(*) from ins_clients)::int as clients,
  (select count(*) from ins_contacts)::int as contacts,
  (select count(*) from ins_deals)::int as deals,
  (select count(*) from ins_projects)::int as projects,
  (select count(*) from ins_milestones)::int as milestones,
  (select count(*) from ins_tasks)::int as tasks,
  (select count(*) from ins_invoices)::int as invoices,
  (select count(*) from ins_payments)::int as payments
`;

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return parsed;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

/** A plain-text progress bar on stderr: redrawn in place on a terminal, one line per step otherwise. */
class Progress {
  private lastLength = 0;
  constructor(private readonly started: number) {}

  draw(tenantsDone: number, tenants: number, detail: string): void {
    const filled = Math.round((tenantsDone / tenants) * BAR_WIDTH);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(tenantsDone)}/${tenants} tenants  ${detail}  ${seconds(this.started)}`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}${' '.repeat(Math.max(0, this.lastLength - line.length))}`);
      this.lastLength = line.length;
    } else {
      process.stderr.write(`${line}\n`);
    }
  }

  /** Leaves the bar's line, so that what follows starts on a fresh one. */
  end(): void {
    if (process.stderr.isTTY && this.lastLength > 0) process.stderr.write('\n');
    this.lastLength = 0;
  }
}

async function setTenant(client: pg.Client, organizationId: string): Promise<void> {
  await client.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
}

async function countRows(client: pg.Client, organizationId: string): Promise<Record<TenantTable, number>> {
  await client.query('begin');
  try {
    await setTenant(client, organizationId);
    const selects = TABLES.map((table) => `(select count(*) from ${table} where organization_id = $1)::int as ${table}`);
    const { rows } = await client.query<Record<TenantTable, number>>(`select ${selects.join(', ')}`, [organizationId]);
    await client.query('commit');
    return rows[0]!;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

interface TenantOutcome {
  slug: string;
  organizationId: string;
  added: number;
  skipped: boolean;
  /** Seconds spent on the rows (with their triggers), the duplicate candidates, and the commit (sealing). */
  seconds: { rows: number; duplicates: number; commit: number };
}

async function seedTenant(
  client: pg.Client,
  index: number,
  clients: number,
  passwordHash: string,
  onChunk: (done: number) => void,
): Promise<TenantOutcome> {
  const slug = `bulk-${index}`;
  const email = `owner@${slug}.test`;
  const existing = await client.query<{ id: string }>('select id from organizations where slug = $1', [slug]);
  const organizationId = existing.rows[0]?.id ?? uuidv7();
  await client.query('begin');
  try {
    await setTenant(client, organizationId);
    await client.query(`insert into organizations (id, name, slug) values ($1, $2, $3) on conflict (slug) do nothing`, [organizationId, `Bulk Tenant ${index}`, slug]);
    await client.query(`insert into users (email, name, password_hash) values ($1, $2, $3) on conflict (email) do nothing`, [email, `Bulk Owner ${index}`, passwordHash]);
    const user = await client.query<{ id: string }>('select id from users where email = $1', [email]);
    await client.query(
      `insert into memberships (organization_id, user_id, role) values ($1, $2, 'OWNER') on conflict (organization_id, user_id) do nothing`,
      [organizationId, user.rows[0]!.id],
    );
    const { rows } = await client.query<{ count: number }>('select count(*)::int as count from clients where organization_id = $1', [organizationId]);
    const have = rows[0]!.count;
    onChunk(Math.min(have, clients));
    let mark = Date.now();
    const lap = () => {
      const now = Date.now();
      const elapsed = (now - mark) / 1000;
      mark = now;
      return elapsed;
    };
    for (let from = have + 1; from <= clients; from += CHUNK) {
      const to = Math.min(clients, from + CHUNK - 1);
      await client.query(CHUNK_SQL, [organizationId, String(index), from, to]);
      onChunk(to);
    }
    const rowsSeconds = lap();
    // No event announces these clients: their duplicate candidates (migration 0060) are computed here.
    if (have < clients) {
      // Since 0080 the whole-tenant refresh reads the tenant's clients once into a temporary
      // table and plans its probes there, so it needs no statistics of clients. ANALYZE in the
      // tenant's transaction holds its lock to the commit, and made the other tenant in flight
      // wait for this one's commit before its own ANALYZE. A role that may not create temporary
      // tables gets 0076's probes, whose plan does need them (one that believes clients empty
      // scans it for every client).
      const { rows: [temporary] } = await client.query<{ ok: boolean }>(`select has_database_privilege(current_database(), 'TEMPORARY') as ok`);
      if (!temporary!.ok) await client.query('analyze clients');
      await client.query('select ubos_refresh_client_duplicates($1)', [organizationId]);
    }
    const duplicatesSeconds = lap();
    await client.query('commit');
    return {
      slug,
      organizationId,
      added: Math.max(0, clients - have),
      skipped: have >= clients,
      seconds: { rows: rowsSeconds, duplicates: duplicatesSeconds, commit: lap() },
    };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { tenants: { type: 'string' }, clients: { type: 'string' }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log('usage: npm run seed:bulk -- [--tenants 10] [--clients 10000] [--concurrency 2]');
    return;
  }
  const tenants = positiveInteger('tenants', values.tenants, 10);
  const clients = positiveInteger('clients', values.clients, 10_000);
  const concurrency = Math.min(tenants, positiveInteger('concurrency', values.concurrency, 2));
  const log = (line: string) => console.log(`[bulk-seed] ${line}`);

  const started = Date.now();
  const config = loadConfigOrExit();
  const database = await prepareDatabase({ ...config, demo: false }, log);
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    log(`seeding ${tenants} tenants x ${clients} clients, ${concurrency} at a time`);
    const progress = new Progress(started);
    const outcomes: TenantOutcome[] = [];
    // Each tenant's share of its clients so far, for the bar; tenants are taken in order by the workers.
    const shares = new Map<number, number>();
    let next = 1;
    const seedingStarted = Date.now();
    const worker = () =>
      withAdminClient(database.adminUrl, async (client) => {
        for (let index = next++; index <= tenants; index = next++) {
          const outcome = await seedTenant(client, index, clients, passwordHash, (count) => {
            shares.set(index, count / clients);
            const done = [...shares.values()].reduce((sum, share) => sum + share, 0);
            progress.draw(done, tenants, `bulk-${index}: ${count}/${clients} clients`);
          });
          outcomes.push(outcome);
          progress.end();
          if (outcome.skipped) {
            log(`${outcome.slug} already seeded`);
          } else {
            const { rows, duplicates, commit } = outcome.seconds;
            log(`${outcome.slug}: ${outcome.added} clients in ${(rows + duplicates + commit).toFixed(1)}s (rows and their audit ${rows.toFixed(1)}s, duplicate candidates ${duplicates.toFixed(1)}s, commit and sealing ${commit.toFixed(1)}s)`);
          }
        }
      }).catch((error: unknown) => {
        next = Number.POSITIVE_INFINITY; // the other workers take no further tenant
        throw error;
      });
    // Every worker ends (finishing its tenant) before the database stops or an error is reported.
    const settled = await Promise.allSettled(Array.from({ length: concurrency }, worker));
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    log(`tenants seeded in ${seconds(seedingStarted)}`);
    outcomes.sort((a, b) => a.slug.localeCompare(b.slug, 'en', { numeric: true }));
    await withAdminClient(database.adminUrl, async (client) => {
      log('analyze');
      await client.query(`analyze organizations, users, ${TABLES.join(', ')}`);

      const totals = Object.fromEntries(TABLES.map((table) => [table, 0])) as Record<TenantTable, number>;
      for (const outcome of outcomes) {
        const counts = await countRows(client, outcome.organizationId);
        for (const table of TABLES) totals[table] += counts[table];
      }
      const added = outcomes.reduce((sum, outcome) => sum + outcome.added, 0);
      const skipped = outcomes.filter((outcome) => outcome.skipped).length;
      log(`done in ${seconds(started)}: ${tenants} tenants (${skipped} already seeded), ${added} clients added`);
      log(`rows in bulk-1..bulk-${tenants}:`);
      for (const table of TABLES) log(`  ${table.padEnd(11)} ${String(totals[table]).padStart(10)}`);
      log(`log in as owner@bulk-1.test / ${DEMO_PASSWORD}`);
    });
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bulk-seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
