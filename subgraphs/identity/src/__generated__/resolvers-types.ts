import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrganizationEntity } from '../entities/organization.entity.js';
import type { UserEntity } from '../entities/user.entity.js';
import type { MembershipEntity } from '../entities/membership.entity.js';
import type { MembershipConnectionModel, AuthPayloadModel, DataQualityIssueConnectionModel } from '../mappers.js';
import type { ApiKeyEntity } from '../entities/api-key.entity.js';
import type { PersistedOperationEntity } from '../entities/persisted-operation.entity.js';
import type { IdentityContext } from '../context.js';
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
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * A partner's key to the public graph. It acts for one organization, within its scopes. The
 * secret is shown once, when the key is created.
 */
export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  /** Who created it: user:<id>. */
  createdBy: Scalars['String']['output'];
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** This key's own request limits, where they differ from the gateway's defaults. */
  limits: ApiKeyLimits;
  name: Scalars['String']['output'];
  /** Only operations registered with registerPersistedOperations are accepted. */
  persistedOnly: Scalars['Boolean']['output'];
  /** The key's public prefix: the secret starts with ubos_<prefix>_. */
  prefix: Scalars['String']['output'];
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** Coarse rights per domain, e.g. crm:read, crm:write, projects:read, timeline:read. */
  scopes: Array<Scalars['String']['output']>;
};

/** Request limits of one key; null means the gateway's default. */
export type ApiKeyLimits = {
  __typename?: 'ApiKeyLimits';
  maxAliases: Maybe<Scalars['Int']['output']>;
  maxCost: Maybe<Scalars['Int']['output']>;
  maxDepth: Maybe<Scalars['Int']['output']>;
  maxDirectives: Maybe<Scalars['Int']['output']>;
  maxTokens: Maybe<Scalars['Int']['output']>;
};

/** Request limits for a key; omitted ones keep the gateway's defaults. Each must be a positive integer. */
export type ApiKeyLimitsInput = {
  maxAliases?: InputMaybe<Scalars['Int']['input']>;
  maxCost?: InputMaybe<Scalars['Int']['input']>;
  maxDepth?: InputMaybe<Scalars['Int']['input']>;
  maxDirectives?: InputMaybe<Scalars['Int']['input']>;
  maxTokens?: InputMaybe<Scalars['Int']['input']>;
};

/** What the gateway learns about a live API key. Not part of the public graph. */
export type ApiKeyPrincipal = {
  __typename?: 'ApiKeyPrincipal';
  apiKeyId: Scalars['ID']['output'];
  limits: Scalars['String']['output'];
  organizationId: Scalars['ID']['output'];
  persistedOnly: Scalars['Boolean']['output'];
  scopes: Array<Scalars['String']['output']>;
};

/** The result of a successful login. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** When the token stops being accepted. */
  expiresAt: Scalars['DateTime']['output'];
  /** The organization the token acts in. */
  organization: Organization;
  /** Every organization this user belongs to. */
  organizations: Array<OrganizationChoice>;
  role: Role;
  /** A bearer token for the Authorization header. It carries exactly one organization. */
  token: Scalars['String']['output'];
  user: User;
};

export type CreateApiKeyInput = {
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Limits for this key instead of the gateway's defaults (stricter or looser). */
  limits?: InputMaybe<ApiKeyLimitsInput>;
  name: Scalars['String']['input'];
  /** Accept only registered operations with this key. */
  persistedOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** At least one of the known scopes (see ApiKey.scopes). */
  scopes: Array<Scalars['String']['input']>;
};

/** A new key and its secret. The secret cannot be read again. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** Send it as Authorization: Bearer <secret>. */
  secret: Scalars['String']['output'];
};

/**
 * How complete, valid, fresh and fast the organization's data is, computed from its rows when
 * asked (one pass over its clients, contacts, deals, projects and invoices) and from this
 * process's last five minutes of its requests. Shares are from 0 to 1.
 */
