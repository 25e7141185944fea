/**
 * Q3 on the floor: the whole lifecycle of one client (the selection of
 * gateway/test/lifecycle.test.ts) in one statement, as JSON built by PostgreSQL in the order
 * of the selection. Parameters: $1 the tenant, $2 the client, $3 today (UTC), against which
 * EXPIRED proposals and OVERDUE invoices are derived as the services derive them. Every list
 * names the tenant, leaves soft-deleted rows out and orders as the product's pages do; the
 * server runs it as the serving role, so Row Level Security applies as well.
 */

/** JavaScript's toISOString of a timestamptz: UTC, milliseconds, Z. */
const isoSql = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const proposalStatusSql = (alias: string) => `(case when ${alias}.status = 'SENT' and ${alias}.valid_until < $3::date then 'EXPIRED' else ${alias}.status end)`;

const invoiceStatusSql = (alias: string) => `(case when ${alias}.voided_at is not null then 'VOID'
    when ${alias}.sent_at is null then 'DRAFT'
    when ${alias}.amount_paid_minor >= ${alias}.total_minor then 'PAID'
    when ${alias}.due_date < $3::date then 'OVERDUE'
    when ${alias}.amount_paid_minor > 0 then 'PARTIALLY_PAID'
    else 'SENT' end)`;

/** A connection `{ totalCount, edges: [{ node }] }` of the rows of `from` (aliased t), first 50 in `order`. */
const connection = (node: string, from: string, order: string, limit = 50) => `json_build_object(
    'totalCount', (select count(*) from ${from}),
    'edges', coalesce((select json_agg(json_build_object('node', ${node}) order by ${order})
      from (select t.* from ${from} order by ${order} limit ${limit}) t), '[]'::json))`;

const deals = connection(
  `json_build_object('id', t.id, 'stage', t.stage, 'value', json_build_object('amountMinor', t.value_amount_minor, 'currency', t.value_currency))`,
  `deals t where t.organization_id = $1 and t.client_id = c.id and t.deleted_at is null`,
  't.id',
);

const proposals = connection(
  `json_build_object('id', t.id, 'status', ${proposalStatusSql('t')},
     'total', json_build_object('amountMinor', t.total_minor, 'currency', t.currency),
     'lineItems', coalesce((select json_agg(json_build_object('description', item ->> 'description', 'total', json_build_object('amountMinor', (item ->> 'totalMinor')::bigint)) order by position)
                            from jsonb_array_elements(t.line_items) with ordinality as items(item, position)), '[]'::json),
     'contract', (select json_build_object('id', k.id, 'status', k.status) from contracts k where k.organization_id = $1 and k.proposal_id = t.id))`,
  `proposals t where t.organization_id = $1 and t.client_id = c.id and t.deleted_at is null`,
  't.id',
);

const contracts = connection(
  `json_build_object('id', t.id, 'status', t.status, 'signedAt', ${isoSql('t.signed_at')},
     'proposal', case when t.proposal_id is null then null else json_build_object('id', t.proposal_id) end,
     'engagements', json_build_object('totalCount', (select count(*) from engagements e where e.organization_id = $1 and e.contract_id = t.id and e.deleted_at is null)))`,
  `contracts t where t.organization_id = $1 and t.client_id = c.id and t.deleted_at is null`,
  't.id',
);

const engagements = connection(
  `json_build_object('id', t.id, 'type', t.type, 'status', t.status,
     'budget', case when t.budget_amount_minor is null or t.budget_currency is null then null else json_build_object('amountMinor', t.budget_amount_minor) end,
     'contract', case when t.contract_id is null then null else json_build_object('id', t.contract_id) end,
     'projects', coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name) order by l.id)
                           from engagement_projects l join projects p on p.organization_id = l.organization_id and p.id = l.project_id
                           where l.organization_id = $1 and l.engagement_id = t.id and l.deleted_at is null), '[]'::json))`,
  `engagements t where t.organization_id = $1 and t.client_id = c.id and t.deleted_at is null`,
  't.id',
);

const tasks = `json_build_object(
    'totalCount', (select count(*) from tasks k where k.organization_id = $1 and k.project_id = t.id and k.deleted_at is null),
    'edges', coalesce((select json_agg(json_build_object('node', json_build_object('id', k.id, 'title', k.title)) order by k.id)
      from (select k.id, k.title from tasks k where k.organization_id = $1 and k.project_id = t.id and k.deleted_at is null order by k.id limit 50) k), '[]'::json))`;

const projects = connection(
  `json_build_object('id', t.id, 'name', t.name, 'tasks', ${tasks})`,
  `projects t where t.organization_id = $1 and t.client_id = c.id and t.deleted_at is null`,
  't.id',
);

const invoices = connection(
  `json_build_object('id', t.id, 'number', ('INV-' || lpad(t.number::text, greatest(6, length(t.number::text)), '0')), 'status', ${invoiceStatusSql('t')},
     'total', json_build_object('amountMinor', t.total_minor),
     'balance', json_build_object('amountMinor', t.total_minor - t.amount_paid_minor),
     'payments', coalesce((select json_agg(json_build_object('id', y.id, 'amount', json_build_object('amountMinor', y.amount_minor)) order by y.paid_at, y.id)
                           from payments y where y.organization_id = $1 and y.invoice_id = t.id), '[]'::json))`,
  `invoices t where t.organization_id = $1 and t.client_id = c.id and t.deleted_at is null`,
  't.number, t.id',
);

const messages = `json_build_object(
    'totalCount', (select count(*) from messages m where m.organization_id = $1 and m.thread_id = t.id and m.deleted_at is null),
    'edges', coalesce((select json_agg(json_build_object('node', json_build_object('id', m.id, 'body', m.body, 'author', m.author)) order by m.id desc)
      from (select m.id, m.body, m.author from messages m where m.organization_id = $1 and m.thread_id = t.id and m.deleted_at is null order by m.id desc limit 50) m), '[]'::json))`;

const threads = connection(
  `json_build_object('id', t.id, 'subject', t.subject, 'messages', ${messages})`,
  `threads t where t.organization_id = $1 and t.client_id = c.id and t.deleted_at is null`,
  't.last_activity_at desc, t.id desc',
);

const files = connection(
  `json_build_object('id', t.id, 'name', t.name, 'size', t.size, 'status', t.status)`,
  `files t where t.organization_id = $1 and t.client_id = c.id and t.deleted_at is null`,
  't.id desc',
);

const timeline = `json_build_object('edges', coalesce((select json_agg(json_build_object('node', json_build_object('id', e.id, 'action', upper(e.action))) order by e.seq desc, e.id desc)
    from (select e.id, e.action, e.seq from activity_events e where e.organization_id = $1 and e.client_id = c.id and e.seq is not null order by e.seq desc, e.id desc limit 5) e), '[]'::json))`;

export const lifecycleSql: string | undefined = `
select json_build_object('id', c.id, 'name', c.name,
  'deals', ${deals},
  'proposals', ${proposals},
  'contracts', ${contracts},
  'engagements', ${engagements},
  'projects', ${projects},
  'invoices', ${invoices},
  'threads', ${threads},
  'files', ${files},
  'timeline', ${timeline}) as client
from clients c where c.organization_id = $1 and c.id = $2 and c.deleted_at is null`;
