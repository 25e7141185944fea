import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ClientReference, ContractReference, ProjectReference, EngagementConnectionModel, EngagementVersionModel, EngagementVersionConnectionModel } from '../mappers.js';
import type { EngagementEntity } from '../entities/engagement.entity.js';
import type { EngagementsContext } from '../context.js';
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
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant in time, ISO-8601 with an offset, e.g. 2026-01-15T09:30:00Z. */
  DateTime: { input: Date; output: Date | string; }
  /** An integer in JavaScript's safe range (up to 2^53 - 1): enough for any amount in minor units. */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The crm subgraph's golden record, extended here with engagements, the commercial relationships. */
export type Client = {
  __typename?: 'Client';
  /** Engagements with this client, oldest first. */
  engagements: EngagementConnection;
  id: Scalars['ID']['output'];
};


/** The crm subgraph's golden record, extended here with engagements, the commercial relationships. */
export type ClientEngagementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EngagementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The agreements subgraph's contract, extended here with the engagements under it. */
export type Contract = {
  __typename?: 'Contract';
  /** Engagements under this contract, oldest first. */
  engagements: EngagementConnection;
  id: Scalars['ID']['output'];
};


/** The agreements subgraph's contract, extended here with the engagements under it. */
export type ContractEngagementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EngagementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateEngagementInput = {
  budget?: InputMaybe<MoneyInput>;
  /** NOT_FOUND when no client of this organization has the id. */
  clientId: Scalars['ID']['input'];
  /** A contract of the same client; NOT_FOUND when the client has no contract with the id. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** Not before startDate. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  name: Scalars['String']['input'];
  /** Projects of this organization to link; NOT_FOUND (on input.projectIds.<index>) for an unknown one. */
  projectIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  startDate?: InputMaybe<Scalars['Date']['input']>;
  type: EngagementType;
};

