import { createHash, randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { INTEGRATION_QUEUE } from '@ubos/db';
import type { WorkerSettings } from '@ubos/kernel';
import { QuickBooksClient, QuickBooksError, fromQuickBooksAmount, integrationKey, toQuickBooksAmount, openSecret, quickBooksSettings, sealSecret, type CompanyApi, type QuickBooksEntity, type QuickBooksObject } from '@ubos/quickbooks';
import { inTransaction, type Client, type WorkerDatabase } from './database.js';
import { StepError, type GraphCall, type GraphCaller } from './graph.js';

/**
 * QuickBooks Online sync, on the outbox (ARCHITECTURE 3.7 and 3.9).
 *
 * - route() runs in the router's transaction of each outbox event (so it is inbox-deduplicated
 *   with it): a client, invoice or payment event marks its mapping PENDING and sends one sync job
 *   (queue ubos-integration); IntegrationSyncRequested (connect, resync) sends a full sync.
 * - A sync job reads the UBOS row through the graph as the tenant's service principal, then, in
 *   one transaction holding the mapping row's lock (so two jobs never push the same row at once),
 *   pushes it with its SyncToken and records the result. Creates and updates carry a QuickBooks
 *   `requestid` derived from the row and its version, so a job repeated after a crash gets the
 *   first answer back instead of a second object. State-based: a job pushes the row as it is
 *   now, so replaying events twice or out of order gives the same remote state.
 * - A Customer exists before its Invoice, an Invoice before its Payment: a job pushes what its
 *   row depends on first.
 * - 429: the job is sent again to start after Retry-After. An expired access token is refreshed
 *   once, under the secrets row's lock (refresh tokens rotate); a refused refresh turns the
 *   connection NEEDS_REAUTH and the rows wait, PENDING, for the next connection.
 * - A stale SyncToken (5010) re-reads the remote object: when QuickBooks changed fields UBOS did
 *   not, the row is CONFLICT with both sides kept, until an admin resolves it.
 * - Pull: a webhook's notification (an outbox event QuickBooksChangeNotified, queued by the
 *   gateway) and the periodic Change Data Capture poll run the same code: a payment made in
 *   QuickBooks is recorded in UBOS through the graph (recordPayment, as integration:<connection
 *   id>) once, deduplicated by its mapping row; an accountant's edit of a customer or invoice
 *   UBOS pushed is compared with what was pushed and may turn the row CONFLICT.
 */

export type SyncKind = 'CUSTOMER' | 'INVOICE' | 'PAYMENT';

export interface IntegrationJobData {
  organizationId: string;
  eventId: string;
  /** FULL: a full sync page; PULL: a webhook's notification; CDC: a Change Data Capture poll. */
  kind: SyncKind | 'FULL' | 'PULL' | 'CDC';
  /** PULL: the notified changes. */
  entities?: Array<{ name: string; id: string; operation: string }>;
  entityId?: string;
  /** Full sync: which kind of rows, and the page cursor. */
  phase?: SyncKind | 'LEFTOVERS';
  cursor?: string | null;
  /** Full sync: when it was asked for (integration_sync_status.full_sync_requested_at). */
  requestedAt?: string;
  /** How many times QuickBooks throttled this job. */
  throttled?: number;
}

export const QUICKBOOKS_ACTOR = 'integration:quickbooks';
/** The memo of every payment UBOS creates in QuickBooks, followed by the UBOS payment's id. */
export const UBOS_PAYMENT_MEMO = 'UBOS payment ';
/** How far back QuickBooks' Change Data Capture reaches (30 days), less a margin. */
const CDC_MAX_AGE_MS = 29 * 24 * 3600 * 1000;
/** Each poll reads this much again before its cursor: clocks differ, and a repeat is deduplicated. */
const CDC_OVERLAP_MS = 60_000;
const PAGE = 50;

const KINDS: Record<SyncKind, { table: string; entityColumn: string; remoteColumn: string; entity: QuickBooksEntity }> = {
  CUSTOMER: { table: 'integration_quickbooks_customers', entityColumn: 'client_id', remoteColumn: 'qb_customer_id', entity: 'Customer' },
  INVOICE: { table: 'integration_quickbooks_invoices', entityColumn: 'invoice_id', remoteColumn: 'qb_invoice_id', entity: 'Invoice' },
  PAYMENT: { table: 'integration_quickbooks_payments', entityColumn: 'payment_id', remoteColumn: 'qb_payment_id', entity: 'Payment' },
};
const KIND_OF_AGGREGATE: Record<string, SyncKind> = { Client: 'CUSTOMER', Invoice: 'INVOICE', Payment: 'PAYMENT' };
const ROUTED_EVENTS = new Set(['IntegrationSyncRequested', 'QuickBooksConflictResolved', 'QuickBooksChangeNotified']);

/** Fields as compared between the two sides: flat, in QuickBooks' terms. */
type View = Record<string, unknown>;

/** A UBOS row as QuickBooks should hold it. */
interface Local {
  version: number;
  /** Deleted (or gone) in UBOS: a customer becomes inactive, an invoice is voided. */
  gone: boolean;
  /** Not for the books (a draft invoice). */
  skip?: boolean;
  view: View;
  /** Rows it depends on, pushed first. */
  dependsOn?: { kind: SyncKind; id: string };
  /** The QuickBooks fields, given the remote ids of what it depends on (of `view`, or of another view of it). */
  toQuickBooks(remoteDependency: string | undefined, view?: View): Record<string, unknown>;
}

class Throttled extends Error {
  constructor(readonly seconds: number) {
    super(`QuickBooks throttled the request (retry after ${seconds} s)`);
  }
}
class Stopped extends Error {}
/**
 * QuickBooks refused the access token inside a push. The refresh needs a transaction of its own
 * (the rotated pair must be kept even if the push fails), which a push may not open while it
 * holds one (WorkerDatabase.transaction): so the push unwinds, the token is refreshed, and the
 * push runs again.
 */
class AccessRefused extends Error {
  constructor(readonly refusedToken: string) {
    super('QuickBooks refused the access token during a push, and again after a refresh');
  }
}
/** QuickBooks refused the refresh token. Marked outside any push's transaction, which holds the connection row. */
class NeedsReauth extends Stopped {}

interface Session {
  organizationId: string;
  connectionId: string;
  realmId: string;
  accessToken: string;
}

interface MappingRow {
  id: string;
  remote_id: string | null;
  qb_sync_token: string | null;
  sync_state: string;
  last_synced_version: number | null;
  pushed: View | null;
  resolve_keep: 'UBOS' | 'QUICKBOOKS' | null;
}

const digest = (...parts: Array<string | number>) => createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 36);
const tokenContext = (organizationId: string, column: 'access' | 'refresh') => `${organizationId}:quickbooks:${column}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A mapping row becomes CONFLICT over `fields`, with UBOS's and QuickBooks' values of each kept for an admin. */
function markConflict(client: Client, table: string, organizationId: string, rowId: string, fields: string[], ubos: View, remote: View, tokens: string) {
  const valuesOf = (view: View) => JSON.stringify(Object.fromEntries(fields.map((field) => [field, view[field] ?? null])));
  return client.query(
    `update ${table} set sync_state = 'CONFLICT', conflict_ubos = $3, conflict_remote = $4, last_error = $5, updated_at = now() where organization_id = $1 and id = $2`,
    [organizationId, rowId, valuesOf(ubos), valuesOf(remote), `QuickBooks changed ${fields.join(', ')} since the last sync (${tokens})`],
  );
}

// ---------------------------------------------------------------------------------------
// UBOS rows, read through the graph, and their QuickBooks shapes
// ---------------------------------------------------------------------------------------

const CLIENT_FIELDS = 'id name status email phone website notes version';
const INVOICE_FIELDS = `id number status currency issueDate dueDate notes voidedAt version client { id }
  lineItems { description quantity unitPrice { amountMinor } subtotal { amountMinor } tax { amountMinor } }
  tax { amountMinor } total { amountMinor }`;
const PAYMENT_FIELDS = 'id amount { amountMinor currency } paidAt reference invoice { id client { id } }';

function customerView(client: any | null): View {
  if (!client) return { Active: false };
  return {
    DisplayName: client.name,
    PrimaryEmailAddr: client.email ?? null,
    PrimaryPhone: client.phone ?? null,
    WebAddr: client.website ?? null,
    Notes: client.notes ?? null,
    Active: client.status !== 'ARCHIVED',
  };
}

function localCustomer(client: any | null, previous: View | null): Local {
  // A deleted client keeps the fields QuickBooks has; only Active changes.
  const view = client ? customerView(client) : { ...(previous ?? {}), Active: false };
  const local = view;
  return {
    version: client?.version ?? -1,
    gone: !client,
    view,
    toQuickBooks: (_dependency, view = local) => ({
      ...(view.DisplayName !== undefined ? { DisplayName: view.DisplayName, CompanyName: view.DisplayName } : {}),
      ...('PrimaryEmailAddr' in view ? { PrimaryEmailAddr: { Address: view.PrimaryEmailAddr ?? '' } } : {}),
      ...('PrimaryPhone' in view ? { PrimaryPhone: { FreeFormNumber: view.PrimaryPhone ?? '' } } : {}),
      ...('WebAddr' in view ? { WebAddr: { URI: view.WebAddr ?? '' } } : {}),
      ...('Notes' in view ? { Notes: view.Notes ?? '' } : {}),
      Active: view.Active,
    }),
  };
}

function remoteCustomerView(remote: QuickBooksObject): View {
  const blank = (value: unknown) => (value === '' || value === undefined ? null : value);
  return {
    DisplayName: remote.DisplayName,
    PrimaryEmailAddr: blank((remote.PrimaryEmailAddr as any)?.Address),
    PrimaryPhone: blank((remote.PrimaryPhone as any)?.FreeFormNumber),
    WebAddr: blank((remote.WebAddr as any)?.URI),
    Notes: blank(remote.Notes),
    Active: remote.Active !== false,
  };
}

function localInvoice(invoice: any | null): Local {
  if (!invoice) return { version: -1, gone: true, view: { Voided: true }, toQuickBooks: () => ({}) };
  const amount = (minor: number) => toQuickBooksAmount(minor, invoice.currency);
  const view: View = {
    DocNumber: invoice.number,
    TxnDate: invoice.issueDate ?? null,
    DueDate: invoice.dueDate ?? null,
    CurrencyRef: invoice.currency,
    PrivateNote: invoice.notes ?? null,
    Line: invoice.lineItems.map((line: any) => ({
      Description: line.description,
      Qty: line.quantity,
      UnitPrice: amount(line.unitPrice.amountMinor),
      Amount: amount(line.subtotal.amountMinor),
      Taxable: line.tax.amountMinor > 0,
    })),
    TotalTax: amount(invoice.tax.amountMinor),
    TotalAmt: amount(invoice.total.amountMinor),
    Voided: invoice.status === 'VOID',
  };
  const fields = view;
  return {
    version: invoice.version,
    gone: invoice.status === 'VOID',
    skip: invoice.status === 'DRAFT',
    view,
    dependsOn: { kind: 'CUSTOMER', id: invoice.client.id },
    toQuickBooks: (customerId, view = fields) => ({
      CustomerRef: { value: customerId },
      DocNumber: view.DocNumber,
      ...(view.TxnDate ? { TxnDate: view.TxnDate } : {}),
      ...(view.DueDate ? { DueDate: view.DueDate } : {}),
      CurrencyRef: { value: view.CurrencyRef },
      PrivateNote: view.PrivateNote ?? '',
      Line: (view.Line as any[]).map((line, index) => ({
        LineNum: index + 1,
        Description: line.Description,
        Amount: line.Amount,
        DetailType: 'SalesItemLineDetail',
        SalesItemLineDetail: { Qty: line.Qty, UnitPrice: line.UnitPrice, TaxCodeRef: { value: line.Taxable ? 'TAX' : 'NON' } },
      })),
      // UBOS computes tax per line (half-up); QuickBooks takes the total as given.
      TxnTaxDetail: { TotalTax: view.TotalTax },
    }),
  };
}

function remoteInvoiceView(remote: QuickBooksObject): View {
  return { DueDate: remote.DueDate ?? null, PrivateNote: remote.PrivateNote === '' ? null : (remote.PrivateNote ?? null) };
}

function localPayment(payment: any | null): Local {
  if (!payment) return { version: -1, gone: true, view: {}, toQuickBooks: () => ({}) };
  const view: View = {
    TotalAmt: toQuickBooksAmount(payment.amount.amountMinor, payment.amount.currency),
    CurrencyRef: payment.amount.currency,
    TxnDate: String(payment.paidAt).slice(0, 10),
    PaymentRefNum: payment.reference ?? null,
    ClientId: payment.invoice.client.id,
  };
  return {
    // Payments never change in UBOS: version 1 for ever.
    version: 1,
    gone: false,
    view,
    dependsOn: { kind: 'INVOICE', id: payment.invoice.id },
    toQuickBooks: () => ({}),
  };
}

/** The fields of each kind that an accountant may change in QuickBooks, watched for conflicts; the rest is UBOS' alone. */
const WATCHED: Record<SyncKind, string[]> = {
  CUSTOMER: ['DisplayName', 'PrimaryEmailAddr', 'PrimaryPhone', 'WebAddr', 'Notes'],
  INVOICE: ['DueDate', 'PrivateNote'],
  PAYMENT: [],
};
const REMOTE_VIEW: Record<SyncKind, (remote: QuickBooksObject) => View> = { CUSTOMER: remoteCustomerView, INVOICE: remoteInvoiceView, PAYMENT: () => ({}) };

// ---------------------------------------------------------------------------------------
// The sync
// ---------------------------------------------------------------------------------------

export interface QuickBooksSyncOptions {
  db: WorkerDatabase;
  boss: PgBoss;
  graph: GraphCaller;
  settings: WorkerSettings;
  log: (entry: Record<string, unknown>) => void;
}

export class QuickBooksSync {
  constructor(private readonly options: QuickBooksSyncOptions) {}

  private send(client: Client | undefined, data: IntegrationJobData, id: string, startAfter?: number) {
    return this.options.boss.send(INTEGRATION_QUEUE, data as unknown as object, {
      id,
      ...(client ? { db: inTransaction(client) } : {}),
      retryLimit: this.options.settings.maxAttempts - 1,
      retryDelay: this.options.settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: Math.max(this.options.settings.expireSeconds, 60),
      ...(startAfter ? { startAfter } : {}),
    });
  }

  /** In the router's transaction of an outbox event (inbox-deduplicated with it). */
  async route(client: Client, event: { organization_id: string; id: string; event_type: string; aggregate_type: string; aggregate_id: string; payload: Record<string, unknown>; occurred_at: Date; actor?: string }): Promise<void> {
    const kind = KIND_OF_AGGREGATE[event.aggregate_type];
    if (!kind && !ROUTED_EVENTS.has(event.event_type)) return;
    // A payment the pull recorded (as the integration's principal) came from QuickBooks: the
    // pull links its mapping itself, and it is never pushed back.
    if (kind === 'PAYMENT' && event.actor?.startsWith('integration:')) return;
    const organizationId = event.organization_id;
    const { rows } = await client.query("select id from integration_connections where organization_id = $1 and provider = 'QUICKBOOKS' and status <> 'DISCONNECTED'", [organizationId]);
    if (rows.length === 0) return;
    const base = { organizationId, eventId: event.id };
    if (event.event_type === 'IntegrationSyncRequested') {
      await this.send(client, { ...base, kind: 'FULL', phase: 'CUSTOMER', cursor: null, requestedAt: String(event.payload.requestedAt ?? '') }, jobIdOf('qb-full', event.id, 'CUSTOMER', ''));
      return;
    }
    if (event.event_type === 'QuickBooksChangeNotified') {
      const entities = (event.payload.entities as IntegrationJobData['entities']) ?? [];
      await this.send(client, { ...base, kind: 'PULL', entities }, jobIdOf('qb-pull', event.id));
      return;
    }
    if (event.event_type === 'QuickBooksConflictResolved') {
      const resolved = event.payload as { kind: SyncKind; entityId: string };
      await this.send(client, { ...base, kind: resolved.kind, entityId: resolved.entityId }, jobIdOf('qb', event.id));
      return;
    }
    const { table, entityColumn } = KINDS[kind!];
    // A savepoint: a row purged before its event is routed must not fail the routing of the event.
    await client.query('savepoint quickbooks_mapping');
    try {
      await client.query(
        `insert into ${table} (organization_id, ${entityColumn}, sync_state, pending_since) values ($1, $2, 'PENDING', $3)
         on conflict (organization_id, ${entityColumn}) do update
           set sync_state = case when ${table}.sync_state = 'CONFLICT' then 'CONFLICT' else 'PENDING' end,
               pending_since = coalesce(${table}.pending_since, excluded.pending_since), updated_at = now()`,
        [organizationId, event.aggregate_id, event.occurred_at],
      );
      await client.query('release savepoint quickbooks_mapping');
    } catch {
      await client.query('rollback to savepoint quickbooks_mapping');
      return;
    }
    await this.send(client, { ...base, kind: kind!, entityId: event.aggregate_id }, jobIdOf('qb', event.id));
  }

  async run(job: PgBoss.JobWithMetadata<IntegrationJobData>): Promise<void> {
    const data = job.data;
    try {
      if (data.kind === 'FULL') await this.fullSyncPage(data);
      else if (data.kind === 'PULL') await this.pullNotified(data);
      else if (data.kind === 'CDC') await this.pollChanges(data);
      else await this.syncOne(data.organizationId, data.kind, data.entityId!);
    } catch (error) {
      if (error instanceof Throttled) {
        // Honour Retry-After exactly: the same work, as a new job that starts after it.
        const count = (data.throttled ?? 0) + 1;
        await this.send(undefined, { ...data, throttled: count }, jobIdOf('qb-throttled', job.id, count), error.seconds);
        this.options.log({ level: 'warn', msg: 'QuickBooks throttled a sync job', organizationId: data.organizationId, retryAfter: error.seconds });
        return;
      }
      if (error instanceof NeedsReauth) {
        await this.options.db.inTenant(data.organizationId, QUICKBOOKS_ACTOR, (client) =>
          client.query(
            "update integration_connections set status = 'NEEDS_REAUTH', last_error = $2, updated_at = now() where organization_id = $1 and provider = 'QUICKBOOKS' and status = 'CONNECTED'",
            [data.organizationId, 'QuickBooks refused to refresh the access token: an owner or admin must connect QuickBooks again'],
          ),
        );
        this.options.log({ level: 'warn', msg: 'QuickBooks connection needs re-authorization', organizationId: data.organizationId });
        return;
      }
      if (error instanceof Stopped) return;
      if (job.retryCount >= job.retryLimit && data.kind !== 'FULL' && data.kind !== 'PULL' && data.kind !== 'CDC' && data.entityId) await this.markFailed(data.organizationId, data.kind, data.entityId, (error as Error).message);
      throw error;
    }
  }

  private async markFailed(organizationId: string, kind: SyncKind, entityId: string, message: string): Promise<void> {
    const { table, entityColumn } = KINDS[kind];
    await this.options.db.inTenant(organizationId, QUICKBOOKS_ACTOR, (client) =>
      client.query(`update ${table} set sync_state = 'FAILED', last_error = $3, attempts = attempts + 1, updated_at = now() where organization_id = $1 and ${entityColumn} = $2 and sync_state <> 'CONFLICT'`, [
        organizationId,
        entityId,
        message.slice(0, 2000),
      ]),
    );
  }

  // -------------------------------------------------------------------------------------
  // Tokens
  // -------------------------------------------------------------------------------------

  /** The connection and a valid access token; refreshed once when expired (or when `stale` was refused). Undefined when not CONNECTED. */
  private async session(organizationId: string, stale?: string): Promise<Session | undefined> {
    return this.options.db.inTenant(organizationId, QUICKBOOKS_ACTOR, async (client) => {
      const { rows } = await client.query<{ id: string; realm_id: string; status: string; access_token: string; refresh_token: string; access_expires_at: Date }>(
        `select c.id, c.realm_id, c.status, s.access_token, s.refresh_token, s.access_expires_at
           from integration_connections c join integration_connection_secrets s on s.organization_id = c.organization_id and s.connection_id = c.id
          where c.organization_id = $1 and c.provider = 'QUICKBOOKS' for update of s`,
        [organizationId],
      );
      const row = rows[0];
      if (!row || row.status !== 'CONNECTED') return undefined;
      const key = integrationKey();
      if (!key) throw new Error('UBOS_INTEGRATION_KEY is not set: the tokens cannot be read');
      const accessToken = openSecret(key, row.access_token, tokenContext(organizationId, 'access'));
      const base = { organizationId, connectionId: row.id, realmId: row.realm_id };
      if (accessToken !== stale && row.access_expires_at.getTime() - 60_000 > Date.now()) return { ...base, accessToken };
      // Refresh tokens rotate: the row stays locked until the new pair is stored, so two jobs never spend the same one.
      try {
        const tokens = await new QuickBooksClient(quickBooksSettings()).refresh(openSecret(key, row.refresh_token, tokenContext(organizationId, 'refresh')));
        await client.query(
          'update integration_connection_secrets set access_token = $3, refresh_token = $4, access_expires_at = $5, refresh_expires_at = $6, updated_at = now() where organization_id = $1 and connection_id = $2',
          [organizationId, row.id, sealSecret(key, tokens.accessToken, tokenContext(organizationId, 'access')), sealSecret(key, tokens.refreshToken, tokenContext(organizationId, 'refresh')), tokens.accessExpiresAt, tokens.refreshExpiresAt],
        );
        return { ...base, accessToken: tokens.accessToken };
      } catch (error) {
        if (error instanceof QuickBooksError && (error.kind === 'INVALID_GRANT' || error.kind === 'UNAUTHORIZED')) throw new NeedsReauth(error.message);
        throw error;
      }
    });
  }

  /** Runs `call` with the company API; on 401 refreshes once and runs it again. */
  private async withApi<T>(session: Session, call: (api: CompanyApi) => Promise<T>): Promise<T> {
    const client = new QuickBooksClient(quickBooksSettings());
    try {
      return await call(client.company(session.realmId, session.accessToken));
    } catch (error) {
      if (error instanceof QuickBooksError && error.kind === 'THROTTLED') throw new Throttled(error.retryAfter ?? 60);
      if (!(error instanceof QuickBooksError) || error.kind !== 'UNAUTHORIZED') throw error;
      if (this.options.db.inTransaction) throw new AccessRefused(session.accessToken);
      const renewed = await this.session(session.organizationId, session.accessToken);
      if (!renewed) throw new Stopped('needs re-authorization');
      session.accessToken = renewed.accessToken;
      try {
        return await call(client.company(renewed.realmId, renewed.accessToken));
      } catch (again) {
        if (again instanceof QuickBooksError && again.kind === 'THROTTLED') throw new Throttled(again.retryAfter ?? 60);
        throw again;
      }
    }
  }

  // -------------------------------------------------------------------------------------
  // One row
  // -------------------------------------------------------------------------------------

  private graphCall(session: Session): GraphCall {
    // The integration's own service principal (integration:<connection id>): its token names
    // the tenant and the connection, and the gateway lets it use INTEGRATION_SCOPES only.
    return { organizationId: session.organizationId, runId: session.connectionId, requestId: `quickbooks:${session.connectionId}`, kind: 'integration' };
  }

  private async readLocal(session: Session, kind: SyncKind, id: string, previous: View | null): Promise<Local> {
    const call = this.graphCall(session);
    if (kind === 'CUSTOMER') {
      const client = (await this.options.graph.query(call, `query($id: ID!) { row: client(id: $id) { ${CLIENT_FIELDS} } }`, { id })).row;
      // A merged client's id answers its survivor: its own customer is gone from UBOS (made
      // inactive, never overwritten with the survivor's values or made again for it).
      return localCustomer(client?.id === id ? client : null, previous);
    }
    if (kind === 'INVOICE') return localInvoice((await this.options.graph.query(call, `query($id: ID!) { row: invoice(id: $id) { ${INVOICE_FIELDS} } }`, { id })).row);
    return localPayment((await this.options.graph.query(call, `query($id: ID!) { row: payment(id: $id) { ${PAYMENT_FIELDS} } }`, { id })).row);
  }

  async syncOne(organizationId: string, kind: SyncKind, entityId: string, given?: Local, sessionGiven?: Session): Promise<string | undefined> {
    const session = sessionGiven ?? (await this.session(organizationId));
    if (!session) return undefined;
    const local = given ?? (await this.readLocal(session, kind, entityId, (await this.mapping(organizationId, kind, entityId))?.pushed ?? null));
    let dependency: string | undefined;
    if (local.dependsOn && !local.gone && !local.skip) {
      dependency = (await this.remoteIdOf(organizationId, local.dependsOn.kind, local.dependsOn.id)) ?? (await this.syncOne(organizationId, local.dependsOn.kind, local.dependsOn.id, undefined, session));
      if (!dependency) throw new Error(`The ${local.dependsOn.kind.toLowerCase()} ${local.dependsOn.id} is not in QuickBooks yet`);
    }
    try {
      return await this.push(session, kind, entityId, local, dependency);
    } catch (error) {
      if (!(error instanceof AccessRefused)) throw error;
      // Once: a token refused again right after its refresh is QuickBooks' problem, and the job's retry.
      const renewed = await this.session(organizationId, error.refusedToken);
      if (!renewed) throw new Stopped('needs re-authorization');
      session.accessToken = renewed.accessToken;
      return this.push(session, kind, entityId, local, dependency);
    }
  }

  private async mapping(organizationId: string, kind: SyncKind, entityId: string): Promise<MappingRow | undefined> {
    return this.options.db.inTenant(organizationId, QUICKBOOKS_ACTOR, (client) => mappingOf(client, organizationId, kind, entityId));
  }

  private async remoteIdOf(organizationId: string, kind: SyncKind, entityId: string): Promise<string | undefined> {
    return (await this.mapping(organizationId, kind, entityId))?.remote_id ?? undefined;
  }

  /** Pushes one row, holding its mapping's lock; answers its QuickBooks id. */
  private async push(session: Session, kind: SyncKind, entityId: string, local: Local, dependency: string | undefined): Promise<string | undefined> {
    const { organizationId } = session;
    const { table, entityColumn, remoteColumn, entity } = KINDS[kind];
    return this.options.db.inTenant(organizationId, QUICKBOOKS_ACTOR, async (client) => {
      // Disconnecting locks the connection: it waits for this push, and this push sees it happened.
      const connection = await client.query<{ status: string }>("select status from integration_connections where organization_id = $1 and provider = 'QUICKBOOKS' for share", [organizationId]);
      if (connection.rows[0]?.status !== 'CONNECTED') throw new Stopped('not connected');
      if (kind === 'PAYMENT' && local.dependsOn) {
        // The pull of a payment made in QuickBooks holds its invoice's mapping (FOR UPDATE) while
        // it records and links it: a push of the same invoice's payments waits, then sees the link.
        await client.query('select 1 from integration_quickbooks_invoices where organization_id = $1 and invoice_id = $2 for share', [organizationId, local.dependsOn.id]);
      }
      if (local.skip || local.gone) {
        // Not for the books yet (a draft), or gone (deleted, voided) before it ever reached QuickBooks: nothing to push.
        const existing = await client.query<{ remote_id: string | null }>(`select ${remoteColumn} as remote_id from ${table} where organization_id = $1 and ${entityColumn} = $2 for update`, [organizationId, entityId]);
        if (!existing.rows[0]?.remote_id) {
          await client.query(`delete from ${table} where organization_id = $1 and ${entityColumn} = $2`, [organizationId, entityId]);
          return undefined;
        }
      }
      await client.query(`insert into ${table} (organization_id, ${entityColumn}, sync_state, pending_since) values ($1, $2, 'PENDING', now()) on conflict do nothing`, [organizationId, entityId]);
      const { rows } = await client.query<MappingRow>(
        `select id, ${remoteColumn} as remote_id, qb_sync_token, sync_state, last_synced_version, pushed, resolve_keep from ${table} where organization_id = $1 and ${entityColumn} = $2 for update`,
        [organizationId, entityId],
      );
      const row = rows[0]!;
      const save = async (remote: QuickBooksObject, pushed: View, version: number) => {
        await client.query(
          `update ${table} set ${remoteColumn} = $3, qb_sync_token = $4, pushed = $5, last_synced_version = $6, last_synced_at = now(), sync_state = 'SYNCED',
             pending_since = null, last_error = null, conflict_ubos = null, conflict_remote = null, resolve_keep = null, attempts = 0, updated_at = now()
           where organization_id = $1 and id = $2`,
          [organizationId, row.id, remote.Id, remote.SyncToken, JSON.stringify(pushed), version],
        );
        await client.query('update integration_sync_status set last_sync_at = now() where organization_id = $1', [organizationId]);
        return remote.Id;
      };
      if (row.sync_state === 'CONFLICT' && !row.resolve_keep) return row.remote_id ?? undefined;
      if (!row.resolve_keep && row.remote_id && row.last_synced_version === local.version && (!local.gone || row.pushed?.Active === false || row.pushed?.Voided === true)) {
        // Already there (a replayed or repeated event): nothing to push.
        await client.query(`update ${table} set sync_state = 'SYNCED', pending_since = null, last_error = null, updated_at = now() where organization_id = $1 and id = $2`, [organizationId, row.id]);
        return row.remote_id;
      }

      if (!row.remote_id) {
        const fields = kind === 'PAYMENT' ? await this.paymentFields(client, organizationId, entityId, local, dependency!) : local.toQuickBooks(dependency);
        const created = await this.create(session, kind, entity, fields, digest(organizationId, kind, entityId, 'create'), client, table, row.id);
        return save(created, local.view, local.version);
      }

      if (row.resolve_keep === 'QUICKBOOKS') {
        // QuickBooks' side of the fields it changed goes into UBOS; UBOS' own changes stay and are pushed with them.
        const remote = await this.withApi(session, (api) => api.read(entity, row.remote_id!));
        const remoteView = REMOTE_VIEW[kind](remote);
        const theirs = Object.fromEntries(WATCHED[kind].filter((field) => !same(remoteView[field], row.pushed?.[field])).map((field) => [field, remoteView[field] ?? null]));
        const version = await this.applyRemote(session, kind, entityId, theirs, remote.SyncToken);
        const merged = { ...local.view, ...theirs };
        const updated = await this.withApi(session, (api) => api.update(entity, row.remote_id!, remote.SyncToken, local.toQuickBooks(dependency, merged), digest(organizationId, kind, entityId, 'keep-quickbooks', remote.SyncToken)));
        return save(updated, merged, version ?? local.version);
      }

      if (kind === 'PAYMENT') return save({ Id: row.remote_id, SyncToken: row.qb_sync_token ?? '0' }, local.view, local.version);
      const write = (token: string) =>
        this.withApi(session, (api) =>
          kind === 'INVOICE' && local.gone
            ? api.voidInvoice(row.remote_id!, token, digest(organizationId, kind, entityId, 'void', token))
            : api.update(entity, row.remote_id!, token, local.toQuickBooks(dependency), digest(organizationId, kind, entityId, local.version, token)),
        );
      try {
        return save(await write(row.qb_sync_token ?? '0'), local.view, local.version);
      } catch (error) {
        if (!(error instanceof QuickBooksError) || error.kind !== 'STALE_OBJECT') throw error;
      }
      // 5010: someone changed it in QuickBooks since our last push.
      const remote = await this.withApi(session, (api) => api.read(entity, row.remote_id!));
      const remoteView = REMOTE_VIEW[kind](remote);
      const pushed = row.pushed ?? {};
      const theirs = WATCHED[kind].filter((field) => !same(remoteView[field], pushed[field]));
      const ours = WATCHED[kind].filter((field) => !same(local.view[field], pushed[field]));
      const unshared = theirs.filter((field) => !ours.includes(field) && !same(remoteView[field], local.view[field]));
      if (row.resolve_keep === 'UBOS' || unshared.length === 0) return save(await write(remote.SyncToken), local.view, local.version);
      await markConflict(client, table, organizationId, row.id, unshared, local.view, remoteView, `SyncToken ${row.qb_sync_token} is now ${remote.SyncToken}`);
      return row.remote_id;
    });
  }

  /** Creates the object; a customer whose DisplayName QuickBooks already has (6240) is linked to it when no other client is. */
  private async create(session: Session, kind: SyncKind, entity: QuickBooksEntity, fields: Record<string, unknown>, requestId: string, client: Client, table: string, mappingId: string): Promise<QuickBooksObject> {
    try {
      return await this.withApi(session, (api) => api.create(entity, fields, requestId));
    } catch (error) {
      if (!(error instanceof QuickBooksError) || error.kind !== 'DUPLICATE_NAME' || kind !== 'CUSTOMER') throw error;
    }
    const name = String(fields.DisplayName);
    const [existing] = await this.withApi(session, (api) => api.query('Customer', `select * from Customer where DisplayName = '${name.replace(/'/g, "\\'")}' and Active in (true, false)`));
    if (existing) {
      const linked = await client.query(`select 1 from ${table} where organization_id = $1 and qb_customer_id = $2 and id <> $3`, [session.organizationId, existing.Id, mappingId]);
      if (linked.rowCount === 0) return this.withApi(session, (api) => api.update('Customer', existing.Id, existing.SyncToken, fields, `${requestId}:adopt`));
    }
    // Two UBOS clients may share a name; QuickBooks' DisplayName may not: the second gets a suffix.
    return this.withApi(session, (api) => api.create('Customer', { ...fields, DisplayName: `${name} (${mappingId.slice(-6)})` }, `${requestId}:suffixed`));
  }

  /** On the push's own client: a transaction may not take a second connection (WorkerDatabase.transaction). */
  private async paymentFields(client: Client, organizationId: string, paymentId: string, local: Local, invoiceRemoteId: string): Promise<Record<string, unknown>> {
    const customerId = (await mappingOf(client, organizationId, 'CUSTOMER', String(local.view.ClientId)))?.remote_id;
    if (!customerId) throw new Error(`The customer of payment's client ${String(local.view.ClientId)} is not in QuickBooks yet`);
    return {
      CustomerRef: { value: customerId },
      TotalAmt: local.view.TotalAmt,
      TxnDate: local.view.TxnDate,
      CurrencyRef: { value: local.view.CurrencyRef },
      ...(local.view.PaymentRefNum ? { PaymentRefNum: local.view.PaymentRefNum } : {}),
      // The pull knows its own payments by this memo even when a crash left them unlinked.
      PrivateNote: `${UBOS_PAYMENT_MEMO}${paymentId}`,
      Line: [{ Amount: local.view.TotalAmt, LinkedTxn: [{ TxnId: invoiceRemoteId, TxnType: 'Invoice' }] }],
    };
  }

  /** Keep QUICKBOOKS: QuickBooks' values go into UBOS through the graph, validated and audited like any change. */
  private async applyRemote(session: Session, kind: SyncKind, entityId: string, theirs: View, syncToken: string): Promise<number | undefined> {
    const call = this.graphCall(session);
    const key = `quickbooks:${entityId}:${syncToken}`;
    const names: Record<string, string> =
      kind === 'CUSTOMER' ? { DisplayName: 'name', PrimaryEmailAddr: 'email', PrimaryPhone: 'phone', WebAddr: 'website', Notes: 'notes' } : { DueDate: 'dueDate', PrivateNote: 'notes' };
    const input = Object.fromEntries(Object.entries(theirs).map(([field, value]) => [names[field]!, value]));
    if (kind === 'PAYMENT' || Object.keys(input).length === 0) return undefined;
    const result = await this.options.graph.mutate(call, kind === 'CUSTOMER' ? 'updateClient' : 'updateInvoice', { id: entityId, input }, key, '{ id version }');
    return Number(result.version);
  }

  // -------------------------------------------------------------------------------------
  // Full sync: every client, then every invoice with its payments, then what still waits
  // -------------------------------------------------------------------------------------

  private async fullSyncPage(data: IntegrationJobData): Promise<void> {
    const session = await this.session(data.organizationId);
    if (!session) return;
    const call = this.graphCall(session);
    const next = (phase: IntegrationJobData['phase'], cursor: string | null) =>
      this.send(undefined, { organizationId: data.organizationId, eventId: data.eventId, kind: 'FULL', phase, cursor, requestedAt: data.requestedAt }, jobIdOf('qb-full', data.eventId, phase!, cursor ?? ''));
    if (data.phase === 'CUSTOMER') {
      const page = (await this.options.graph.query(call, `query($after: String) { page: clients(first: ${PAGE}, after: $after) { edges { node { ${CLIENT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`, { after: data.cursor ?? null })).page;
      await inParallel(page.edges, async ({ node }: any) => {
        await this.syncOne(data.organizationId, 'CUSTOMER', node.id, localCustomer(node, null), session);
      });
      await (page.pageInfo.hasNextPage ? next('CUSTOMER', page.pageInfo.endCursor) : next('INVOICE', null));
      return;
    }
    if (data.phase === 'INVOICE') {
      const page = (
        await this.options.graph.query(
          call,
          `query($after: String) { page: invoices(first: ${PAGE}, after: $after) { edges { node { ${INVOICE_FIELDS} payments { ${PAYMENT_FIELDS} } } } pageInfo { hasNextPage endCursor } } }`,
          { after: data.cursor ?? null },
        )
      ).page;
      await inParallel(page.edges, async ({ node }: any) => {
        await this.syncOne(data.organizationId, 'INVOICE', node.id, localInvoice(node), session);
        if (node.status !== 'DRAFT') for (const payment of node.payments) await this.syncOne(data.organizationId, 'PAYMENT', payment.id, localPayment(payment), session);
      });
      await (page.pageInfo.hasNextPage ? next('INVOICE', page.pageInfo.endCursor) : next('LEFTOVERS', null));
      return;
    }
    // Rows still waiting (deleted clients to make inactive, FAILED rows): each pushed as it is now.
    for (const kind of Object.keys(KINDS) as SyncKind[]) {
      const { table, entityColumn } = KINDS[kind];
      const { rows } = await this.options.db.inTenant(data.organizationId, QUICKBOOKS_ACTOR, (client) =>
        client.query<{ entity_id: string }>(`select ${entityColumn} as entity_id from ${table} where organization_id = $1 and sync_state in ('PENDING', 'FAILED') and ${entityColumn} is not null limit 500`, [data.organizationId]),
      );
      for (const row of rows) await this.syncOne(data.organizationId, kind, row.entity_id, undefined, session).catch((error) => {
        if (error instanceof Throttled || error instanceof Stopped) throw error;
        return this.markFailed(data.organizationId, kind, row.entity_id, (error as Error).message);
      });
    }
    await this.options.db.inTenant(data.organizationId, QUICKBOOKS_ACTOR, (client) =>
      client.query('update integration_sync_status set full_sync_finished_at = now(), last_sync_at = now() where organization_id = $1 and full_sync_requested_at = $2', [data.organizationId, data.requestedAt ?? null]),
    );
  }

  // -------------------------------------------------------------------------------------
  // Pull: payments made in QuickBooks, by webhook and by Change Data Capture
  // -------------------------------------------------------------------------------------

  /**
   * The CDC round: one poll job per connected tenant. The job id names the tenant and the
   * interval's slot, so several workers (or a second timer tick) in the same slot send one job.
   * Two polls of one tenant at once are harmless: each payment is recorded once either way.
   */
  async pollAll(intervalSeconds: number, now = false): Promise<number> {
    const { rows } = await this.options.db.transaction((client) => client.query<{ organization_id: string; connection_id: string }>('select organization_id, connection_id from integration_quickbooks_connected()'));
    // A round asked for now (a test, a tool) is a round of its own, never merged with the timer's.
    const slot = now ? `now:${randomUUID()}` : Math.floor(Date.now() / (Math.max(1, intervalSeconds) * 1000));
    for (const row of rows) {
      await this.send(undefined, { organizationId: row.organization_id, eventId: row.connection_id, kind: 'CDC' }, jobIdOf('qb-cdc', row.organization_id, row.connection_id, intervalSeconds, slot));
    }
    return rows.length;
  }

  /**
   * A webhook's notification: each payment named is read from QuickBooks and recorded; each
   * customer or invoice edited there is compared with what UBOS pushed (noteRemoteEdit).
   */
  private async pullNotified(data: IntegrationJobData): Promise<void> {
    const session = await this.session(data.organizationId);
    if (!session) return;
    for (const entity of data.entities ?? []) {
      if ((entity.name === 'Customer' || entity.name === 'Invoice') && (entity.operation === 'Update' || entity.operation === 'Void')) {
        const kind = entity.name === 'Customer' ? 'CUSTOMER' : 'INVOICE';
        const remote = await this.withApi(session, (api) => api.read(entity.name as QuickBooksEntity, entity.id)).catch((error) => {
          if (error instanceof QuickBooksError && error.kind === 'NOT_FOUND') return undefined;
          throw error;
        });
        if (remote) await this.noteRemoteEdit(session, kind, remote);
        continue;
      }
      if (entity.name !== 'Payment') continue;
      if (entity.operation === 'Delete' || entity.operation === 'Void') {
        await this.notePaymentGone(session, entity.id, entity.operation);
        continue;
      }
      let remote: QuickBooksObject;
      try {
        remote = await this.withApi(session, (api) => api.read('Payment', entity.id));
      } catch (error) {
        // Deleted since the notification: nothing to record.
        if (error instanceof QuickBooksError && error.kind === 'NOT_FOUND') continue;
        throw error;
      }
      await this.importPayment(session, remote);
    }
  }

  /** Every payment changed since the cursor (integration_sync_status.cdc_since); the cursor moves once all are recorded or reported. */
  private async pollChanges(data: IntegrationJobData): Promise<void> {
    const session = await this.session(data.organizationId);
    if (!session) return;
    const [status] = await this.options.db.inTenant(data.organizationId, QUICKBOOKS_ACTOR, async (client) =>
      (await client.query<{ cdc_since: Date | null; connected_at: Date | null }>(
        `select s.cdc_since, c.connected_at from integration_connections c left join integration_sync_status s on s.organization_id = c.organization_id and s.connection_id = c.id
          where c.organization_id = $1 and c.id = $2`,
        [data.organizationId, session.connectionId],
      )).rows,
    );
    const startedAt = Date.now();
    // Older than QuickBooks keeps changes (the worker was stopped for a month): as far back as it goes.
    const since = new Date(Math.max(status?.cdc_since?.getTime() ?? status?.connected_at?.getTime() ?? startedAt - CDC_MAX_AGE_MS, startedAt - CDC_MAX_AGE_MS));
    const changed = await this.withApi(session, (api) => api.changedSince(['Customer', 'Invoice', 'Payment'], since));
    for (const remote of changed.Customer) if (remote.status !== 'Deleted') await this.noteRemoteEdit(session, 'CUSTOMER', remote);
    for (const remote of changed.Invoice) if (remote.status !== 'Deleted') await this.noteRemoteEdit(session, 'INVOICE', remote);
    for (const remote of changed.Payment) {
      if (remote.status === 'Deleted') await this.notePaymentGone(session, remote.Id, 'Delete');
      else await this.importPayment(session, remote);
    }
    const next = new Date(Math.max(since.getTime(), startedAt - CDC_OVERLAP_MS));
    await this.options.db.inTenant(data.organizationId, QUICKBOOKS_ACTOR, (client) =>
      client.query('update integration_sync_status set cdc_since = greatest(coalesce(cdc_since, $3), $3), last_sync_at = now() where organization_id = $1 and connection_id = $2', [data.organizationId, session.connectionId, next]),
    );
  }

  /**
   * Records one payment made in QuickBooks in UBOS, through the graph (recordPayment, as the
   * integration's principal: validated, isolated and audited), once: the mapping row
   * (unique QuickBooks id) is claimed and linked in one transaction that holds the invoice's
   * mapping, so a webhook and a poll of the same payment, or a replay, record it once. A
   * payment UBOS pushed (its mapping, or the memo UBOS writes on it) is never recorded again.
   * What cannot be recorded stays as a FAILED row with the reason (Integration.unrecordedPayments).
   */
  private async importPayment(session: Session, remote: QuickBooksObject): Promise<'recorded' | 'known' | 'reported'> {
    const { organizationId } = session;
    const memo = String(remote.PrivateNote ?? '');
    if (memo.startsWith(UBOS_PAYMENT_MEMO)) return 'known';
    const links = ((remote.Line as any[] | undefined) ?? []).flatMap((line) =>
      ((line?.LinkedTxn as any[] | undefined) ?? []).filter((linked) => linked?.TxnType === 'Invoice').map((linked) => ({ invoice: String(linked.TxnId), amount: line.Amount as number })),
    );
    const view: View = { TotalAmt: remote.TotalAmt ?? null, CurrencyRef: (remote.CurrencyRef as any)?.value ?? null, TxnDate: remote.TxnDate ?? null, PaymentRefNum: remote.PaymentRefNum ?? null, Invoices: links.map((link) => link.invoice) };
    return this.options.db.inTenant(organizationId, QUICKBOOKS_ACTOR, async (client) => {
      const connection = await client.query<{ status: string }>("select status from integration_connections where organization_id = $1 and provider = 'QUICKBOOKS' for share", [organizationId]);
      if (connection.rows[0]?.status !== 'CONNECTED') throw new Stopped('not connected');
      const report = async (reason: string) => {
        await client.query(
          `insert into integration_quickbooks_payments (organization_id, qb_payment_id, origin, qb_sync_token, sync_state, last_error, pushed, attempts)
           values ($1, $2, 'QUICKBOOKS', $3, 'FAILED', $4, $5, 1)
           on conflict (organization_id, qb_payment_id) do update set sync_state = 'FAILED', last_error = excluded.last_error, qb_sync_token = excluded.qb_sync_token,
             pushed = excluded.pushed, attempts = integration_quickbooks_payments.attempts + 1, pending_since = null, updated_at = now()`,
          [organizationId, remote.Id, remote.SyncToken, reason.slice(0, 2000), JSON.stringify(view)],
        );
        this.options.log({ level: 'warn', msg: 'QuickBooks payment not recorded in UBOS', organizationId, qbPaymentId: remote.Id, reason });
        return 'reported' as const;
      };
      const single = links.length === 1 ? links[0]! : undefined;
      // The invoice's mapping first (the order the push takes too), then the payment's.
      const invoice = single
        ? (await client.query<{ invoice_id: string }>('select invoice_id from integration_quickbooks_invoices where organization_id = $1 and qb_invoice_id = $2 for update', [organizationId, single.invoice])).rows[0]
        : undefined;
      const existing = (await client.query<{ payment_id: string | null; origin: string }>('select payment_id, origin from integration_quickbooks_payments where organization_id = $1 and qb_payment_id = $2 for update', [organizationId, remote.Id])).rows[0];
      if (existing?.payment_id) return 'known';
      if (!single) return report(links.length === 0 ? `QuickBooks payment ${remote.Id} is not applied to any invoice` : `QuickBooks payment ${remote.Id} is applied to ${links.length} invoices; UBOS records a payment against one invoice: record it by hand`);
      if (!invoice) return report(`QuickBooks payment ${remote.Id} is for QuickBooks invoice ${single.invoice}, which UBOS did not push`);
      const call = this.graphCall(session);
      const current = (await this.options.graph.query(call, 'query($id: ID!) { row: invoice(id: $id) { id currency } }', { id: invoice.invoice_id })).row;
      if (!current || current.id !== invoice.invoice_id) return report(`QuickBooks payment ${remote.Id} is for an invoice that is no longer in UBOS`);
      const remoteCurrency = (remote.CurrencyRef as any)?.value;
      if (remoteCurrency && remoteCurrency !== current.currency) return report(`QuickBooks payment ${remote.Id} is in ${remoteCurrency}; its invoice is in ${current.currency}`);
      let amountMinor: number;
      try {
        amountMinor = fromQuickBooksAmount(single.amount, current.currency);
      } catch {
        return report(`QuickBooks payment ${remote.Id} has no amount for its invoice`);
      }
      await client.query(
        `insert into integration_quickbooks_payments (organization_id, qb_payment_id, origin, sync_state, pending_since, pushed) values ($1, $2, 'QUICKBOOKS', 'PENDING', now(), $3)
         on conflict (organization_id, qb_payment_id) do update set sync_state = 'PENDING', pending_since = coalesce(integration_quickbooks_payments.pending_since, now()), updated_at = now()`,
        [organizationId, remote.Id, JSON.stringify(view)],
      );
      const reference = typeof remote.PaymentRefNum === 'string' && remote.PaymentRefNum ? remote.PaymentRefNum : `QuickBooks payment ${remote.Id}`;
      const input = {
        invoiceId: invoice.invoice_id,
        amountMinor,
        method: 'QuickBooks',
        reference: reference.slice(0, 200),
        ...(typeof remote.TxnDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(remote.TxnDate) ? { paidAt: `${remote.TxnDate}T00:00:00.000Z` } : {}),
      };
      let paymentId: string;
      try {
        // The key names the connection and the QuickBooks payment: a repeat after a crash gets the first answer back.
        const result = await this.options.graph.mutate(call, 'recordPayment', { input }, `quickbooks:payment:${session.connectionId}:${remote.Id}`, '{ payment { id } }');
        paymentId = String((result.payment as { id: string }).id);
      } catch (error) {
        if (error instanceof StepError && error.permanent) return report(`UBOS refused QuickBooks payment ${remote.Id}: ${error.message}`);
        throw error;
      }
      await client.query(
        `update integration_quickbooks_payments set payment_id = $3, qb_sync_token = $4, sync_state = 'SYNCED', last_synced_version = 1, last_synced_at = now(),
           pending_since = null, last_error = null, attempts = 0, updated_at = now()
         where organization_id = $1 and qb_payment_id = $2`,
        [organizationId, remote.Id, paymentId, remote.SyncToken],
      );
      await client.query('update integration_sync_status set last_sync_at = now() where organization_id = $1', [organizationId]);
      return 'recorded';
    });
  }

  /**
   * A customer or invoice edited in QuickBooks. UBOS stays the golden record, so nothing of it
   * is written into UBOS here; but an accountant's change of a watched field (WATCHED) must not
   * be silently overwritten by the next push either: the row becomes CONFLICT at once, with both
   * sides, exactly as a push meeting a stale SyncToken would decide, for an admin to resolve.
   * Rows with a UBOS change waiting (PENDING) are left to that push, which reads QuickBooks
   * again; a change of unwatched fields only, or QuickBooks answering with what UBOS pushed (its
   * own write notified back), changes nothing. The mapping row is locked first, so a push in
   * flight commits its new SyncToken before it is compared.
   */
  private async noteRemoteEdit(session: Session, kind: 'CUSTOMER' | 'INVOICE', remote: QuickBooksObject): Promise<void> {
    const { table, remoteColumn } = KINDS[kind];
    await this.options.db.inTenant(session.organizationId, QUICKBOOKS_ACTOR, async (client) => {
      const { rows } = await client.query<{ id: string; qb_sync_token: string | null; sync_state: string; pushed: View | null }>(
        `select id, qb_sync_token, sync_state, pushed from ${table} where organization_id = $1 and ${remoteColumn} = $2 for update`,
        [session.organizationId, remote.Id],
      );
      const row = rows[0];
      if (!row || row.sync_state !== 'SYNCED' || !row.pushed || row.qb_sync_token === remote.SyncToken) return;
      const remoteView = REMOTE_VIEW[kind](remote);
      const theirs = WATCHED[kind].filter((field) => !same(remoteView[field], row.pushed![field]));
      if (theirs.length === 0) return;
      await markConflict(client, table, session.organizationId, row.id, theirs, row.pushed, remoteView, `SyncToken ${row.qb_sync_token} is now ${remote.SyncToken}`);
      this.options.log({ level: 'info', msg: 'QuickBooks edit marked CONFLICT', organizationId: session.organizationId, kind, remoteId: remote.Id, fields: theirs });
    });
  }

  /**
   * A payment deleted or voided in QuickBooks. UBOS payments are never changed or deleted (the
   * books keep them; a mistake is reversed by an accountant), so the mapping only says so.
   */
  private async notePaymentGone(session: Session, remoteId: string, operation: string): Promise<void> {
    await this.options.db.inTenant(session.organizationId, QUICKBOOKS_ACTOR, (client) =>
      client.query(
        `update integration_quickbooks_payments set last_error = $3, updated_at = now() where organization_id = $1 and qb_payment_id = $2 and payment_id is not null`,
        [session.organizationId, remoteId, `${operation === 'Void' ? 'Voided' : 'Deleted'} in QuickBooks; the UBOS payment stays (reverse it in UBOS if it was a mistake)`],
      ),
    );
  }
}

/** A row's mapping, read on a transaction's client. */
async function mappingOf(client: Client, organizationId: string, kind: SyncKind, entityId: string): Promise<MappingRow | undefined> {
  const { table, entityColumn, remoteColumn } = KINDS[kind];
  const { rows } = await client.query<MappingRow>(
    `select id, ${remoteColumn} as remote_id, qb_sync_token, sync_state, last_synced_version, pushed, resolve_keep from ${table} where organization_id = $1 and ${entityColumn} = $2`,
    [organizationId, entityId],
  );
  return rows[0];
}

/**
 * Runs `work` over the items a few at a time: the rows of a page are independent (their
 * dependencies were pushed by an earlier phase), and each waits mostly on PostgreSQL and QuickBooks.
 */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>, width = 6): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

function jobIdOf(...parts: Array<string | number>): string {
  const hex = createHash('sha256').update(parts.join(':')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-b${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