export type DataQuality = {
  __typename?: 'DataQuality';
  /**
   * The share of live rows that pass today's rules: email and phone formats, http(s) websites, ISO
   * country codes of structured addresses, and every custom field value against its definition as
   * it is now (a changed type, a removed option). dataQualityIssues lists the rows at fault.
   */
  accuracy: Scalars['Float']['output'];
  /** The measures that miss their target; empty when all are met. */
  breaches: Array<DataQualityBreach>;
  /**
   * Of the fields a complete record has, and of the organization's required custom fields, the
   * share filled, over live rows: clients' email, phone and address; contacts' email and phone;
   * deals' expected close date; projects' start and due dates; invoices' issue and due dates.
   * 1 with no rows.
   */
  completeness: Scalars['Float']['output'];
  computedAt: Scalars['DateTime']['output'];
  /** The same measures per entity type. */
  entities: Array<EntityDataQuality>;
  /** Age in seconds of the organization's oldest event not yet dispatched by the worker (0 when none): the sync lag until the QuickBooks integration reports its own. */
  freshnessSeconds: Scalars['Float']['output'];
  /** How long the organization's last successful schema migration took, in seconds; null when it never migrated. */
  lastMigrationSeconds: Maybe<Scalars['Float']['output']>;
  /** Events waiting in the outbox. */
  outboxBacklog: Scalars['Int']['output'];
  /** 95th percentile, in milliseconds, of the organization's GraphQL operations over the last 5 minutes in this process; null with none. */
  queryP95Ms: Maybe<Scalars['Float']['output']>;
  /** 95th percentile, in milliseconds, of the organization's SQL statements over the last 5 minutes in this process; null with none. */
  sqlP95Ms: Maybe<Scalars['Float']['output']>;
  /** The platform's targets. */
  targets: DataQualityTargets;
};

/** A measure that misses its target. */
export type DataQualityBreach = {
  __typename?: 'DataQualityBreach';
  /** The DataQuality field: completeness, accuracy, freshnessSeconds, queryP95Ms, sqlP95Ms or lastMigrationSeconds. */
  metric: Scalars['String']['output'];
  target: Scalars['Float']['output'];
  value: Scalars['Float']['output'];
};

/** The entity types data quality measures. */
export type DataQualityEntity =
  | 'CLIENT'
  | 'CONTACT'
  | 'DEAL'
  | 'INVOICE'
  | 'PROJECT';

/** One rule one row breaks. */
export type DataQualityIssue = {
  __typename?: 'DataQualityIssue';
  /** The row's id (a Client's, a Contact's, …). */
  entityId: Scalars['ID']['output'];
  entityType: DataQualityEntity;
  /** The field at fault as the graph names it, e.g. email, address.country, customFields.tier. */
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** EMAIL_FORMAT, PHONE_FORMAT, URL_FORMAT, ISO_COUNTRY, or CUSTOM_FIELD_<type> for a custom field value that does not fit its definition. */
  rule: Scalars['String']['output'];
};

/** A page of data quality issues. */
export type DataQualityIssueConnection = {
  __typename?: 'DataQualityIssueConnection';
  edges: Array<DataQualityIssueEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One issue in a page, with its cursor. */
export type DataQualityIssueEdge = {
  __typename?: 'DataQualityIssueEdge';
  cursor: Scalars['String']['output'];
  node: DataQualityIssue;
};

/** The targets of ARCHITECTURE 3.12. */
export type DataQualityTargets = {
  __typename?: 'DataQualityTargets';
  /** At least this share (0.99). */
  accuracy: Scalars['Float']['output'];
  /** At least this share (0.95). */
  completeness: Scalars['Float']['output'];
  /** At most this many seconds (3600). */
  freshnessSeconds: Scalars['Float']['output'];
  /** At most this many seconds (300). */
  lastMigrationSeconds: Scalars['Float']['output'];
  /** At most this many milliseconds, for operations and SQL statements (50). */
  queryP95Ms: Scalars['Float']['output'];
};

/** Completeness and accuracy of one entity type. */
export type EntityDataQuality = {
  __typename?: 'EntityDataQuality';
  accuracy: Scalars['Float']['output'];
  completeness: Scalars['Float']['output'];
  entityType: DataQualityEntity;
  /** Rows breaking at least one rule. */
  failingRows: Scalars['Int']['output'];
  /** Live rows. */
  rows: Scalars['Int']['output'];
};

/** A user's place in one organization. */
export type Membership = {
  __typename?: 'Membership';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  organization: Organization;
  role: Role;
  user: User;
};

/** A page of memberships. */
export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  edges: Array<MembershipEdge>;
  pageInfo: PageInfo;
  /** All memberships of the organization, across pages. */
  totalCount: Scalars['Int']['output'];
};

