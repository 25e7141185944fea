import { ISO_COUNTRY_CODES } from '../tenant-schema/address.js';
import type { MigrationConnection } from '../tenant-schema/runner.js';
import { tenantLatencies } from './latency.js';

/**
 * Data quality of one tenant, computed from its rows (ARCHITECTURE 3.12). Every statement names
 * organization_id and runs in the caller's transaction, under the tenant's Row Level Security.
 *
 * - completeness: of the fields a complete record has (EXPECTED below) and the tenant's required
 *   custom fields, the share filled, over live rows;
 * - accuracy: the share of live rows that pass today's rules (RULES below, plus every custom
 *   field value against its definition as it is now: a removed option, a changed type);
 * - freshness: the age of the tenant's oldest undispatched outbox event (0 when none), until
 *   the QuickBooks integration's sync lag exists;
 * - query p95: of its operations and SQL statements in this process over the last 5 minutes;
 * - last migration: how long its last successful schema migration took.
 */
export const DATA_QUALITY_ENTITIES = ['CLIENT', 'CONTACT', 'DEAL', 'PROJECT', 'INVOICE'] as const;
export type DataQualityEntity = (typeof DATA_QUALITY_ENTITIES)[number];

export const DATA_QUALITY_TARGETS = {
  completeness: 0.95,
  accuracy: 0.99,
  freshnessSeconds: 3600,
  queryP95Ms: 50,
  lastMigrationSeconds: 300,
} as const;

interface EntityRules {
  table: string;
  /** Field name (as the graph spells it) and the SQL saying it is filled. */
  expected: Array<[string, string]>;
  /** Field, rule and the SQL saying the row breaks it ($2 is the ISO country list). */
  rules: Array<[string, string, string]>;
}

const EMAIL_RULE = (column: string): [string, string, string] => [column, 'EMAIL_FORMAT', `t.${column} is not null and t.${column} !~ '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$'`];
// Digits with the usual separators and an optional leading +, 7 to 15 digits (E.164's range).
const PHONE_RULE: [string, string, string] = [
  'phone',
  'PHONE_FORMAT',
  `t.phone is not null and (t.phone !~ '^\\+?[0-9 ().\\/-]+$' or length(regexp_replace(t.phone, '[^0-9]', '', 'g')) not between 7 and 15)`,
];

const ENTITIES: Record<DataQualityEntity, EntityRules> = {
  CLIENT: {
    table: 'clients',
    expected: [
      ['email', 't.email is not null'],
      ['phone', 't.phone is not null'],
      ['address', '(t.address is not null or t.full_address is not null)'],
    ],
    rules: [
      EMAIL_RULE('email'),
      PHONE_RULE,
      ['website', 'URL_FORMAT', `t.website is not null and t.website !~* '^https?://[^\\s/]+'`],
      ['address.country', 'ISO_COUNTRY', `t.address is not null and not coalesce(t.address->>'country' = any($2::text[]), false)`],
    ],
  },
  CONTACT: {
    table: 'contacts',
    expected: [
      ['email', 't.email is not null'],
      ['phone', 't.phone is not null'],
    ],
    rules: [EMAIL_RULE('email'), PHONE_RULE],
  },
  DEAL: { table: 'deals', expected: [['expectedCloseDate', 't.expected_close_date is not null']], rules: [] },
  PROJECT: {
    table: 'projects',
    expected: [
      ['startDate', 't.start_date is not null'],
      ['dueDate', 't.due_date is not null'],
    ],
    rules: [],
  },
  INVOICE: {
    table: 'invoices',
    expected: [
      ['issueDate', 't.issue_date is not null'],
      ['dueDate', 't.due_date is not null'],
    ],
    rules: [],
  },
};

// A stored custom field value against its definition as it is today.
const CUSTOM_FIELD_VALID = `case d.type
    when 'TEXT' then jsonb_typeof(v.value) = 'string'
    when 'NUMBER' then jsonb_typeof(v.value) = 'number'
    when 'BOOLEAN' then jsonb_typeof(v.value) = 'boolean'
    when 'DATE' then jsonb_typeof(v.value) = 'string' and (v.value #>> '{}') ~ '^\\d{4}-\\d{2}-\\d{2}$'
    when 'SELECT' then d.options @> jsonb_build_array(v.value)
    when 'MULTI_SELECT' then jsonb_typeof(v.value) = 'array' and d.options @> v.value
    else false end`;

