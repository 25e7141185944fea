import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { EntityManager, EntitySchema } from '@mikro-orm/postgresql';
import type { DocumentNode } from 'graphql';
import type { Actor } from '../auth/internal-context.js';
import type { RequestScope } from '../scope.js';
import type { DeliveredEvent, EventPhase } from '../events/delivery.js';

// The shapes a subgraph is made of. Types only: the runtime (./subgraph.ts), the loaders and
// the write path all depend on them, and they depend on none of those.

/**
 * What every resolver of every subgraph receives: one per fetch, never shared. It is the
 * codegen `contextType` of each subgraph.
 */
export interface SubgraphContext<Loaders> {
  requestId: string;
  actor: Actor;
  ip?: string;
  userAgent?: string;
  scope: RequestScope;
  /** The fork of this fetch, with the tenant filter set. */
  readonly em: EntityManager;
  /** Fresh per fetch, and rebuilt after each write so that no loader serves stale rows. */
  readonly loaders: Loaders;
  /** The tenant of this fetch; throws UNAUTHENTICATED when the fetch has none. */
  organizationId(): string;
}

/**
 * An entity of another subgraph, known here only by its key: the gateway asks the owning
 * subgraph for the rest (`@key(fields: "id")`).
 */
export interface EntityReference {
  id: string;
}

export interface SubgraphDefinition<Loaders> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<any>;
  entities: EntitySchema<any, any>[];
  createLoaders(scope: LoaderScope): Loaders;
  /** This subgraph's handlers of outbox events, by event type (see events/delivery.ts). */
  events?: Record<string, EventHandler<Loaders>>;
}

/**
 * What a subgraph's loaders are built from. The kernel makes one per fetch, and again after
 * every write, so no loader ever serves a row from before a change.
 */
export interface LoaderScope {
  /** The fork of this fetch, with the tenant filter set. */
  em: EntityManager;
  organizationId: string | null;
  /**
   * The fetch's operation asks for a `totalCount` somewhere. Child pages then count each
   * parent's rows in the same statement; otherwise they do not count at all, and a
   * totalCount that is still asked (never, in practice) is counted in a batch of its own.
   */
  countsTotals: boolean;
}

/** A subgraph's handler of one outbox event type (../events/delivery.ts delivers it). */
export interface EventHandler<Loaders = any> {
  phase?: EventPhase;
  /**
   * Runs in one transaction of the event's tenant, as the event's actor and request id, after
   * the inbox row (event, subgraph:<name>) was claimed in that same transaction: a redelivered
   * event finds the row and does nothing, and a failure leaves neither.
   */
  handle(ctx: SubgraphContext<Loaders>, event: DeliveredEvent<any>): Promise<void>;
}