/** One membership in a page, with its cursor. */
export type MembershipEdge = {
  __typename?: 'MembershipEdge';
  cursor: Scalars['String']['output'];
  node: Membership;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an API key for the organization (owners and admins). Answers the secret once. */
  createApiKey: Maybe<CreatedApiKey>;
  /**
   * Exchanges an email and password for a token. A user in several organizations picks one
   * with organizationId; without it, the oldest membership is used. Wrong credentials answer
   * UNAUTHENTICATED without telling which part was wrong.
   */
  login: Maybe<AuthPayload>;
  /**
   * Registers operations for the organization (owners and admins), by the SHA-256 of their text.
   * Keys created with persistedOnly accept nothing else. Registering the same text again is a no-op.
   */
  registerPersistedOperations: Maybe<Array<PersistedOperation>>;
  /** Revokes a key at once (owners and admins). NOT_FOUND for a key of another organization. */
  revokeApiKey: Maybe<ApiKey>;
  /**
   * Moves the organization to a newer schema version (owners only), or resumes its unfinished
   * run to that version (after a failure, once the row named in the error is corrected). Answers
   * at once with the run RUNNING; the rows move in the background, batch by batch, and
   * organization.migration shows the progress. BAD_USER_INPUT on targetVersion for a version that
   * does not exist or is not newer; CONFLICT while a run to another version is unfinished.
   */
  startTenantMigration: Maybe<TenantMigration>;
};


export type MutationCreateApiKeyArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateApiKeyInput;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  password: Scalars['String']['input'];
};


export type MutationRegisterPersistedOperationsArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  operations: Array<PersistedOperationInput>;
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationStartTenantMigrationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  targetVersion: Scalars['Int']['input'];
};

/**
 * A firm using UBOS: an agency, a consultancy, a studio. Every piece of business data belongs
 * to exactly one organization (the tenant), and a token acts in exactly one.
 */
export type Organization = {
  __typename?: 'Organization';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The newest schema version the platform offers; startTenantMigration moves the organization to it. */
  latestSchemaVersion: Scalars['Int']['output'];
  /** The people who belong to this organization, oldest membership first. */
  members: MembershipConnection;
  /** The organization's data migration between schema versions: its newest run, or IDLE when none is unfinished. */
  migration: TenantMigration;
  /** Display name, e.g. Acme Agency. */
  name: Scalars['String']['output'];
  /**
   * The data schema version this organization is served on (per-tenant schema versioning). The
   * graph answers each organization in the shape of its version; see Client.address and
   * Client.fullAddress for what version 2 changes.
   */
  schemaVersion: Scalars['Int']['output'];
  /** URL-safe unique handle. */
  slug: Scalars['String']['output'];
};


/**
 * A firm using UBOS: an agency, a consultancy, a studio. Every piece of business data belongs
 * to exactly one organization (the tenant), and a token acts in exactly one.
 */
