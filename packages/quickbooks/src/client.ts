import type { QuickBooksSettings } from './config.js';

/**
 * A small typed client of the QuickBooks Online v3 REST API over fetch. `node-quickbooks` and
 * `intuit-oauth` hard-code Intuit's hosts (only a sandbox switch), so they cannot be pointed at
 * the local stand-in; this client takes every address from QuickBooksSettings and speaks the same
 * wire format: OAuth 2 (authorization code, refresh, revoke), JSON entities with Id and
 * SyncToken, sparse updates, the query language, Change Data Capture, `requestid` for
 * idempotent writes and `minorversion` on every call.
 */

export type QuickBooksEntity = 'Customer' | 'Invoice' | 'Payment';

export interface QuickBooksObject {
  Id: string;
  SyncToken: string;
  MetaData?: { CreateTime: string; LastUpdatedTime: string };
  [field: string]: unknown;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

export type QuickBooksErrorKind = 'STALE_OBJECT' | 'DUPLICATE_NAME' | 'THROTTLED' | 'UNAUTHORIZED' | 'INVALID_GRANT' | 'NOT_FOUND' | 'VALIDATION' | 'UNAVAILABLE';

/** A refusal of QuickBooks, with its code (5010 stale SyncToken, 6240 duplicate DisplayName, …). */
export class QuickBooksError extends Error {
  constructor(
    message: string,
    readonly kind: QuickBooksErrorKind,
    readonly status: number,
    readonly code?: string,
    /** Seconds to wait, from Retry-After, when throttled. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

const kindOfCode = (status: number, code: string | undefined): QuickBooksErrorKind => {
  if (status === 429 || code === '3001') return 'THROTTLED';
  if (status === 401 || code === '3200' || code === '100') return 'UNAUTHORIZED';
  if (code === '5010') return 'STALE_OBJECT';
  if (code === '6240') return 'DUPLICATE_NAME';
  if (code === '610' || status === 404) return 'NOT_FOUND';
  if (status >= 500) return 'UNAVAILABLE';
  return 'VALIDATION';
};

async function readError(response: Response): Promise<QuickBooksError> {
  const text = await response.text().catch(() => '');
  let code: string | undefined;
  let message = `QuickBooks answered HTTP ${response.status}`;
  try {
    const body = JSON.parse(text) as { Fault?: { Error?: Array<{ Message?: string; Detail?: string; code?: string }> }; fault?: { error?: Array<{ message?: string; code?: string }> }; error?: string };
    const error = body.Fault?.Error?.[0];
    const lower = body.fault?.error?.[0];
    if (error) {
      code = error.code;
      message = `${error.Message ?? 'Error'} (${error.code}): ${error.Detail ?? ''}`.trim();
    } else if (lower) {
      code = lower.code;
      message = lower.message ?? message;
    } else if (body.error) {
      return new QuickBooksError(`OAuth: ${body.error}`, body.error === 'invalid_grant' ? 'INVALID_GRANT' : 'VALIDATION', response.status, body.error);
    }
  } catch {
    // Not JSON: keep the status line.
  }
  const retryAfter = response.headers.get('retry-after');
  return new QuickBooksError(message, kindOfCode(response.status, code), response.status, code, retryAfter ? Math.max(0, Number(retryAfter)) || 1 : undefined);
}

export class QuickBooksClient {
  constructor(private readonly settings: QuickBooksSettings) {}

  /** Where to send the user's browser to approve the connection. */
  authorizationUrl(state: string, redirectUri: string): string {
    const url = new URL(this.settings.authorizeUrl);
    url.searchParams.set('client_id', this.settings.clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', 'com.intuit.quickbooks.accounting');
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('state', state);
    return url.toString();
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.settings.timeoutMs), redirect: 'manual' });
    } catch (error) {
      throw new QuickBooksError(`QuickBooks did not answer: ${(error as Error).message}`, 'UNAVAILABLE', 0);
    }
  }

  private async tokenRequest(form: Record<string, string>): Promise<TokenSet> {
    const response = await this.send(`${this.settings.oauthUrl}/oauth2/v1/tokens/bearer`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${this.settings.clientId}:${this.settings.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams(form).toString(),
    });
    if (!response.ok) throw await readError(response);
    const body = (await response.json()) as { access_token: string; refresh_token: string; expires_in: number; x_refresh_token_expires_in: number };
    const now = Date.now();
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      accessExpiresAt: new Date(now + body.expires_in * 1000),
      refreshExpiresAt: new Date(now + body.x_refresh_token_expires_in * 1000),
    };
  }

  exchangeCode(code: string, redirectUri: string): Promise<TokenSet> {
    return this.tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
  }

  refresh(refreshToken: string): Promise<TokenSet> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  async revoke(token: string): Promise<void> {
    const response = await this.send(`${this.settings.oauthUrl}/oauth2/v1/tokens/revoke`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${this.settings.clientId}:${this.settings.clientSecret}`).toString('base64')}`,
      },
      body: JSON.stringify({ token }),
    });
    if (!response.ok) throw await readError(response);
  }

  /** The accounting API of one company (realm), with one access token. */
  company(realmId: string, accessToken: string): CompanyApi {
    return new CompanyApi(this.settings, realmId, accessToken, (url, init) => this.send(url, init));
  }
}