/** The SQL of one entity's failing (row, field, rule) triples, for the tenant $1. */
function issuesSql(entity: DataQualityEntity): string {
  const { table, rules } = ENTITIES[entity];
  const ruleRows = rules.map(([field, rule, failing]) => `('${field}', '${rule}', ${failing})`);
  const parts = [];
  if (ruleRows.length > 0) {
    parts.push(`select t.id as entity_id, r.field, r.rule from ${table} t
      cross join lateral (values ${ruleRows.join(', ')}) as r(field, rule, failing)
      where t.organization_id = $1 and t.deleted_at is null and r.failing`);
  }
  parts.push(`select t.id as entity_id, 'customFields.' || d.key as field, 'CUSTOM_FIELD_' || d.type as rule from ${table} t
      cross join lateral jsonb_each(t.custom_fields) as v(key, value)
      join custom_field_definitions d on d.organization_id = t.organization_id and d.entity_type = '${entity}' and d.key = v.key
       and d.archived_at is null and d.deleted_at is null
      where t.organization_id = $1 and t.deleted_at is null and not (${CUSTOM_FIELD_VALID})
        -- Names $2 in every variant, so its type is known even where no rule needs it.
        and $2::text[] is not null`);
  return parts.join('\nunion all\n');
}

const RULE_MESSAGES: Record<string, string> = {
  EMAIL_FORMAT: 'is not a valid email address',
  PHONE_FORMAT: 'is not a phone number (7 to 15 digits, optionally +, spaces, dots, dashes, slashes and parentheses)',
  URL_FORMAT: 'is not an http(s) URL',
  ISO_COUNTRY: 'is not an ISO 3166-1 alpha-2 country code',
};

export function ruleMessage(field: string, rule: string): string {
  if (rule.startsWith('CUSTOM_FIELD_')) return `${field} does not match its definition today (type ${rule.slice('CUSTOM_FIELD_'.length)}, or an option that was removed)`;
  return `${field} ${RULE_MESSAGES[rule] ?? 'breaks a rule'}`;
}

export interface EntityDataQuality {
  entityType: DataQualityEntity;
  rows: number;
  completeness: number;
  accuracy: number;
  failingRows: number;
}

export interface DataQualityReport {
  organizationId: string;
  completeness: number;
  accuracy: number;
  freshnessSeconds: number;
  queryP95Ms: number | null;
  sqlP95Ms: number | null;
  lastMigrationSeconds: number | null;
  computedAt: Date;
  entities: EntityDataQuality[];
  outboxBacklog: number;
  targets: typeof DATA_QUALITY_TARGETS;
  breaches: Array<{ metric: string; value: number; target: number }>;
}

type Query = Pick<MigrationConnection, 'query'>;
const isoCodes = () => [...ISO_COUNTRY_CODES];

/**
 * One tenant's report: per entity one statement for completeness and one for accuracy (each a
 * single pass over the tenant's live rows, by the organization_id index), plus two small ones.
 */
export async function computeDataQuality(connection: Query, organizationId: string): Promise<DataQualityReport> {
  const { rows: definitions } = await connection.query<{ entity_type: DataQualityEntity; key: string }>(
    `select entity_type, key from custom_field_definitions where organization_id = $1 and required and archived_at is null and deleted_at is null`,
    [organizationId],
  );
  const entities: EntityDataQuality[] = [];
  let expectedCells = 0;
  let filledCells = 0;
  let rowsTotal = 0;
  let failingTotal = 0;
  for (const entity of DATA_QUALITY_ENTITIES) {
    const { table, expected } = ENTITIES[entity];
    const requiredKeys = definitions.filter((definition) => definition.entity_type === entity).map((definition) => definition.key);
    const filled = expected.map(([, sql]) => `(${sql})::int`).join(' + ');
    const { rows } = await connection.query<{ rows: string; filled: string }>(
      `select count(*) as rows,
              coalesce(sum(${filled} + (select count(*) from unnest($2::text[]) k where t.custom_fields ? k and t.custom_fields->>k <> '')), 0) as filled
         from ${table} t where t.organization_id = $1 and t.deleted_at is null`,
      [organizationId, requiredKeys],
    );
    const { rows: failing } = await connection.query<{ count: string }>(`select count(distinct entity_id) as count from (${issuesSql(entity)}) issues`, [organizationId, isoCodes()]);
    const rowCount = Number(rows[0]!.rows);
    const expectedHere = rowCount * (expected.length + requiredKeys.length);
    const filledHere = Number(rows[0]!.filled);
    const failingRows = Number(failing[0]!.count);
    expectedCells += expectedHere;
    filledCells += filledHere;
    rowsTotal += rowCount;
    failingTotal += failingRows;
    entities.push({
      entityType: entity,
      rows: rowCount,
      completeness: expectedHere === 0 ? 1 : filledHere / expectedHere,
      accuracy: rowCount === 0 ? 1 : 1 - failingRows / rowCount,
      failingRows,
    });
  }
  const { rows: outbox } = await connection.query<{ backlog: string; lag: string | null }>(
    `select count(*) as backlog, extract(epoch from now() - min(occurred_at)) as lag from outbox where organization_id = $1 and dispatched_at is null`,
    [organizationId],
  );
  const { rows: migration } = await connection.query<{ seconds: string }>(
    `select extract(epoch from finished_at - started_at) as seconds from tenant_migration_runs
      where organization_id = $1 and status = 'SUCCEEDED' order by finished_at desc limit 1`,
    [organizationId],
  );
  const report: DataQualityReport = {
    organizationId,
    completeness: expectedCells === 0 ? 1 : filledCells / expectedCells,
    accuracy: rowsTotal === 0 ? 1 : 1 - failingTotal / rowsTotal,
    freshnessSeconds: Math.max(0, Number(outbox[0]!.lag ?? 0)),
    queryP95Ms: tenantLatencies.p95(organizationId, 'operation'),
    sqlP95Ms: tenantLatencies.p95(organizationId, 'sql'),
    lastMigrationSeconds: migration[0] ? Number(migration[0].seconds) : null,
    computedAt: new Date(),
    entities,
    outboxBacklog: Number(outbox[0]!.backlog),
    targets: DATA_QUALITY_TARGETS,
    breaches: [],
  };
  report.breaches = breachesOf(report);
  return report;
}