export type OrganizationMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An organization the signed-in user may switch to by logging in with its id. */
export type OrganizationChoice = {
  __typename?: 'OrganizationChoice';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  role: Role;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** An operation registered for the organization, known by the SHA-256 of its text. */
export type PersistedOperation = {
  __typename?: 'PersistedOperation';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Maybe<Scalars['String']['output']>;
  query: Scalars['String']['output'];
  /** Lower-case hex SHA-256 of the query text: send it as extensions.persistedQuery.sha256Hash. */
  sha256: Scalars['String']['output'];
};

export type PersistedOperationInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  /** The operation's full text, exactly as clients will hash it. */
  query: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** For the gateway alone: the principal of a live key, or null. */
  apiKeyPrincipal: Maybe<ApiKeyPrincipal>;
  /** The organization's API keys, newest first, without their secrets. Owners and admins only. */
  apiKeys: Array<ApiKey>;
  /** The organization's data quality against the platform's targets. Owners and admins only. */
  dataQuality: DataQuality;
  /** The rows that break a data quality rule, by entity type, row and field. Owners and admins only. */
  dataQualityIssues: DataQualityIssueConnection;
  /** The signed-in user. */
  me: User;
  /** The organization of the current token. */
  organization: Organization;
  /** For the gateway alone: the registered operation with this hash, or null. */
  persistedOperation: Maybe<PersistedOperation>;
  /** The organization's registered operations. Owners and admins only. */
  persistedOperations: Array<PersistedOperation>;
};


export type QueryApiKeyPrincipalArgs = {
  secret: Scalars['String']['input'];
};


