import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookSignature } from './crypto.js';
import { fromQuickBooksAmount, toQuickBooksAmount } from './money.js';

/**
 * A local stand-in of QuickBooks Online's v3 API, for tests and `npm start`'s demo: there is no
 * network here. It behaves as Intuit documents it, on the wire the real client speaks:
 *
 * - OAuth 2: /connect/oauth2 approves at once and redirects with code, state and realmId;
 *   /oauth2/v1/tokens/bearer exchanges a code or a refresh token (Basic client credentials;
 *   a refresh token is single-use: refreshing rotates it); /oauth2/v1/tokens/revoke.
 *   Access tokens expire (expires_in), and a token only opens its own company.
 * - /v3/company/{realm}/{customer|invoice|payment}: create, read, sparse update with SyncToken
 *   (a stale one answers Fault code 5010), DisplayName unique among customers (6240),
 *   `requestid` idempotency, invoice void, payments that reduce their invoices' Balance.
 * - /v3/company/{realm}/query with `select * | count(*) from X where F = 'v' [and …]
 *   [startposition n] [maxresults m]` (inactive customers only when asked for), and
 *   /v3/company/{realm}/cdc?entities=…&changedSince=….
 * - `minorversion` on every call (below 75 is served as 75, as Intuit does since 2025), 429 with
 *   Retry-After when throttled, and signed webhooks (intuit-signature) to a registered URL.
 *
 * Test hooks (not part of QuickBooks): throttle, expire and refuse tokens, edit an object as an
 * accountant would in QuickBooks, and look at every request.
 */

export interface StandInOptions {
  clientId?: string;
  clientSecret?: string;
  webhookVerifier?: string;
  /** Seconds an access token lives (QuickBooks: 3600). */
  accessTokenSeconds?: number;
  /** Requests per realm per minute before 429 (QuickBooks: 500); 0 = unlimited. */
  requestsPerMinute?: number;
  port?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  realmId?: string;
  /** The realm the presented access token belongs to. */
  tokenRealmId?: string;
  requestId?: string;
  minorVersion?: string;
  status: number;
}

type Entity = 'Customer' | 'Invoice' | 'Payment';
type QbObject = Record<string, any> & { Id: string; SyncToken: string };

interface Company {
  realmId: string;
  objects: Record<Entity, Map<string, QbObject>>;
  nextId: number;
  requestIds: Map<string, { status: number; body: unknown }>;
  /** Minute window for the rate limit. */
  window: { start: number; count: number };
}

const ENTITIES: Record<string, Entity> = { customer: 'Customer', invoice: 'Invoice', payment: 'Payment' };

