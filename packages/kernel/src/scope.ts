import type { EntityManager } from '@mikro-orm/postgresql';
import { actorLabel, type InternalContext } from './auth/internal-context.js';

/**
 * The database side of one subgraph fetch: a forked EntityManager and the transactions run
 * on it. Isolation layer (c) lives here: every transaction starts by setting the tenant with
 * set_config(..., true), which is local to the transaction, so it can never leak to the next
 * user of a pooled connection. A query fetch is one read transaction. Each root mutation
 * field gets its own transaction, and the rest of the fetch reads in a fresh one.
 */
export class RequestScope {
  private transactionOpen = false;
  private readonly onReset: Array<() => void> = [];

  constructor(
    readonly em: EntityManager,
    private context: InternalContext,
  ) {
    if (context.organizationId) em.setFilterParams('tenant', { organizationId: context.organizationId });
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
   * Switches the fetch to a tenant after the fact. Only login does this, once it has checked
   * the password. It applies to the open transaction and to every later one of the fetch.
   */
  async switchTenant(organizationId: string, actor: InternalContext['actor']): Promise<void> {
    this.context = { ...this.context, organizationId, actor };
    this.em.setFilterParams('tenant', { organizationId });
    if (this.transactionOpen) await this.applySettings();
    this.resetCaches();
  }

  async beginRead(): Promise<void> {
    if (this.transactionOpen) return;
    await this.begin();
  }

  async runInTransaction<T>(work: () => Promise<T>): Promise<T> {
    await this.end();
    await this.begin();
    try {
      const result = await work();
      await this.em.commit();
      this.transactionOpen = false;
      this.resetCaches();
      return result;
    } catch (error) {
      this.transactionOpen = false;
      await this.em.rollback().catch(() => undefined);
      this.em.clear();
      this.resetCaches();
      throw error;
    } finally {
      // Fields below the mutation's result still read; they do so in a transaction of their own.
      await this.begin();
    }
  }

  /** Ends the fetch. A read transaction is rolled back: it has nothing to keep. */
  async end(): Promise<void> {
    if (!this.transactionOpen) return;
    this.transactionOpen = false;
    await this.em.rollback();
  }

  private async begin(): Promise<void> {
    await this.em.begin();
    this.transactionOpen = true;
    await this.applySettings();
  }

  private async applySettings(): Promise<void> {
    await this.em.execute(
      "select set_config('app.organization_id', ?, true), set_config('app.actor', ?, true), set_config('app.request_id', ?, true), " +
        "set_config('app.ip', ?, true), set_config('app.user_agent', ?, true)",
      [this.context.organizationId ?? '', actorLabel(this.context.actor), this.context.requestId, this.context.ip ?? '', this.context.userAgent ?? ''],
    );
  }

  private resetCaches(): void {
    for (const listener of this.onReset) listener();
  }
}