export class CompanyApi {
  constructor(
    private readonly settings: QuickBooksSettings,
    readonly realmId: string,
    private readonly accessToken: string,
    private readonly send: (url: string, init: RequestInit) => Promise<Response>,
  ) {}

  private url(path: string, params: Record<string, string> = {}): string {
    const url = new URL(`${this.settings.apiUrl}/v3/company/${encodeURIComponent(this.realmId)}/${path}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    url.searchParams.set('minorversion', String(this.settings.minorVersion));
    return url.toString();
  }

  private async call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
    const response = await this.send(url, {
      method,
      headers: { accept: 'application/json', authorization: `Bearer ${this.accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw await readError(response);
    return (await response.json()) as T;
  }

  /**
   * Creates an object. `requestId` makes the write idempotent at QuickBooks: the same id again
   * answers the first result instead of creating a second object (a retry after a crash).
   */
  async create(entity: QuickBooksEntity, fields: Record<string, unknown>, requestId: string): Promise<QuickBooksObject> {
    const body = await this.call<Record<string, QuickBooksObject>>('POST', this.url(entity.toLowerCase(), { requestid: requestId }), fields);
    return body[entity]!;
  }

  /** A sparse update: only the fields given change. A stale SyncToken answers error 5010. */
  async update(entity: QuickBooksEntity, id: string, syncToken: string, fields: Record<string, unknown>, requestId: string): Promise<QuickBooksObject> {
    const body = await this.call<Record<string, QuickBooksObject>>('POST', this.url(entity.toLowerCase(), { requestid: requestId }), { ...fields, Id: id, SyncToken: syncToken, sparse: true });
    return body[entity]!;
  }

  /** Voids an invoice: it stays in the books with a zero amount. */
  async voidInvoice(id: string, syncToken: string, requestId: string): Promise<QuickBooksObject> {
    const body = await this.call<Record<string, QuickBooksObject>>('POST', this.url('invoice', { operation: 'void', requestid: requestId }), { Id: id, SyncToken: syncToken });
    return body.Invoice!;
  }

  async read(entity: QuickBooksEntity, id: string): Promise<QuickBooksObject> {
    const body = await this.call<Record<string, QuickBooksObject>>('GET', this.url(`${entity.toLowerCase()}/${encodeURIComponent(id)}`));
    return body[entity]!;
  }

  /** A query in QuickBooks' SQL-like language, e.g. select * from Customer where DisplayName = 'Acme'. */
  async query(entity: QuickBooksEntity, statement: string): Promise<QuickBooksObject[]> {
    const body = await this.call<{ QueryResponse: Record<string, QuickBooksObject[] | number> }>('GET', this.url('query', { query: statement }));
    return (body.QueryResponse[entity] as QuickBooksObject[] | undefined) ?? [];
  }

  /** Change Data Capture: every object of the given kinds changed since `since` (deleted ones with status Deleted). */
  async changedSince(entities: QuickBooksEntity[], since: Date): Promise<Record<QuickBooksEntity, QuickBooksObject[]>> {
    const body = await this.call<{ CDCResponse: Array<{ QueryResponse: Array<Record<string, QuickBooksObject[]>> }> }>(
      'GET',
      this.url('cdc', { entities: entities.join(','), changedSince: since.toISOString() }),
    );
    const result = Object.fromEntries(entities.map((entity) => [entity, [] as QuickBooksObject[]])) as Record<QuickBooksEntity, QuickBooksObject[]>;
    for (const response of body.CDCResponse[0]?.QueryResponse ?? []) {
      for (const entity of entities) if (response[entity]) result[entity].push(...response[entity]!);
    }
    return result;
  }
}
