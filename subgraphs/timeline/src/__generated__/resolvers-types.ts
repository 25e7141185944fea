import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ClientReference, ActivityEventConnectionModel, AuditCheckpointModel } from '../mappers.js';
import type { ActivityEventEntity } from '../entities/activity-event.entity.js';
import type { TimelineContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, ISO-8601 with an offset, e.g. 2026-01-15T09:30:00Z. */
  DateTime: { input: Date; output: Date | string; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  /** An integer in JavaScript's safe range (up to 2^53 - 1): enough for any amount in minor units. */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** What happened to the row. */
export type ActivityAction =
  /** The row was inserted. */
  | 'CREATED'
  /** The row was soft-deleted. */
  | 'DELETED'
  /** Personal values of the row were replaced by redaction markers (right to be forgotten). */
  | 'ERASED'
  /** The row was removed for good (an admin operation); its events stay. */
  | 'PURGED'
  /** A soft-deleted row was brought back. */
  | 'RESTORED'
  /** Fields of the row changed. */
  | 'UPDATED';

/**
 * One change of one row, written by the database in the transaction that made it: every
 * insert, update, soft delete, restore and purge of every tenant row has exactly one. Events
 * cannot be changed or removed, and each is a link of its organization's hash chain.
 */
export type ActivityEvent = {
  __typename?: 'ActivityEvent';
  action: ActivityAction;
  /** Who made it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /**
   * What changed, as { column: { from, to } }: the whole row (every from null) for CREATED, the
   * whole row (every to null) for PURGED. An erased value reads { ubos_redacted: true, digest }.
   */
  changes: Scalars['JSON']['output'];
  /** The client the row belongs to, when it belongs to one. */
  clientId: Maybe<Scalars['ID']['output']>;
  /** The id of the row that changed. */
  entityId: Scalars['ID']['output'];
  /** The kind of row, e.g. Client, Contact, Deal, Project, Milestone, Task, Membership. */
  entityType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The address of the caller, when the change came through the API. */
  ipAddress: Maybe<Scalars['String']['output']>;
  /** When the change was made (the start of its transaction). */
  occurredAt: Scalars['DateTime']['output'];
  /** The id of the request that made the change (the x-request-id header of its response). */
  requestId: Maybe<Scalars['String']['output']>;
  /**
   * Position in the organization's hash chain: 1, 2, 3… in the order the changes committed.
   * Newer events have higher numbers.
   */
  seq: Scalars['SafeInt']['output'];
  /** The caller's User-Agent header, when the change came through the API. */
  userAgent: Maybe<Scalars['String']['output']>;
};

/** A page of audit events. */
export type ActivityEventConnection = {
  __typename?: 'ActivityEventConnection';
  edges: Array<ActivityEventEdge>;
  pageInfo: PageInfo;
  /** Events matching the filter, across pages. */
  totalCount: Scalars['Int']['output'];
};

/** One audit event in a page, with its cursor. */
export type ActivityEventEdge = {
  __typename?: 'ActivityEventEdge';
  cursor: Scalars['String']['output'];
  node: ActivityEvent;
};

/** Narrows the activity list. All given conditions must hold. */
export type ActivityFilter = {
  /** Events with this action only. */
  action?: InputMaybe<ActivityAction>;
  /** Events of this actor only, e.g. user:<id> or system. */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** Events of this row only. */
  entityId?: InputMaybe<Scalars['ID']['input']>;
  /** The kind of row, e.g. Client. */
  entityType?: InputMaybe<Scalars['String']['input']>;
  /** Events that occurred at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Events that occurred before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** The result of checking an organization's audit chain link by link. */
export type AuditChainVerification = {
  __typename?: 'AuditChainVerification';
  /**
   * Null without a checkpoint. False when the checkpoint's signature does not verify, it is of
   * another organization, or the event at its seq no longer has its hash.
   */
  checkpointMatches: Maybe<Scalars['Boolean']['output']>;
  /** Events checked before the first broken one (all of them when the chain holds). */
  eventsChecked: Scalars['SafeInt']['output'];
  /** The first event whose link or hash does not hold, or that was never sealed into the chain. */
  firstBrokenEventId: Maybe<Scalars['ID']['output']>;
  /** True when every link holds and, if a checkpoint was given, it matches. */
  ok: Scalars['Boolean']['output'];
};

/**
 * The head of an organization's audit chain, signed with the platform key (a JWS, EdDSA). Keep
 * it outside the database: a later verifyAuditChain with it detects a chain that was rewritten
 * as a whole, which the chain alone cannot.
 */
export type AuditCheckpoint = {
  __typename?: 'AuditCheckpoint';
  /** The hash of that event; empty when the organization has none yet. */
  hash: Scalars['String']['output'];
  /** When the checkpoint was signed (whole seconds). */
  issuedAt: Scalars['DateTime']['output'];
  organizationId: Scalars['ID']['output'];
  /** The seq of the newest event; 0 when the organization has none yet. */
  seq: Scalars['SafeInt']['output'];
  /** The compact JWS over organizationId, seq, hash and issuedAt. It alone is authoritative. */
  signature: Scalars['String']['output'];
};

/**
 * A checkpoint from exportAuditCheckpoint, passed back as it was exported. Only the signature
 * is required; any other field given must equal what the signature says.
 */
export type AuditCheckpointInput = {
  hash?: InputMaybe<Scalars['String']['input']>;
  issuedAt?: InputMaybe<Scalars['DateTime']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  seq?: InputMaybe<Scalars['SafeInt']['input']>;
  signature: Scalars['String']['input'];
};

/**
 * The crm subgraph's golden record, extended here with everything that happened to the client
 * and to what belongs to it.
 */
export type Client = {
  __typename?: 'Client';
  id: Scalars['ID']['output'];
  /**
   * Every audit event of the client and of every entity that belongs to it (contacts, deals,
   * projects, milestones, tasks, and whatever later subgraphs add), newest first in commit order.
   */
  timeline: ActivityEventConnection;
};


/**
 * The crm subgraph's golden record, extended here with everything that happened to the client
 * and to what belongs to it.
 */
export type ClientTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** The organization's audit trail, newest first in commit order (by seq). */
  activity: ActivityEventConnection;
  /**
   * The signed head of the organization's audit chain, to keep outside the database. Owners and
   * admins only. CONFLICT when the chain does not verify: a broken chain is never signed.
   */
  exportAuditCheckpoint: AuditCheckpoint;
  /**
   * Checks the organization's audit hash chain, and with a checkpoint also that the chain still
   * contains the exported head. Owners and admins only (FORBIDDEN otherwise). NOT_FOUND on
   * organizationId for any organization but the token's.
   */
  verifyAuditChain: AuditChainVerification;
};


export type QueryActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActivityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryVerifyAuditChainArgs = {
  checkpoint?: InputMaybe<AuditCheckpointInput>;
  organizationId: Scalars['ID']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Client: Client;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Client:
    ( { __typename: 'Client' }
    & GraphQLRecursivePick<FederationTypes['Client'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ActivityAction: ActivityAction;
  ActivityEvent: ResolverTypeWrapper<ActivityEventEntity>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ActivityEventConnection: ResolverTypeWrapper<ActivityEventConnectionModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ActivityEventEdge: ResolverTypeWrapper<Omit<ActivityEventEdge, 'node'> & { node: ResolversTypes['ActivityEvent'] }>;
  ActivityFilter: ActivityFilter;
  AuditChainVerification: ResolverTypeWrapper<AuditChainVerification>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AuditCheckpoint: ResolverTypeWrapper<AuditCheckpointModel>;
  AuditCheckpointInput: AuditCheckpointInput;
  Client: ResolverTypeWrapper<ClientReference>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ActivityEvent: ActivityEventEntity;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  ActivityEventConnection: ActivityEventConnectionModel;
  Int: Scalars['Int']['output'];
  ActivityEventEdge: Omit<ActivityEventEdge, 'node'> & { node: ResolversParentTypes['ActivityEvent'] };
  ActivityFilter: ActivityFilter;
  AuditChainVerification: AuditChainVerification;
  Boolean: Scalars['Boolean']['output'];
  AuditCheckpoint: AuditCheckpointModel;
  AuditCheckpointInput: AuditCheckpointInput;
  Client: ClientReference;
  DateTime: Scalars['DateTime']['output'];
  JSON: Scalars['JSON']['output'];
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
};

export type ActivityEventResolvers<ContextType = TimelineContext, ParentType extends ResolversParentTypes['ActivityEvent'] = ResolversParentTypes['ActivityEvent']> = {
  action?: Resolver<ResolversTypes['ActivityAction'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  changes?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  clientId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ipAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ActivityEventConnectionResolvers<ContextType = TimelineContext, ParentType extends ResolversParentTypes['ActivityEventConnection'] = ResolversParentTypes['ActivityEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ActivityEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ActivityEventEdgeResolvers<ContextType = TimelineContext, ParentType extends ResolversParentTypes['ActivityEventEdge'] = ResolversParentTypes['ActivityEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ActivityEvent'], ParentType, ContextType>;
};

export type AuditChainVerificationResolvers<ContextType = TimelineContext, ParentType extends ResolversParentTypes['AuditChainVerification'] = ResolversParentTypes['AuditChainVerification']> = {
  checkpointMatches?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  eventsChecked?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  firstBrokenEventId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type AuditCheckpointResolvers<ContextType = TimelineContext, ParentType extends ResolversParentTypes['AuditCheckpoint'] = ResolversParentTypes['AuditCheckpoint']> = {
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organizationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  signature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ClientResolvers<ContextType = TimelineContext, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['ActivityEventConnection'], ParentType, ContextType, Partial<ClientTimelineArgs>>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type PageInfoResolvers<ContextType = TimelineContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = TimelineContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  activity?: Resolver<ResolversTypes['ActivityEventConnection'], ParentType, ContextType, Partial<QueryActivityArgs>>;
  exportAuditCheckpoint?: Resolver<ResolversTypes['AuditCheckpoint'], ParentType, ContextType>;
  verifyAuditChain?: Resolver<ResolversTypes['AuditChainVerification'], ParentType, ContextType, RequireFields<QueryVerifyAuditChainArgs, 'organizationId'>>;
};

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type Resolvers<ContextType = TimelineContext> = {
  ActivityEvent?: ActivityEventResolvers<ContextType>;
  ActivityEventConnection?: ActivityEventConnectionResolvers<ContextType>;
  ActivityEventEdge?: ActivityEventEdgeResolvers<ContextType>;
  AuditChainVerification?: AuditChainVerificationResolvers<ContextType>;
  AuditCheckpoint?: AuditCheckpointResolvers<ContextType>;
  Client?: ClientResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
};