export class QuickBooksStandIn {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly webhookVerifier: string;
  readonly requests: RecordedRequest[] = [];
  private readonly companies = new Map<string, Company>();
  private readonly codes = new Map<string, { realmId: string; redirectUri: string }>();
  private readonly accessTokens = new Map<string, { realmId: string; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, { realmId: string }>();
  private readonly revoked = new Set<string>();
  private throttled = 0;
  private throttleSeconds = 1;
  private failures = 0;
  private webhookUrl: string | undefined;
  private server!: http.Server;
  url = '';
  /** Realm ids in order of approval; the next approval makes a new company unless one is queued. */
  private readonly nextRealms: string[] = [];

  constructor(private readonly options: StandInOptions = {}) {
    this.clientId = options.clientId ?? 'standin-client';
    this.clientSecret = options.clientSecret ?? 'standin-secret';
    this.webhookVerifier = options.webhookVerifier ?? 'standin-webhook-verifier';
  }

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch((error) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ Fault: { Error: [{ Message: 'Internal error', Detail: String(error), code: '10000' }], type: 'SystemFault' } }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(this.options.port ?? 0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The environment that points the real client at this stand-in. */
  env(): Record<string, string> {
    return {
      UBOS_QUICKBOOKS_API_URL: this.url,
      UBOS_QUICKBOOKS_OAUTH_URL: this.url,
      UBOS_QUICKBOOKS_AUTHORIZE_URL: `${this.url}/connect/oauth2`,
      UBOS_QUICKBOOKS_CLIENT_ID: this.clientId,
      UBOS_QUICKBOOKS_CLIENT_SECRET: this.clientSecret,
      UBOS_QUICKBOOKS_WEBHOOK_VERIFIER: this.webhookVerifier,
    };
  }

  // ---------------------------------------------------------------------------------------
  // Test hooks
  // ---------------------------------------------------------------------------------------

  /** The next approval connects this realm (else a new one is made). */
  approveAs(realmId: string): void {
    this.nextRealms.push(realmId);
  }
  /** Answers the next `count` API calls with 429 and Retry-After. */
  throttle(count: number, retryAfterSeconds = 1): void {
    this.throttled = count;
    this.throttleSeconds = retryAfterSeconds;
  }
  /** Answers the next `count` API calls with 503. */
  fail(count: number): void {
    this.failures = count;
  }
  /** Every access token of the realm expires now (the next call answers 401). */
  expireAccessTokens(realmId: string): void {
    for (const token of this.accessTokens.values()) if (token.realmId === realmId) token.expiresAt = 0;
  }
  /** The realm's refresh tokens are refused from now on (the user revoked the app in QuickBooks). */
  refuseRefreshTokens(realmId: string): void {
    for (const [token, entry] of this.refreshTokens) if (entry.realmId === realmId) this.revoked.add(token);
  }
  /** Sends signed change notifications, as QuickBooks does, to this URL. */
  registerWebhook(url: string): void {
    this.webhookUrl = url;
  }
  objects(realmId: string, entity: Entity): QbObject[] {
    return [...(this.companies.get(realmId)?.objects[entity].values() ?? [])];
  }
  object(realmId: string, entity: Entity, id: string): QbObject | undefined {
    return this.companies.get(realmId)?.objects[entity].get(id);
  }
  /** An accountant edits the object in QuickBooks: the fields change and the SyncToken moves on. */
  edit(realmId: string, entity: Entity, id: string, fields: Record<string, unknown>): QbObject {
    const company = this.company(realmId);
    const current = company.objects[entity].get(id);
    if (!current) throw new Error(`no ${entity} ${id} in ${realmId}`);
    const updated = this.touch({ ...current, ...fields }, current);
    company.objects[entity].set(id, updated);
    void this.notify(realmId, entity, id, 'Update');
    return updated;
  }
  /** A payment made in QuickBooks (e.g. received through QuickBooks Payments). */
  receivePayment(realmId: string, fields: Record<string, unknown>): QbObject {
    const company = this.company(realmId);
    const payment = this.insert(company, 'Payment', fields);
    this.applyPayment(company, payment, 1);
    void this.notify(realmId, 'Payment', payment.Id, 'Create');
    return payment;
  }
  company(realmId: string): Company {
    let company = this.companies.get(realmId);
    if (!company) {
      company = { realmId, objects: { Customer: new Map(), Invoice: new Map(), Payment: new Map() }, nextId: 1, requestIds: new Map(), window: { start: Date.now(), count: 0 } };
      this.companies.set(realmId, company);
    }
    return company;
  }

  // ---------------------------------------------------------------------------------------
  // HTTP
  // ---------------------------------------------------------------------------------------

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', intuit_tid: randomBytes(8).toString('hex'), ...headers });
      response.end(JSON.stringify(body));
      return status;
    };
    const record: RecordedRequest = { method: request.method ?? 'GET', path: url.pathname, status: 0 };
    this.requests.push(record);

    if (url.pathname === '/connect/oauth2') {
      const realmId = this.nextRealms.shift() ?? String(9130000000000000 + this.companies.size + 1);
      this.company(realmId);
      const code = `code-${randomBytes(12).toString('hex')}`;
      const redirectUri = url.searchParams.get('redirect_uri') ?? '';
      if (url.searchParams.get('client_id') !== this.clientId) return void (record.status = send(400, { error: 'invalid_client' }));
      this.codes.set(code, { realmId, redirectUri });
      const target = new URL(redirectUri);
      target.searchParams.set('code', code);
      target.searchParams.set('state', url.searchParams.get('state') ?? '');
      target.searchParams.set('realmId', realmId);
      response.writeHead(302, { location: target.toString() });
      response.end();
      record.status = 302;
      return;
    }
    if (url.pathname.startsWith('/oauth2/v1/tokens/')) {
      record.status = this.oauth(url.pathname, request.headers.authorization, raw, send);
      return;
    }
    const match = /^\/v3\/company\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!match) return void (record.status = send(404, { Fault: { Error: [{ Message: 'Not found', code: '610' }], type: 'ValidationFault' } }));
    const realmId = decodeURIComponent(match[1]!);
    record.realmId = realmId;
    record.requestId = url.searchParams.get('requestid') ?? undefined;
    record.minorVersion = url.searchParams.get('minorversion') ?? undefined;

    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ? this.accessTokens.get(bearer) : undefined;
    record.tokenRealmId = token?.realmId;
    if (!token || token.expiresAt < Date.now() || token.realmId !== realmId) {
      record.status = send(401, { fault: { error: [{ message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail: 'Token expired or not valid for this company', code: '3200' }], type: 'AUTHENTICATION' } });
      return;
    }
    const company = this.company(realmId);
    if (this.throttled > 0 || this.overLimit(company)) {
      if (this.throttled > 0) this.throttled -= 1;
      record.status = send(429, { Fault: { Error: [{ Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429', Detail: 'The request limit was reached.', code: '3001' }], type: 'SERVICE' } }, { 'retry-after': String(this.throttleSeconds) });
      return;
    }
    if (this.failures > 0) {
      this.failures -= 1;
      record.status = send(503, { Fault: { Error: [{ Message: 'Service unavailable', code: '10000' }], type: 'SystemFault' } });
      return;
    }
    const minor = Number(url.searchParams.get('minorversion') ?? '0');
    if (url.searchParams.has('minorversion') && !Number.isInteger(minor)) {
      return void (record.status = send(400, fault('ValidationFault', '2010', 'Request has invalid or unsupported property', 'minorversion must be an integer')));
    }
    const requestId = url.searchParams.get('requestid');
    const replay = requestId ? company.requestIds.get(requestId) : undefined;
    if (replay) return void (record.status = send(replay.status, replay.body));
    const [status, body] = this.api(company, request.method ?? 'GET', match[2]!, url, raw);
    if (requestId && request.method === 'POST' && status === 200) company.requestIds.set(requestId, { status, body });
    record.status = send(status, { ...(body as object), time: new Date().toISOString() });
  }

  private overLimit(company: Company): boolean {
    const limit = this.options.requestsPerMinute ?? 0;
    if (!limit) return false;
    const now = Date.now();
    if (now - company.window.start >= 60_000) company.window = { start: now, count: 0 };
    company.window.count += 1;
    return company.window.count > limit;
  }

  private oauth(path: string, authorization: string | undefined, raw: string, send: (status: number, body: unknown) => number): number {
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (authorization !== expected) return send(401, { error: 'invalid_client' });
    if (path === '/oauth2/v1/tokens/revoke') {
      const { token } = JSON.parse(raw || '{}') as { token?: string };
      if (token) {
        this.revoked.add(token);
        const entry = this.refreshTokens.get(token);
        if (entry) for (const [access, value] of this.accessTokens) if (value.realmId === entry.realmId) this.accessTokens.delete(access);
      }
      return send(200, {});
    }
    const form = new URLSearchParams(raw);
    let realmId: string;
    if (form.get('grant_type') === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      if (!code || code.redirectUri !== form.get('redirect_uri')) return send(400, { error: 'invalid_grant' });
      this.codes.delete(form.get('code')!);
      realmId = code.realmId;
    } else if (form.get('grant_type') === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      const entry = this.refreshTokens.get(presented);
      if (!entry || this.revoked.has(presented)) return send(400, { error: 'invalid_grant' });
      // Rotation: the old refresh token stops working once a new one is issued.
      this.refreshTokens.delete(presented);
      realmId = entry.realmId;
    } else {
      return send(400, { error: 'unsupported_grant_type' });
    }
    const accessToken = `at-${randomBytes(16).toString('hex')}`;
    const refreshToken = `rt-${randomBytes(16).toString('hex')}`;
    const seconds = this.options.accessTokenSeconds ?? 3600;
    this.accessTokens.set(accessToken, { realmId, expiresAt: Date.now() + seconds * 1000 });
    this.refreshTokens.set(refreshToken, { realmId });
    return send(200, { access_token: accessToken, refresh_token: refreshToken, token_type: 'bearer', expires_in: seconds, x_refresh_token_expires_in: 8_726_400 });
  }

  private api(company: Company, method: string, rest: string, url: URL, raw: string): [number, unknown] {
    if (method === 'GET' && rest === 'query') return this.query(company, url.searchParams.get('query') ?? '');
    if (method === 'GET' && rest === 'cdc') return this.cdc(company, url.searchParams.get('entities') ?? '', url.searchParams.get('changedSince') ?? '');
    const [name, id] = rest.split('/');
    const entity = ENTITIES[name ?? ''];
    if (!entity) return [400, fault('ValidationFault', '610', 'Object Not Found', `Unsupported entity ${name}`)];
    if (method === 'GET' && id) {
      const found = company.objects[entity].get(decodeURIComponent(id));
      return found ? [200, { [entity]: found }] : [400, fault('ValidationFault', '610', 'Object Not Found', `Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.`)];
    }
    if (method !== 'POST') return [405, fault('ValidationFault', '2000', 'Method not allowed', method)];
    let body: Record<string, any>;
    try {
      body = JSON.parse(raw) as Record<string, any>;
    } catch {
      return [400, fault('ValidationFault', '2000', 'Request has invalid or unsupported property', 'The body is not JSON')];
    }
    const operation = url.searchParams.get('operation');
    if (!body.Id) return this.create(company, entity, body);
    const current = company.objects[entity].get(String(body.Id));
    if (!current) return [400, fault('ValidationFault', '610', 'Object Not Found', `${entity} ${body.Id}`)];
    if (String(body.SyncToken) !== current.SyncToken) {
      return [400, fault('ValidationFault', '5010', 'Stale Object Error', `Stale Object Error : You and ${'someone else'} were working on this at the same time. ${entity} Id=${body.Id} SyncToken=${body.SyncToken} is not the current ${current.SyncToken}`)];
    }
    if (entity === 'Invoice' && operation === 'void') {
      const voided = this.touch({ ...current, Line: [], TotalAmt: 0, Balance: 0, PrivateNote: `Voided${current.PrivateNote ? ` - ${current.PrivateNote}` : ''}` }, current);
      company.objects.Invoice.set(voided.Id, voided);
      void this.notify(company.realmId, 'Invoice', voided.Id, 'Void');
      return [200, { Invoice: voided }];
    }
    if (operation === 'delete') {
      if (entity === 'Customer') return [400, fault('ValidationFault', '6000', 'A business validation error has occurred', 'Customers cannot be deleted; make them inactive (Active: false)')];
      company.objects[entity].delete(current.Id);
      if (entity === 'Payment') this.applyPayment(company, current, -1);
      void this.notify(company.realmId, entity, current.Id, 'Delete');
      return [200, { [entity]: { Id: current.Id, status: 'Deleted', domain: 'QBO' } }];
    }
    // A full update replaces the writable fields; a sparse one changes only those given.
    const { sparse, Id: _id, SyncToken: _token, ...changes } = body;
    const merged = sparse ? { ...current, ...changes } : { Id: current.Id, SyncToken: current.SyncToken, MetaData: current.MetaData, ...changes };
    const invalid = this.validate(company, entity, merged, current.Id);
    if (invalid) return invalid;
    if (entity === 'Payment') this.applyPayment(company, current, -1);
    const updated = this.touch(this.derive(entity, merged), current);
    company.objects[entity].set(updated.Id, updated);
    if (entity === 'Payment') this.applyPayment(company, updated, 1);
    void this.notify(company.realmId, entity, updated.Id, 'Update');
    return [200, { [entity]: updated }];
  }

  private create(company: Company, entity: Entity, body: Record<string, any>): [number, unknown] {
    const invalid = this.validate(company, entity, body, undefined);
    if (invalid) return invalid;
    const created = this.insert(company, entity, body);
    if (entity === 'Payment') this.applyPayment(company, created, 1);
    void this.notify(company.realmId, entity, created.Id, 'Create');
    return [200, { [entity]: created }];
  }

  private insert(company: Company, entity: Entity, body: Record<string, any>): QbObject {
    const id = String(company.nextId++);
    const now = new Date().toISOString();
    const object = this.derive(entity, { ...(entity === 'Customer' ? { Active: true } : {}), ...body, Id: id, SyncToken: '0', MetaData: { CreateTime: now, LastUpdatedTime: now } });
    if (entity === 'Invoice') object.Balance = object.TotalAmt;
    company.objects[entity].set(id, object);
    return object;
  }

  private validate(company: Company, entity: Entity, body: Record<string, any>, id: string | undefined): [number, unknown] | undefined {
    if (entity === 'Customer') {
      const name = String(body.DisplayName ?? '').trim();
      if (!name) return [400, fault('ValidationFault', '6000', 'A business validation error has occurred', 'DisplayName is required')];
      if (name.length > 500) return [400, fault('ValidationFault', '2050', 'String length is either shorter or longer than supported by specification', 'DisplayName')];
      // DisplayName is unique among every customer, vendor and employee of the company, active or not.
      for (const other of company.objects.Customer.values()) {
        if (other.Id !== id && String(other.DisplayName).toLowerCase() === name.toLowerCase()) {
          return [400, fault('ValidationFault', '6240', 'Duplicate Name Exists Error', `The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name. Id=${other.Id}`)];
        }
      }
    }
    if (entity === 'Invoice' || entity === 'Payment') {
      const ref = body.CustomerRef?.value;
      const customer = ref ? company.objects.Customer.get(String(ref)) : undefined;
      if (!customer) return [400, fault('ValidationFault', '2500', 'Invalid Reference Id', `Invalid Reference Id : Customer assigned to this transaction does not exist: ${ref}`)];
    }
    if (entity === 'Invoice' && !Array.isArray(body.Line)) return [400, fault('ValidationFault', '2020', 'Required param missing, need to supply the required value for the API', 'Line')];
    if (entity === 'Payment') {
      for (const line of body.Line ?? []) {
        for (const linked of line.LinkedTxn ?? []) {
          if (linked.TxnType === 'Invoice' && !company.objects.Invoice.has(String(linked.TxnId))) return [400, fault('ValidationFault', '2500', 'Invalid Reference Id', `Invoice ${linked.TxnId}`)];
        }
      }
    }
    return undefined;
  }

  /** Totals QuickBooks computes itself: an invoice's TotalAmt from its lines and tax. */
  private derive(entity: Entity, object: Record<string, any>): QbObject {
    if (entity === 'Invoice' && Array.isArray(object.Line)) {
      // In the currency's own precision (JPY 0 digits, KWD 3), as QuickBooks does.
      const currency = currencyOf(object);
      const lines = object.Line.filter((line: any) => line.DetailType === 'SalesItemLineDetail');
      const subtotal = lines.reduce((sum: number, line: any) => sum + fromQuickBooksAmount(line.Amount, currency), 0);
      const tax = fromQuickBooksAmount(object.TxnTaxDetail?.TotalTax ?? 0, currency);
      object.TotalAmt = toQuickBooksAmount(subtotal + tax, currency);
    }
    return object as QbObject;
  }

  private applyPayment(company: Company, payment: QbObject, sign: 1 | -1): void {
    for (const line of payment.Line ?? []) {
      for (const linked of line.LinkedTxn ?? []) {
        const invoice = company.objects.Invoice.get(String(linked.TxnId));
        if (!invoice) continue;
        const currency = currencyOf(invoice);
        invoice.Balance = toQuickBooksAmount(fromQuickBooksAmount(invoice.Balance, currency) - sign * fromQuickBooksAmount(line.Amount, currency), currency);
      }
    }
  }

  private touch(next: Record<string, any>, previous: QbObject): QbObject {
    return {
      ...next,
      Id: previous.Id,
      SyncToken: String(Number(previous.SyncToken) + 1),
      MetaData: { CreateTime: previous.MetaData?.CreateTime ?? new Date().toISOString(), LastUpdatedTime: new Date().toISOString() },
    } as QbObject;
  }

  private query(company: Company, statement: string): [number, unknown] {
    const parsed = /^\s*select\s+(\*|count\(\*\))\s+from\s+(\w+)(?:\s+where\s+(.+?))?(?:\s+orderby\s+\w+(?:\s+(?:asc|desc))?)?(?:\s+startposition\s+(\d+))?(?:\s+maxresults\s+(\d+))?\s*$/i.exec(statement);
    const entity = parsed ? (Object.values(ENTITIES).find((name) => name.toLowerCase() === parsed[2]!.toLowerCase()) as Entity | undefined) : undefined;
    if (!parsed || !entity) return [400, fault('ValidationFault', '4000', 'Error parsing query', `QueryParserError: Encountered an unexpected token in ${statement}`)];
    const conditions: Array<(object: QbObject) => boolean> = [];
    let activeAsked = false;
    for (const part of parsed[3] ? parsed[3].split(/\s+and\s+/i) : []) {
      const condition = /^(\w+(?:\.\w+)?)\s*(=|in)\s*(.+)$/i.exec(part.trim());
      if (!condition) return [400, fault('ValidationFault', '4000', 'Error parsing query', part)];
      const [, field, operator, rawValue] = condition;
      if (field === 'Active') activeAsked = true;
      const values = operator!.toLowerCase() === 'in' ? rawValue!.replace(/^\(|\)$/g, '').split(',').map(literal) : [literal(rawValue!)];
      conditions.push((object) => values.includes(String(path(object, field!))));
    }
    if (entity === 'Customer' && !activeAsked) conditions.push((object) => object.Active !== false);
    const matching = [...company.objects[entity].values()].filter((object) => conditions.every((condition) => condition(object)));
    if (parsed[1] !== '*') return [200, { QueryResponse: { totalCount: matching.length } }];
    const start = Math.max(1, Number(parsed[4] ?? 1));
    const max = Math.min(1000, Number(parsed[5] ?? 100));
    const page = matching.slice(start - 1, start - 1 + max);
    return [200, { QueryResponse: page.length ? { [entity]: page, startPosition: start, maxResults: page.length } : {} }];
  }

  private cdc(company: Company, entities: string, changedSince: string): [number, unknown] {
    const since = Date.parse(changedSince);
    if (Number.isNaN(since)) return [400, fault('ValidationFault', '2010', 'Request has invalid or unsupported property', 'changedSince')];
    if (Date.now() - since > 30 * 24 * 3600 * 1000) return [400, fault('ValidationFault', '2010', 'Request has invalid or unsupported property', 'changedSince is more than 30 days ago')];
    const responses = entities
      .split(',')
      .map((name) => Object.values(ENTITIES).find((entity) => entity.toLowerCase() === name.trim().toLowerCase()))
      .filter((entity): entity is Entity => Boolean(entity))
      .map((entity) => ({ [entity]: [...company.objects[entity].values()].filter((object) => Date.parse(object.MetaData?.LastUpdatedTime ?? '') >= since) }));
    return [200, { CDCResponse: [{ QueryResponse: responses }] }];
  }

  private async notify(realmId: string, entity: Entity, id: string, operation: string): Promise<void> {
    if (!this.webhookUrl) return;
    const body = JSON.stringify({ eventNotifications: [{ realmId, dataChangeEvent: { entities: [{ name: entity, id, operation, lastUpdated: new Date().toISOString() }] } }] });
    await fetch(this.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'intuit-signature': webhookSignature(this.webhookVerifier, body) }, body }).catch(() => undefined);
  }
}

/** An object's currency; the company's home currency (USD here) when it names none. */
function currencyOf(object: Record<string, any>): string {
  return String(object.CurrencyRef?.value ?? 'USD');
}

function fault(type: string, code: string, message: string, detail: string) {
  return { Fault: { Error: [{ Message: message, Detail: detail, code }], type } };
}

function literal(raw: string): string {
  return raw.trim().replace(/^'(.*)'$/s, '$1').replace(/\\'/g, "'");
}

function path(object: Record<string, any>, field: string): unknown {
  return field.split('.').reduce<any>((value, key) => value?.[key], object);
}

export async function startQuickBooksStandIn(options: StandInOptions = {}): Promise<QuickBooksStandIn> {
  return new QuickBooksStandIn(options).start();
}