/** The commercial relationship with a client: how the work is sold, under which contract, and which projects deliver it. */
export type Engagement = {
  __typename?: 'Engagement';
  /** The agreed budget, if any. */
  budget: Maybe<Money>;
  client: Client;
  /** The contract it runs under, if any: always a contract of the same client. */
  contract: Maybe<Contract>;
  createdAt: Scalars['DateTime']['output'];
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  endDate: Maybe<Scalars['Date']['output']>;
  /** Every version of this engagement, oldest first. */
  history: EngagementVersionConnection;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The projects that deliver it, oldest link first; deleted projects are left out unless includeDeleted is asked. */
  projects: Array<Project>;
  startDate: Maybe<Scalars['Date']['output']>;
  status: EngagementStatus;
  type: EngagementType;
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** The commercial relationship with a client: how the work is sold, under which contract, and which projects deliver it. */
export type EngagementHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The commercial relationship with a client: how the work is sold, under which contract, and which projects deliver it. */
export type EngagementProjectsArgs = {
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of engagements. */
export type EngagementConnection = {
  __typename?: 'EngagementConnection';
  edges: Array<EngagementEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One engagement in a page, with its cursor. */
export type EngagementEdge = {
  __typename?: 'EngagementEdge';
  cursor: Scalars['String']['output'];
  node: Engagement;
};

/** Narrows an engagement list. */
export type EngagementFilter = {
  /** Only this client's engagements. Ignored under Client.engagements. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<EngagementStatus>>;
  /** Any of these types. */
  type?: InputMaybe<Array<EngagementType>>;
};

/** Where an engagement stands. ACTIVE and PAUSED alternate; COMPLETED and CANCELLED are final. */
export type EngagementStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'PAUSED';

/** How an engagement is sold. */
export type EngagementType =
  /** A fixed price for a defined scope. */
  | 'FIXED_FEE'
  /** A recurring fee for ongoing availability. */
  | 'RETAINER'
  /** Billed by the time spent and the materials used. */
  | 'TIME_AND_MATERIALS';

/** One version of an engagement: its fields as they were from validFrom until validTo. */
export type EngagementVersion = {
  __typename?: 'EngagementVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The engagement's fields at this version. Its projects show the present. */
  snapshot: Engagement;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of engagement versions. */
export type EngagementVersionConnection = {
  __typename?: 'EngagementVersionConnection';
  edges: Array<EngagementVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One engagement version in a page, with its cursor. */
export type EngagementVersionEdge = {
  __typename?: 'EngagementVersionEdge';
  cursor: Scalars['String']['output'];
  node: EngagementVersion;
};

/** An amount of money: integer minor units (cents) and an ISO-4217 currency. Never a float. */
export type Money = {
  __typename?: 'Money';
  /** Amount in the currency's minor unit, e.g. 1999 for 19.99 USD. */
  amountMinor: Scalars['SafeInt']['output'];
  /** ISO-4217 code, e.g. USD. */
  currency: Scalars['String']['output'];
};

/** An amount of money to write. */
export type MoneyInput = {
  amountMinor: Scalars['SafeInt']['input'];
  currency: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Links a project of this organization to the engagement; linking it again changes nothing. */
  addProjectToEngagement: Maybe<Engagement>;
  /** Starts an engagement with a client, optionally under one of its contracts and with projects. Starts ACTIVE. */
  createEngagement: Maybe<Engagement>;
  /** Soft-deletes an engagement. */
  deleteEngagement: Maybe<Engagement>;
  /** Unlinks a project from the engagement; NOT_FOUND on projectId when it was never linked. */
  removeProjectFromEngagement: Maybe<Engagement>;
  /** Brings a deleted engagement back. */
  restoreEngagement: Maybe<Engagement>;
  /** Changes an engagement; the end date may not fall before the start date. */
  updateEngagement: Maybe<Engagement>;
};


export type MutationAddProjectToEngagementArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  projectId: Scalars['ID']['input'];
};


export type MutationCreateEngagementArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateEngagementInput;
};


export type MutationDeleteEngagementArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRemoveProjectFromEngagementArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  projectId: Scalars['ID']['input'];
};


export type MutationRestoreEngagementArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateEngagementArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateEngagementInput;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** The projects subgraph's project, as an engagement refers to it. */
export type Project = {
  __typename?: 'Project';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One engagement, or null when no engagement of this organization has the id (or it is deleted). With asOf, as it was then. */
  engagement: Maybe<Engagement>;
  /** The organization's engagements, oldest first. */
  engagements: EngagementConnection;
};


export type QueryEngagementArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryEngagementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EngagementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Fields to change; an omitted field keeps its value, a null clears it. The client is fixed. */
export type UpdateEngagementInput = {
  budget?: InputMaybe<MoneyInput>;
  /** A contract of the engagement's client, or null to unlink it. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  endDate?: InputMaybe<Scalars['Date']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** ACTIVE and PAUSED alternate; COMPLETED and CANCELLED are final (CONFLICT to leave them). */
  status?: InputMaybe<EngagementStatus>;
  type?: InputMaybe<EngagementType>;
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
  Contract: Contract;
  Engagement: Engagement;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Client:
    ( { __typename: 'Client' }
    & GraphQLRecursivePick<FederationTypes['Client'], {"id":true}> );
  Contract:
    ( { __typename: 'Contract' }
    & GraphQLRecursivePick<FederationTypes['Contract'], {"id":true}> );
  Engagement:
    ( { __typename: 'Engagement' }
    & GraphQLRecursivePick<FederationTypes['Engagement'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Client: ResolverTypeWrapper<ClientReference>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Contract: ResolverTypeWrapper<ContractReference>;
  CreateEngagementInput: CreateEngagementInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Engagement: ResolverTypeWrapper<EngagementEntity>;
  EngagementConnection: ResolverTypeWrapper<EngagementConnectionModel>;
  EngagementEdge: ResolverTypeWrapper<Omit<EngagementEdge, 'node'> & { node: ResolversTypes['Engagement'] }>;
  EngagementFilter: EngagementFilter;
  EngagementStatus: EngagementStatus;
  EngagementType: EngagementType;
  EngagementVersion: ResolverTypeWrapper<EngagementVersionModel>;
  EngagementVersionConnection: ResolverTypeWrapper<EngagementVersionConnectionModel>;
  EngagementVersionEdge: ResolverTypeWrapper<Omit<EngagementVersionEdge, 'node'> & { node: ResolversTypes['EngagementVersion'] }>;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Project: ResolverTypeWrapper<ProjectReference>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  UpdateEngagementInput: UpdateEngagementInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Client: ClientReference;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  Contract: ContractReference;
  CreateEngagementInput: CreateEngagementInput;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Engagement: EngagementEntity;
  EngagementConnection: EngagementConnectionModel;
  EngagementEdge: Omit<EngagementEdge, 'node'> & { node: ResolversParentTypes['Engagement'] };
  EngagementFilter: EngagementFilter;
  EngagementVersion: EngagementVersionModel;
  EngagementVersionConnection: EngagementVersionConnectionModel;
  EngagementVersionEdge: Omit<EngagementVersionEdge, 'node'> & { node: ResolversParentTypes['EngagementVersion'] };
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Project: ProjectReference;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  UpdateEngagementInput: UpdateEngagementInput;
};

export type ClientResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  engagements?: Resolver<ResolversTypes['EngagementConnection'], ParentType, ContextType, Partial<ClientEngagementsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ContractResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['Contract'] = ResolversParentTypes['Contract'], FederationReferenceType extends FederationReferenceTypes['Contract'] = FederationReferenceTypes['Contract']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contract']> | FederationReferenceType, FederationReferenceType, ContextType>;
  engagements?: Resolver<ResolversTypes['EngagementConnection'], ParentType, ContextType, Partial<ContractEngagementsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EngagementResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['Engagement'] = ResolversParentTypes['Engagement'], FederationReferenceType extends FederationReferenceTypes['Engagement'] = FederationReferenceTypes['Engagement']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Engagement']> | FederationReferenceType, FederationReferenceType, ContextType>;
  budget?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  client?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  contract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['EngagementVersionConnection'], ParentType, ContextType, Partial<EngagementHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType, Partial<EngagementProjectsArgs>>;
  startDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['EngagementStatus'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EngagementType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EngagementConnectionResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['EngagementConnection'] = ResolversParentTypes['EngagementConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EngagementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EngagementEdgeResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['EngagementEdge'] = ResolversParentTypes['EngagementEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Engagement'], ParentType, ContextType>;
};

export type EngagementVersionResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['EngagementVersion'] = ResolversParentTypes['EngagementVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Engagement'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EngagementVersionConnectionResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['EngagementVersionConnection'] = ResolversParentTypes['EngagementVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EngagementVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EngagementVersionEdgeResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['EngagementVersionEdge'] = ResolversParentTypes['EngagementVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['EngagementVersion'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amountMinor?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addProjectToEngagement?: Resolver<Maybe<ResolversTypes['Engagement']>, ParentType, ContextType, RequireFields<MutationAddProjectToEngagementArgs, 'id' | 'projectId'>>;
  createEngagement?: Resolver<Maybe<ResolversTypes['Engagement']>, ParentType, ContextType, RequireFields<MutationCreateEngagementArgs, 'input'>>;
  deleteEngagement?: Resolver<Maybe<ResolversTypes['Engagement']>, ParentType, ContextType, RequireFields<MutationDeleteEngagementArgs, 'id'>>;
  removeProjectFromEngagement?: Resolver<Maybe<ResolversTypes['Engagement']>, ParentType, ContextType, RequireFields<MutationRemoveProjectFromEngagementArgs, 'id' | 'projectId'>>;
  restoreEngagement?: Resolver<Maybe<ResolversTypes['Engagement']>, ParentType, ContextType, RequireFields<MutationRestoreEngagementArgs, 'id'>>;
  updateEngagement?: Resolver<Maybe<ResolversTypes['Engagement']>, ParentType, ContextType, RequireFields<MutationUpdateEngagementArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = EngagementsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  engagement?: Resolver<Maybe<ResolversTypes['Engagement']>, ParentType, ContextType, RequireFields<QueryEngagementArgs, 'id'>>;
  engagements?: Resolver<ResolversTypes['EngagementConnection'], ParentType, ContextType, Partial<QueryEngagementsArgs>>;
};

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type Resolvers<ContextType = EngagementsContext> = {
  Client?: ClientResolvers<ContextType>;
  Contract?: ContractResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Engagement?: EngagementResolvers<ContextType>;
  EngagementConnection?: EngagementConnectionResolvers<ContextType>;
  EngagementEdge?: EngagementEdgeResolvers<ContextType>;
  EngagementVersion?: EngagementVersionResolvers<ContextType>;
  EngagementVersionConnection?: EngagementVersionConnectionResolvers<ContextType>;
  EngagementVersionEdge?: EngagementVersionEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
};

