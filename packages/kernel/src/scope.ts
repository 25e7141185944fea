import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { beginWithPreamble, runInStatementScope, type StatementScope } from './db/orm.js';
import { actorLabel, type InternalContext } from './auth/internal-context.js';

/**
 * The database side of one subgraph fetch: a forked EntityManager and the transactions run
 * on it. Isolation layer (c) lives here: the tenant is set with set_config(..., true), which
 * is local to a transaction, so it can never leak to the next user of a pooled connection.
 * Each root mutation field gets its own transaction, which starts by setting it. Everything
 * else the fetch reads (a query, and the fields below a mutation's result) is sent outside a
 * transaction, each statement carrying the settings and read-only in its own message (see
 * StatementScope in ./db/orm.ts); `run` marks the work those statements belong to.
 */
const { escapeLiteral } = pg;

/**
 * Thrown by a mutation that refuses but must keep what it wrote (a refresh token presented a
 * second time ends its session, and the refusal must not undo that): the transaction commits,
 * then `refusal` is what the caller gets.
 */
export class RefuseAfterCommit extends Error {
  constructor(readonly refusal: Error) {
    super(refusal.message);
  }
}

export class RequestScope implements StatementScope {
  private transactionOpen = false;
  private ended = false;
  private readSettings: string | undefined;
  private readonly knexClient: object;
  private readonly onReset: Array<() => void> = [];
  private committed: Array<() => void> = [];

  constructor(
    readonly em: EntityManager,
    private context: InternalContext,
  ) {
    if (context.organizationId) em.setFilterParams('tenant', { organizationId: context.organizationId });
    this.knexClient = em.getConnection().getKnex().client;
  }

  get organizationId(): string | null {
    return this.context.organizationId;
  }

  get actor(): InternalContext['actor'] {
    return this.context.actor;
  }

  /** Called when the identity map and loaders must be dropped (after a write or a rollback). */
  onResetCaches(listener: () => void): void {
    this.onReset.push(listener);
  }

  /**
   * Runs `callback` once the current mutation's transaction commits, and never if it rolls
   * back: for telling others of a change only when it is real.
   */
  afterCommit(callback: () => void): void {
    this.committed.push(callback);
  }

  /**
   * Switches the fetch to a tenant after the fact. Only login does this, once it has checked
   * the password. It applies to the open transaction and to every later one of the fetch.
   */
  async switchTenant(organizationId: string, actor: InternalContext['actor']): Promise<void> {
    this.context = { ...this.context, organizationId, actor };
    this.readSettings = undefined;
    this.em.setFilterParams('tenant', { organizationId });
    if (this.transactionOpen) await this.applySettings();
    this.resetCaches();
  }

  /** Runs the fetch's work: what it reads outside a transaction reads as this tenant. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return runInStatementScope(this, work);
  }

  readSettingsFor(knexClient: object): string | undefined {
    if (this.ended || knexClient !== this.knexClient) return undefined;
    this.readSettings ??= `${this.settingsSql()}, set_config('transaction_read_only', 'on', true)`;
    return this.readSettings;
  }

  async runInTransaction<T>(work: () => Promise<T>): Promise<T> {
    await this.rollbackOpenTransaction();
    await this.begin();
    try {
      const result = await work();
      await this.commit();
      return result;
    } catch (error) {
      if (error instanceof RefuseAfterCommit && this.transactionOpen) {
        await this.commit();
        throw error.refusal;
      }
      this.transactionOpen = false;
      this.committed = [];
      await this.em.rollback().catch(() => undefined);
      this.em.clear();
      this.resetCaches();
      throw error;
    }
  }

  /** Commits, then runs what waited for the commit (afterCommit), once. */
  private async commit(): Promise<void> {
    await this.em.commit();
    this.transactionOpen = false;
    this.resetCaches();
    const callbacks = this.committed;
    this.committed = [];
    for (const callback of callbacks) callback();
  }

  /**
   * Ends the fetch: statements sent after this (by a timer it started, say) carry no settings,
   * and a transaction it left open, which only an interrupted mutation can, is rolled back.
   */
  async end(): Promise<void> {
    this.ended = true;
    this.committed = [];
    await this.rollbackOpenTransaction();
  }

  private async rollbackOpenTransaction(): Promise<void> {
    if (!this.transactionOpen) return;
    this.transactionOpen = false;
    await this.em.rollback();
  }

  // The settings travel with the BEGIN, in one round trip (see beginWithPreamble).
  private async begin(): Promise<void> {
    await beginWithPreamble(this.settingsSql(), () => this.em.begin());
    this.transactionOpen = true;
  }

  private async applySettings(): Promise<void> {
    await this.em.execute(this.settingsSql());
  }

  /** set_config(..., true) of the tenant, actor, request id, address and user agent, as literal SQL. */
  private settingsSql(): string {
    const settings: Array<[string, string]> = [
      ['app.organization_id', this.context.organizationId ?? ''],
      ['app.actor', actorLabel(this.context.actor)],
      ['app.request_id', this.context.requestId],
      ['app.ip', this.context.ip ?? ''],
      ['app.user_agent', this.context.userAgent ?? ''],
    ];
    return `select ${settings.map(([name, value]) => `set_config('${name}', ${escapeLiteral(value)}, true)`).join(', ')}`;
  }

  private resetCaches(): void {
    for (const listener of this.onReset) listener();
  }
}