export type QueryApiKeysArgs = {
  includeRevoked?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryDataQualityIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  entityType?: InputMaybe<DataQualityEntity>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPersistedOperationArgs = {
  sha256: Scalars['String']['input'];
};

/** What a member may do in an organization. */
export type Role =
  /** Manages members and settings. */
  | 'ADMIN'
  /** Works with the organization's data. */
  | 'MEMBER'
  /** Full control, including billing and erasure. */
  | 'OWNER';

/**
 * The state of an organization's data migration. A run moves every row of the organization to
 * the target version in batches, each committed on its own and audited as
 * system:migration:<version>; the organization keeps working meanwhile and is served on its old
 * version until the last batch commits.
 */
export type TenantMigration = {
  __typename?: 'TenantMigration';
  /** Why the run failed, naming the row at fault; null unless FAILED. */
  error: Maybe<Scalars['String']['output']>;
  /** When the newest run succeeded; null while it runs or after it failed. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Share of the newest run's rows migrated, from 0 to 1. */
  progress: Scalars['Float']['output'];
  /** Rows the newest run has migrated. */
  rowsDone: Scalars['Int']['output'];
  /** Rows the newest run has to migrate (counted when each step starts). */
  rowsTotal: Scalars['Int']['output'];
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** IDLE when no run is unfinished (the last one, if any, succeeded); RUNNING; FAILED (resume it with startTenantMigration). */
  status: TenantMigrationStatus;
  /** The version the newest run moves to; null when none was ever started. */
  targetVersion: Maybe<Scalars['Int']['output']>;
};

/** Where an organization's data migration stands. */
export type TenantMigrationStatus =
  | 'FAILED'
  | 'IDLE'
  | 'RUNNING';

/** A person who can sign in. A user may belong to several organizations. */
export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  /** Login email, unique across the platform and stored in lower case. */
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** This user's membership in the organization of the current token. */
  membership: Maybe<Membership>;
  name: Scalars['String']['output'];
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
  Organization: Organization;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Organization:
    ( { __typename: 'Organization' }
    & GraphQLRecursivePick<FederationTypes['Organization'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiKey: ResolverTypeWrapper<ApiKeyEntity>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ApiKeyLimits: ResolverTypeWrapper<ApiKeyLimits>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ApiKeyLimitsInput: ApiKeyLimitsInput;
  ApiKeyPrincipal: ResolverTypeWrapper<ApiKeyPrincipal>;
  AuthPayload: ResolverTypeWrapper<AuthPayloadModel>;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: ResolverTypeWrapper<Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  DataQuality: ResolverTypeWrapper<DataQuality>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  DataQualityBreach: ResolverTypeWrapper<DataQualityBreach>;
  DataQualityEntity: DataQualityEntity;
  DataQualityIssue: ResolverTypeWrapper<DataQualityIssue>;
  DataQualityIssueConnection: ResolverTypeWrapper<DataQualityIssueConnectionModel>;
  DataQualityIssueEdge: ResolverTypeWrapper<DataQualityIssueEdge>;
  DataQualityTargets: ResolverTypeWrapper<DataQualityTargets>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EntityDataQuality: ResolverTypeWrapper<EntityDataQuality>;
  Membership: ResolverTypeWrapper<MembershipEntity>;
  MembershipConnection: ResolverTypeWrapper<MembershipConnectionModel>;
  MembershipEdge: ResolverTypeWrapper<Omit<MembershipEdge, 'node'> & { node: ResolversTypes['Membership'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Organization: ResolverTypeWrapper<OrganizationEntity>;
  OrganizationChoice: ResolverTypeWrapper<OrganizationChoice>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PersistedOperation: ResolverTypeWrapper<PersistedOperationEntity>;
  PersistedOperationInput: PersistedOperationInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  TenantMigration: ResolverTypeWrapper<TenantMigration>;
  TenantMigrationStatus: TenantMigrationStatus;
  User: ResolverTypeWrapper<UserEntity>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiKey: ApiKeyEntity;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  ApiKeyLimits: ApiKeyLimits;
  Int: Scalars['Int']['output'];
  ApiKeyLimitsInput: ApiKeyLimitsInput;
  ApiKeyPrincipal: ApiKeyPrincipal;
  AuthPayload: AuthPayloadModel;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  DataQuality: DataQuality;
  Float: Scalars['Float']['output'];
  DataQualityBreach: DataQualityBreach;
  DataQualityIssue: DataQualityIssue;
  DataQualityIssueConnection: DataQualityIssueConnectionModel;
  DataQualityIssueEdge: DataQualityIssueEdge;
  DataQualityTargets: DataQualityTargets;
  DateTime: Scalars['DateTime']['output'];
  EntityDataQuality: EntityDataQuality;
  Membership: MembershipEntity;
  MembershipConnection: MembershipConnectionModel;
  MembershipEdge: Omit<MembershipEdge, 'node'> & { node: ResolversParentTypes['Membership'] };
  Mutation: Record<PropertyKey, never>;
  Organization: OrganizationEntity;
  OrganizationChoice: OrganizationChoice;
  PageInfo: PageInfo;
  PersistedOperation: PersistedOperationEntity;
  PersistedOperationInput: PersistedOperationInput;
  Query: Record<PropertyKey, never>;
  TenantMigration: TenantMigration;
  User: UserEntity;
};

export type ApiKeyResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  limits?: Resolver<ResolversTypes['ApiKeyLimits'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  persistedOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ApiKeyLimitsResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ApiKeyLimits'] = ResolversParentTypes['ApiKeyLimits']> = {
  maxAliases?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxCost?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxDepth?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxDirectives?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxTokens?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ApiKeyPrincipalResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['ApiKeyPrincipal'] = ResolversParentTypes['ApiKeyPrincipal']> = {
  apiKeyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  limits?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organizationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  persistedOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuthPayloadResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  organizations?: Resolver<Array<ResolversTypes['OrganizationChoice']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type CreatedApiKeyResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DataQualityResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DataQuality'] = ResolversParentTypes['DataQuality']> = {
  accuracy?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  breaches?: Resolver<Array<ResolversTypes['DataQualityBreach']>, ParentType, ContextType>;
  completeness?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  computedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  entities?: Resolver<Array<ResolversTypes['EntityDataQuality']>, ParentType, ContextType>;
  freshnessSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lastMigrationSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  outboxBacklog?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queryP95Ms?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sqlP95Ms?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  targets?: Resolver<ResolversTypes['DataQualityTargets'], ParentType, ContextType>;
};

export type DataQualityBreachResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DataQualityBreach'] = ResolversParentTypes['DataQualityBreach']> = {
  metric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type DataQualityIssueResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DataQualityIssue'] = ResolversParentTypes['DataQualityIssue']> = {
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['DataQualityEntity'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DataQualityIssueConnectionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DataQualityIssueConnection'] = ResolversParentTypes['DataQualityIssueConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DataQualityIssueEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DataQualityIssueEdgeResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DataQualityIssueEdge'] = ResolversParentTypes['DataQualityIssueEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DataQualityIssue'], ParentType, ContextType>;
};

export type DataQualityTargetsResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['DataQualityTargets'] = ResolversParentTypes['DataQualityTargets']> = {
  accuracy?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  completeness?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  freshnessSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lastMigrationSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  queryP95Ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EntityDataQualityResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['EntityDataQuality'] = ResolversParentTypes['EntityDataQuality']> = {
  accuracy?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  completeness?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['DataQualityEntity'], ParentType, ContextType>;
  failingRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MembershipResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type MembershipConnectionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['MembershipConnection'] = ResolversParentTypes['MembershipConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MembershipEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MembershipEdgeResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['MembershipEdge'] = ResolversParentTypes['MembershipEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Membership'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createApiKey?: Resolver<Maybe<ResolversTypes['CreatedApiKey']>, ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  login?: Resolver<Maybe<ResolversTypes['AuthPayload']>, ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  registerPersistedOperations?: Resolver<Maybe<Array<ResolversTypes['PersistedOperation']>>, ParentType, ContextType, RequireFields<MutationRegisterPersistedOperationsArgs, 'operations'>>;
  revokeApiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  startTenantMigration?: Resolver<Maybe<ResolversTypes['TenantMigration']>, ParentType, ContextType, RequireFields<MutationStartTenantMigrationArgs, 'targetVersion'>>;
};

export type OrganizationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization'], FederationReferenceType extends FederationReferenceTypes['Organization'] = FederationReferenceTypes['Organization']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latestSchemaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['MembershipConnection'], ParentType, ContextType, Partial<OrganizationMembersArgs>>;
  migration?: Resolver<ResolversTypes['TenantMigration'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  schemaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OrganizationChoiceResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['OrganizationChoice'] = ResolversParentTypes['OrganizationChoice']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PersistedOperationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['PersistedOperation'] = ResolversParentTypes['PersistedOperation']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  query?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiKeyPrincipal?: Resolver<Maybe<ResolversTypes['ApiKeyPrincipal']>, ParentType, ContextType, RequireFields<QueryApiKeyPrincipalArgs, 'secret'>>;
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType, Partial<QueryApiKeysArgs>>;
  dataQuality?: Resolver<ResolversTypes['DataQuality'], ParentType, ContextType>;
  dataQualityIssues?: Resolver<ResolversTypes['DataQualityIssueConnection'], ParentType, ContextType, Partial<QueryDataQualityIssuesArgs>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  persistedOperation?: Resolver<Maybe<ResolversTypes['PersistedOperation']>, ParentType, ContextType, RequireFields<QueryPersistedOperationArgs, 'sha256'>>;
  persistedOperations?: Resolver<Array<ResolversTypes['PersistedOperation']>, ParentType, ContextType>;
};

export type TenantMigrationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['TenantMigration'] = ResolversParentTypes['TenantMigration']> = {
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rowsDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TenantMigrationStatus'], ParentType, ContextType>;
  targetVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  membership?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = IdentityContext> = {
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyLimits?: ApiKeyLimitsResolvers<ContextType>;
  ApiKeyPrincipal?: ApiKeyPrincipalResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  DataQuality?: DataQualityResolvers<ContextType>;
  DataQualityBreach?: DataQualityBreachResolvers<ContextType>;
  DataQualityIssue?: DataQualityIssueResolvers<ContextType>;
  DataQualityIssueConnection?: DataQualityIssueConnectionResolvers<ContextType>;
  DataQualityIssueEdge?: DataQualityIssueEdgeResolvers<ContextType>;
  DataQualityTargets?: DataQualityTargetsResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EntityDataQuality?: EntityDataQualityResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  MembershipConnection?: MembershipConnectionResolvers<ContextType>;
  MembershipEdge?: MembershipEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  OrganizationChoice?: OrganizationChoiceResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersistedOperation?: PersistedOperationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  TenantMigration?: TenantMigrationResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