/** Every metric that misses its target: below it for the shares, above it for times. */
export function breachesOf(report: Pick<DataQualityReport, 'completeness' | 'accuracy' | 'freshnessSeconds' | 'queryP95Ms' | 'sqlP95Ms' | 'lastMigrationSeconds'>) {
  const breaches: Array<{ metric: string; value: number; target: number }> = [];
  const t = DATA_QUALITY_TARGETS;
  if (report.completeness < t.completeness) breaches.push({ metric: 'completeness', value: report.completeness, target: t.completeness });
  if (report.accuracy < t.accuracy) breaches.push({ metric: 'accuracy', value: report.accuracy, target: t.accuracy });
  if (report.freshnessSeconds > t.freshnessSeconds) breaches.push({ metric: 'freshnessSeconds', value: report.freshnessSeconds, target: t.freshnessSeconds });
  if (report.queryP95Ms !== null && report.queryP95Ms > t.queryP95Ms) breaches.push({ metric: 'queryP95Ms', value: report.queryP95Ms, target: t.queryP95Ms });
  if (report.sqlP95Ms !== null && report.sqlP95Ms > t.queryP95Ms) breaches.push({ metric: 'sqlP95Ms', value: report.sqlP95Ms, target: t.queryP95Ms });
  if (report.lastMigrationSeconds !== null && report.lastMigrationSeconds > t.lastMigrationSeconds) {
    breaches.push({ metric: 'lastMigrationSeconds', value: report.lastMigrationSeconds, target: t.lastMigrationSeconds });
  }
  return breaches;
}

export interface DataQualityIssue {
  entityType: DataQualityEntity;
  entityId: string;
  field: string;
  rule: string;
  message: string;
}

/**
 * The failing (row, field, rule) triples of one entity type (or all), ordered by entity type,
 * row id, field and rule, from after the given key. Computed from the rows on each call: one
 * pass over the tenant's rows of each type asked.
 */
export async function listDataQualityIssues(
  connection: Query,
  organizationId: string,
  args: { entityType?: DataQualityEntity | null; limit: number; after?: { entityType: string; entityId: string; field: string; rule: string } | null; withTotal: boolean },
): Promise<{ issues: DataQualityIssue[]; hasMore: boolean; totalCount: number | null }> {
  const types = args.entityType ? [args.entityType] : [...DATA_QUALITY_ENTITIES];
  const union = types.map((entity) => `select '${entity}'::text as entity_type, entity_id::text, field, rule from (${issuesSql(entity)}) i_${entity.toLowerCase()}`).join('\nunion all\n');
  const after = args.after;
  // The keyset compares by the order of the entity types above (their position), then text.
  const order = `array_position(array[${DATA_QUALITY_ENTITIES.map((entity) => `'${entity}'`).join(',')}]::text[], entity_type)`;
  const { rows } = await connection.query<{ entity_type: DataQualityEntity; entity_id: string; field: string; rule: string }>(
    `select * from (${union}) issues
      where $3::text is null or (${order}, entity_id, field, rule) > (array_position(array[${DATA_QUALITY_ENTITIES.map((entity) => `'${entity}'`).join(',')}]::text[], $3::text), $4::text, $5::text, $6::text)
      order by ${order}, entity_id, field, rule limit $7`,
    [organizationId, isoCodes(), after?.entityType ?? null, after?.entityId ?? null, after?.field ?? null, after?.rule ?? null, args.limit + 1],
  );
  let totalCount: number | null = null;
  if (args.withTotal) {
    const { rows: counted } = await connection.query<{ count: string }>(`select count(*) from (${union}) issues`, [organizationId, isoCodes()]);
    totalCount = Number(counted[0]!.count);
  }
  return {
    issues: rows.slice(0, args.limit).map((row) => ({ entityType: row.entity_type, entityId: row.entity_id, field: row.field, rule: row.rule, message: ruleMessage(row.field, row.rule) })),
    hasMore: rows.length > args.limit,
    totalCount,
  };
}
