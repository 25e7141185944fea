import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ClientReference, InvoiceReference, IntegrationModel, QuickBooksSyncModel, QuickBooksConflictModel } from '../mappers.js';
import type { IntegrationsContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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
  _FieldSet: { input: unknown; output: unknown; }
};

/** The crm subgraph's golden record, extended here with its QuickBooks customer. */
export type Client = {
  __typename?: 'Client';
  id: Scalars['ID']['output'];
  /** The QuickBooks customer that mirrors this client, and how its sync stands; null when QuickBooks does not know it. */
  quickBooks: Maybe<QuickBooksCustomerSync>;
};

/** A connection of the organization to an outside system (owners and admins). Its OAuth tokens are encrypted at rest and never shown. */
export type Integration = {
  __typename?: 'Integration';
  /** Rows in CONFLICT, waiting for an owner or admin. */
  conflictCount: Scalars['Int']['output'];
  connectedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who connected it: user:<id>. */
  connectedBy: Maybe<Scalars['String']['output']>;
  /** Rows whose every attempt failed. */
  failedCount: Scalars['Int']['output'];
  /** The sync lag in seconds: the age of the oldest change not yet in QuickBooks (0 when everything is synced). Feeds the freshness metric of data quality. */
  lag: Scalars['Int']['output'];
  /** Why the connection stopped, when it did (e.g. the refresh token was refused). */
  lastError: Maybe<Scalars['String']['output']>;
  /** When a push or pull last finished. */
  lastSyncAt: Maybe<Scalars['DateTime']['output']>;
  /** When the oldest change not yet in QuickBooks was made; null when nothing waits. */
  oldestPendingAt: Maybe<Scalars['DateTime']['output']>;
  /** Rows waiting to be pushed. */
  pendingCount: Scalars['Int']['output'];
  provider: IntegrationProvider;
  /** The QuickBooks company (realm) connected. */
  realmId: Maybe<Scalars['String']['output']>;
  status: IntegrationStatus;
  /** A full sync (the first one after connecting, a resync) is under way. */
  syncing: Scalars['Boolean']['output'];
  /**
   * Payments made in QuickBooks that UBOS could not record (for an invoice UBOS never pushed, in
   * another currency, above the balance, applied to several invoices…), newest first, at most 100,
   * each with why (error). Counted in failedCount; the accountant records them in UBOS by hand or
   * fixes them in QuickBooks (the next change of the payment there is pulled again).
   */
  unrecordedPayments: Array<QuickBooksPaymentSync>;
};

/** An outside system the organization's books follow. */
export type IntegrationProvider =
  /** QuickBooks Online (Intuit), through its v3 REST API. */
  | 'QUICKBOOKS';

/** Whether UBOS can reach the provider for the organization. */
export type IntegrationStatus =
  /** Tokens are valid; changes flow. */
  | 'CONNECTED'
  /** Disconnected by an owner or admin; the integration's rows were deleted. */
  | 'DISCONNECTED'
  /** The provider refused to refresh the tokens (revoked or expired): an owner or admin must connect again. Changes wait, nothing is lost. */
  | 'NEEDS_REAUTH';

/** The revenue subgraph's invoice, extended here with its QuickBooks invoice. */
export type Invoice = {
  __typename?: 'Invoice';
  id: Scalars['ID']['output'];
  /** The QuickBooks invoice that mirrors this invoice, and how its sync stands; null when QuickBooks does not know it. */
  quickBooks: Maybe<QuickBooksInvoiceSync>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * The OAuth callback (owners and admins, the same user who started it): exchanges the code for
   * tokens, stores them encrypted, and starts the first sync. BAD_USER_INPUT on state when it is
   * expired, forged or another organization's or user's; on code when QuickBooks refuses it.
   */
  completeQuickBooksConnection: Maybe<Integration>;
  /**
   * Starts connecting QuickBooks (owners and admins): answers Intuit's consent URL. After the
   * user approves, Intuit redirects the browser to redirectUri, whose page passes code, state and
   * realmId to completeQuickBooksConnection. Needs UBOS_INTEGRATION_KEY (CONFLICT without it).
   */
  connectQuickBooks: Maybe<QuickBooksAuthorization>;
  /**
   * Disconnects (owners and admins): revokes the token at the provider and deletes the
   * integration's tokens and mappings. Core rows (clients, invoices, payments) and their audit
   * trail are untouched. NOT_FOUND when the provider is not connected.
   */
  disconnectIntegration: Maybe<Integration>;
  /**
   * For the gateway alone (its QuickBooks webhook endpoint, after checking intuit-signature): one
   * notification of a realm's changes, queued for the worker in each tenant connected to that
   * realm. Answers how many tenants it reached.
   */
  receiveQuickBooksNotification: Scalars['Int']['output'];
  /**
   * Settles a conflict (owners and admins): keep UBOS pushes UBOS' version over QuickBooks', keep
   * QUICKBOOKS writes QuickBooks' values into UBOS through the graph. The worker applies it; the
   * mapping is PENDING until then. NOT_FOUND for an unknown id, CONFLICT when it is not in conflict.
   */
  resolveQuickBooksConflict: Maybe<QuickBooksSync>;
  /**
   * Pushes every client, invoice and payment again, FAILED ones included (owners and admins); the
   * worker does it, not this request. CONFLICT when the connection is not CONNECTED.
   */
  resyncIntegration: Maybe<Integration>;
};


export type MutationCompleteQuickBooksConnectionArgs = {
  code: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  realmId: Scalars['String']['input'];
  state: Scalars['String']['input'];
};


export type MutationConnectQuickBooksArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  redirectUri: Scalars['String']['input'];
};


export type MutationDisconnectIntegrationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  provider: IntegrationProvider;
};


export type MutationReceiveQuickBooksNotificationArgs = {
  entities: Scalars['JSON']['input'];
  realmId: Scalars['String']['input'];
};


export type MutationResolveQuickBooksConflictArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  keep: QuickBooksConflictSide;
};


export type MutationResyncIntegrationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  provider: IntegrationProvider;
};

export type Query = {
  __typename?: 'Query';
  /** The organization's integrations, connected or not (owners and admins). */
  integrations: Array<Integration>;
};

/** Where to send the user's browser to approve the QuickBooks connection. */
export type QuickBooksAuthorization = {
  __typename?: 'QuickBooksAuthorization';
  /** Intuit's consent page; it redirects to redirectUri with code, state and realmId, which completeQuickBooksConnection takes. */
  authorizationUrl: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  /** Ties the callback to this organization and user; valid for 10 minutes. */
  state: Scalars['String']['output'];
};

/** The two sides of a conflict, field by field, as UBOS and QuickBooks hold them now. */
export type QuickBooksConflict = {
  __typename?: 'QuickBooksConflict';
  /** The fields QuickBooks changed since the last sync that UBOS did not. */
  fields: Array<Scalars['String']['output']>;
  /** QuickBooks' version of the same fields. */
  quickBooks: Scalars['JSON']['output'];
  /** UBOS' version (the QuickBooks fields UBOS would push). */
  ubos: Scalars['JSON']['output'];
};

/** Which side of a conflict to keep. */
export type QuickBooksConflictSide =
  /** QuickBooks' values are written into UBOS through the graph (audited as the integration), then synced. */
  | 'QUICKBOOKS'
  /** UBOS is the golden record: its version is pushed over QuickBooks'. */
  | 'UBOS';

/** A client's QuickBooks customer. */
export type QuickBooksCustomerSync = QuickBooksSync & {
  __typename?: 'QuickBooksCustomerSync';
  conflict: Maybe<QuickBooksConflict>;
  /** The QuickBooks Customer Id; null until first pushed. */
  customerId: Maybe<Scalars['String']['output']>;
  error: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastSyncedAt: Maybe<Scalars['DateTime']['output']>;
  lastSyncedVersion: Maybe<Scalars['Int']['output']>;
  syncState: QuickBooksSyncState;
  syncToken: Maybe<Scalars['String']['output']>;
};

/** An invoice's QuickBooks invoice. */
export type QuickBooksInvoiceSync = QuickBooksSync & {
  __typename?: 'QuickBooksInvoiceSync';
  conflict: Maybe<QuickBooksConflict>;
  error: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The QuickBooks Invoice Id; null until first pushed. */
  invoiceId: Maybe<Scalars['String']['output']>;
  lastSyncedAt: Maybe<Scalars['DateTime']['output']>;
  lastSyncedVersion: Maybe<Scalars['Int']['output']>;
  syncState: QuickBooksSyncState;
  syncToken: Maybe<Scalars['String']['output']>;
};

/** Where a payment was made. */
export type QuickBooksPaymentOrigin =
  /** Made in QuickBooks (webhook or Change Data Capture) and recorded in UBOS through the graph. */
  | 'QUICKBOOKS'
  /** Recorded in UBOS and pushed to QuickBooks. */
  | 'UBOS';

/** A payment's QuickBooks payment. */
export type QuickBooksPaymentSync = QuickBooksSync & {
  __typename?: 'QuickBooksPaymentSync';
  conflict: Maybe<QuickBooksConflict>;
  error: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastSyncedAt: Maybe<Scalars['DateTime']['output']>;
  lastSyncedVersion: Maybe<Scalars['Int']['output']>;
  /** Where the payment was made: UBOS (pushed to QuickBooks) or QUICKBOOKS (pulled into UBOS). */
  origin: QuickBooksPaymentOrigin;
  /** The QuickBooks Payment Id; null until first pushed. */
  paymentId: Maybe<Scalars['String']['output']>;
  syncState: QuickBooksSyncState;
  syncToken: Maybe<Scalars['String']['output']>;
  /** The UBOS payment's id (Query.payment); null for a payment made in QuickBooks that UBOS could not record. */
  ubosPaymentId: Maybe<Scalars['ID']['output']>;
};

/** How one UBOS row stands with its QuickBooks object. */
export type QuickBooksSync = {
  /** Both sides, when in CONFLICT. */
  conflict: Maybe<QuickBooksConflict>;
  /** The last error, when FAILED or retrying. */
  error: Maybe<Scalars['String']['output']>;
  /** The id of this mapping: pass it to resolveQuickBooksConflict. */
  id: Scalars['ID']['output'];
  lastSyncedAt: Maybe<Scalars['DateTime']['output']>;
  /** The UBOS version of the row that was last pushed. */
  lastSyncedVersion: Maybe<Scalars['Int']['output']>;
  syncState: QuickBooksSyncState;
  /** The QuickBooks SyncToken UBOS last saw (QuickBooks' optimistic concurrency). */
  syncToken: Maybe<Scalars['String']['output']>;
};

/** Where one UBOS row stands with its QuickBooks object. */
export type QuickBooksSyncState =
  /** QuickBooks changed fields that UBOS did not: both versions are shown, and an owner or admin decides. */
  | 'CONFLICT'
  /** Every attempt failed; the error says why. resyncIntegration tries again. */
  | 'FAILED'
  /** A change waits to be pushed (or a conflict's resolution to be applied). */
  | 'PENDING'
  /** QuickBooks holds the row's latest version. */
  | 'SYNCED';



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
  Invoice: Invoice;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Client:
    ( { __typename: 'Client' }
    & GraphQLRecursivePick<FederationTypes['Client'], {"id":true}> );
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Client: ResolverTypeWrapper<ClientReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Integration: ResolverTypeWrapper<IntegrationModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  IntegrationProvider: IntegrationProvider;
  IntegrationStatus: IntegrationStatus;
  Invoice: ResolverTypeWrapper<InvoiceReference>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QuickBooksAuthorization: ResolverTypeWrapper<QuickBooksAuthorization>;
  QuickBooksConflict: ResolverTypeWrapper<QuickBooksConflictModel>;
  QuickBooksConflictSide: QuickBooksConflictSide;
  QuickBooksCustomerSync: ResolverTypeWrapper<QuickBooksSyncModel>;
  QuickBooksInvoiceSync: ResolverTypeWrapper<QuickBooksSyncModel>;
  QuickBooksPaymentOrigin: QuickBooksPaymentOrigin;
  QuickBooksPaymentSync: ResolverTypeWrapper<QuickBooksSyncModel>;
  QuickBooksSync: ResolverTypeWrapper<QuickBooksSyncModel>;
  QuickBooksSyncState: QuickBooksSyncState;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Client: ClientReference;
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  Integration: IntegrationModel;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Invoice: InvoiceReference;
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  QuickBooksAuthorization: QuickBooksAuthorization;
  QuickBooksConflict: QuickBooksConflictModel;
  QuickBooksCustomerSync: QuickBooksSyncModel;
  QuickBooksInvoiceSync: QuickBooksSyncModel;
  QuickBooksPaymentSync: QuickBooksSyncModel;
  QuickBooksSync: QuickBooksSyncModel;
};

export type ClientResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quickBooks?: Resolver<Maybe<ResolversTypes['QuickBooksCustomerSync']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IntegrationResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Integration'] = ResolversParentTypes['Integration']> = {
  conflictCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  connectedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  connectedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  failedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lag?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSyncAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  oldestPendingAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  pendingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['IntegrationProvider'], ParentType, ContextType>;
  realmId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IntegrationStatus'], ParentType, ContextType>;
  syncing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unrecordedPayments?: Resolver<Array<ResolversTypes['QuickBooksPaymentSync']>, ParentType, ContextType>;
};

export type InvoiceResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quickBooks?: Resolver<Maybe<ResolversTypes['QuickBooksInvoiceSync']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  completeQuickBooksConnection?: Resolver<Maybe<ResolversTypes['Integration']>, ParentType, ContextType, RequireFields<MutationCompleteQuickBooksConnectionArgs, 'code' | 'realmId' | 'state'>>;
  connectQuickBooks?: Resolver<Maybe<ResolversTypes['QuickBooksAuthorization']>, ParentType, ContextType, RequireFields<MutationConnectQuickBooksArgs, 'redirectUri'>>;
  disconnectIntegration?: Resolver<Maybe<ResolversTypes['Integration']>, ParentType, ContextType, RequireFields<MutationDisconnectIntegrationArgs, 'provider'>>;
  receiveQuickBooksNotification?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationReceiveQuickBooksNotificationArgs, 'entities' | 'realmId'>>;
  resolveQuickBooksConflict?: Resolver<Maybe<ResolversTypes['QuickBooksSync']>, ParentType, ContextType, RequireFields<MutationResolveQuickBooksConflictArgs, 'id' | 'keep'>>;
  resyncIntegration?: Resolver<Maybe<ResolversTypes['Integration']>, ParentType, ContextType, RequireFields<MutationResyncIntegrationArgs, 'provider'>>;
};

export type QueryResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  integrations?: Resolver<Array<ResolversTypes['Integration']>, ParentType, ContextType>;
};

export type QuickBooksAuthorizationResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['QuickBooksAuthorization'] = ResolversParentTypes['QuickBooksAuthorization']> = {
  authorizationUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QuickBooksConflictResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['QuickBooksConflict'] = ResolversParentTypes['QuickBooksConflict']> = {
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  quickBooks?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  ubos?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
};

export type QuickBooksCustomerSyncResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['QuickBooksCustomerSync'] = ResolversParentTypes['QuickBooksCustomerSync']> = {
  conflict?: Resolver<Maybe<ResolversTypes['QuickBooksConflict']>, ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSyncedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSyncedVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  syncState?: Resolver<ResolversTypes['QuickBooksSyncState'], ParentType, ContextType>;
  syncToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QuickBooksInvoiceSyncResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['QuickBooksInvoiceSync'] = ResolversParentTypes['QuickBooksInvoiceSync']> = {
  conflict?: Resolver<Maybe<ResolversTypes['QuickBooksConflict']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSyncedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSyncedVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  syncState?: Resolver<ResolversTypes['QuickBooksSyncState'], ParentType, ContextType>;
  syncToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QuickBooksPaymentSyncResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['QuickBooksPaymentSync'] = ResolversParentTypes['QuickBooksPaymentSync']> = {
  conflict?: Resolver<Maybe<ResolversTypes['QuickBooksConflict']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSyncedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSyncedVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['QuickBooksPaymentOrigin'], ParentType, ContextType>;
  paymentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  syncState?: Resolver<ResolversTypes['QuickBooksSyncState'], ParentType, ContextType>;
  syncToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ubosPaymentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QuickBooksSyncResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['QuickBooksSync'] = ResolversParentTypes['QuickBooksSync']> = {
  __resolveType: TypeResolveFn<'QuickBooksCustomerSync' | 'QuickBooksInvoiceSync' | 'QuickBooksPaymentSync', ParentType, ContextType>;
};

export type Resolvers<ContextType = IntegrationsContext> = {
  Client?: ClientResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Integration?: IntegrationResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QuickBooksAuthorization?: QuickBooksAuthorizationResolvers<ContextType>;
  QuickBooksConflict?: QuickBooksConflictResolvers<ContextType>;
  QuickBooksCustomerSync?: QuickBooksCustomerSyncResolvers<ContextType>;
  QuickBooksInvoiceSync?: QuickBooksInvoiceSyncResolvers<ContextType>;
  QuickBooksPaymentSync?: QuickBooksPaymentSyncResolvers<ContextType>;
  QuickBooksSync?: QuickBooksSyncResolvers<ContextType>;
};

