import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ClientReference, LineItemModel, ProposalConnectionModel, ContractConnectionModel, ProposalVersionModel, ContractVersionModel, ProposalVersionConnectionModel, ContractVersionConnectionModel } from '../mappers.js';
import type { ProposalEntity } from '../entities/proposal.entity.js';
import type { ContractEntity } from '../entities/contract.entity.js';
import type { AgreementsContext } from '../context.js';
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

/** The crm subgraph's golden record, extended here with proposals and contracts. */
export type Client = {
  __typename?: 'Client';
  /** Contracts with this client, oldest first. */
  contracts: ContractConnection;
  id: Scalars['ID']['output'];
  /** Proposals for this client, oldest first. With asOf, the proposals the client had then, as they were then. */
  proposals: ProposalConnection;
};


/** The crm subgraph's golden record, extended here with proposals and contracts. */
export type ClientContractsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ContractFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};


/** The crm subgraph's golden record, extended here with proposals and contracts. */
export type ClientProposalsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  filter?: InputMaybe<ProposalFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An agreement with a client: made from an accepted proposal or on its own. */
export type Contract = {
  __typename?: 'Contract';
  client: Client;
  completedAt: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  endDate: Maybe<Scalars['Date']['output']>;
  /** Every version of this contract, oldest first. */
  history: ContractVersionConnection;
  id: Scalars['ID']['output'];
  notes: Maybe<Scalars['String']['output']>;
  /** The accepted proposal it was made from, if any. */
  proposal: Maybe<Proposal>;
  signedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who signed for the client, as given to signContract. */
  signedBy: Maybe<Scalars['String']['output']>;
  startDate: Maybe<Scalars['Date']['output']>;
  status: ContractStatus;
  terminatedAt: Maybe<Scalars['DateTime']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** The contract's value; a contract made from a proposal takes the proposal's total. */
  value: Money;
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** An agreement with a client: made from an accepted proposal or on its own. */
export type ContractHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of contracts. */
export type ContractConnection = {
  __typename?: 'ContractConnection';
  edges: Array<ContractEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One contract in a page, with its cursor. */
export type ContractEdge = {
  __typename?: 'ContractEdge';
  cursor: Scalars['String']['output'];
  node: Contract;
};

/** Narrows a contract list. */
export type ContractFilter = {
  /** Only this client's contracts. Ignored under Client.contracts. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<ContractStatus>>;
};

/** Where a contract stands: DRAFT → SIGNED → COMPLETED; DRAFT or SIGNED → TERMINATED. */
export type ContractStatus =
  | 'COMPLETED'
  | 'DRAFT'
  | 'SIGNED'
  | 'TERMINATED';

/** One version of a contract: its fields as they were from validFrom until validTo. */
export type ContractVersion = {
  __typename?: 'ContractVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The contract's fields at this version. */
  snapshot: Contract;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of contract versions. */
export type ContractVersionConnection = {
  __typename?: 'ContractVersionConnection';
  edges: Array<ContractVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One contract version in a page, with its cursor. */
export type ContractVersionEdge = {
  __typename?: 'ContractVersionEdge';
  cursor: Scalars['String']['output'];
  node: ContractVersion;
};

/** Either proposalId (an ACCEPTED proposal: client, title and value are copied from it) or clientId, title and value. */
export type CreateContractInput = {
  /** The client, for a contract made without a proposal. NOT_FOUND when no client of this organization has the id. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  endDate?: InputMaybe<Scalars['Date']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** An ACCEPTED proposal of this organization; at most one contract per proposal. */
  proposalId?: InputMaybe<Scalars['ID']['input']>;
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** Required without a proposal; with one, defaults to the proposal's title. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Required without a proposal; with one, it is the proposal's total and may not be given. */
  value?: InputMaybe<MoneyInput>;
};

export type CreateProposalInput = {
  /** The client the proposal is for. NOT_FOUND when no client of this organization has the id. */
  clientId: Scalars['ID']['input'];
  /** ISO-4217 code of every amount of the proposal, e.g. USD. */
  currency: Scalars['String']['input'];
  /** At least one line, at most 200. */
  lineItems: Array<LineItemInput>;
  notes?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
  /** The last day the client can accept it; null for no limit. */
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

/** A priced line of a proposal, invoice or bill. Amounts are computed: tax is per line, rounded half-up to the minor unit. */
export type LineItem = {
  __typename?: 'LineItem';
  description: Scalars['String']['output'];
  /** Units, e.g. hours; up to 6 decimals. */
  quantity: Scalars['Float']['output'];
  /** quantity × unit price, rounded half-up. */
  subtotal: Money;
  /** subtotal × tax rate, rounded half-up. */
  tax: Money;
  /** A fraction: 0.2 is 20%. */
  taxRate: Scalars['Float']['output'];
  total: Money;
  unitPrice: Money;
};

/** A line to price. Amounts are integer minor units; the tax rate is a fraction (0.2 is 20%). */
export type LineItemInput = {
  description: Scalars['String']['input'];
  quantity: Scalars['Float']['input'];
  /** Defaults to 0. */
  taxRate?: InputMaybe<Scalars['Float']['input']>;
  unitPriceMinor: Scalars['SafeInt']['input'];
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
  /** SENT → ACCEPTED, and a ProposalAccepted event in the outbox. CONFLICT in any other status, EXPIRED included. */
  acceptProposal: Maybe<Proposal>;
  /** SIGNED → COMPLETED. CONFLICT in any other status. */
  completeContract: Maybe<Contract>;
  /** Drafts a contract, from an ACCEPTED proposal (once per proposal: CONFLICT the second time) or on its own. */
  createContract: Maybe<Contract>;
  /** Drafts a proposal for a client, pricing its lines. NOT_FOUND when no client of this organization has input.clientId. */
  createProposal: Maybe<Proposal>;
  /** SENT → DECLINED. CONFLICT in any other status, EXPIRED included. */
  declineProposal: Maybe<Proposal>;
  /** Soft-deletes a contract. */
  deleteContract: Maybe<Contract>;
  /** Soft-deletes a proposal. */
  deleteProposal: Maybe<Proposal>;
  /** Brings a deleted contract back. */
  restoreContract: Maybe<Contract>;
  /** Brings a deleted proposal back. */
  restoreProposal: Maybe<Proposal>;
  /** DRAFT → SENT. CONFLICT in any other status, or when validUntil has already passed. */
  sendProposal: Maybe<Proposal>;
  /** DRAFT → SIGNED. CONFLICT in any other status. */
  signContract: Maybe<Contract>;
  /** DRAFT or SIGNED → TERMINATED. CONFLICT once COMPLETED or TERMINATED. */
  terminateContract: Maybe<Contract>;
  /** Changes a DRAFT or SIGNED contract (CONFLICT once COMPLETED or TERMINATED); title and value only while DRAFT. */
  updateContract: Maybe<Contract>;
  /** Changes a DRAFT proposal (CONFLICT in any other status); lineItems, when given, replace every line. */
  updateProposal: Maybe<Proposal>;
};


export type MutationAcceptProposalArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCompleteContractArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreateContractArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateContractInput;
};


export type MutationCreateProposalArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateProposalInput;
};


export type MutationDeclineProposalArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteContractArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteProposalArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreContractArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreProposalArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSendProposalArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSignContractArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: SignContractInput;
};


export type MutationTerminateContractArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateContractArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateContractInput;
};


export type MutationUpdateProposalArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateProposalInput;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** An offer of priced work to a client. It moves DRAFT → SENT → ACCEPTED, DECLINED or EXPIRED. */
export type Proposal = {
  __typename?: 'Proposal';
  acceptedAt: Maybe<Scalars['DateTime']['output']>;
  client: Client;
  /** The contract made from this proposal (even if deleted), or null. */
  contract: Maybe<Contract>;
  createdAt: Scalars['DateTime']['output'];
  /** ISO-4217 code of every amount of the proposal. */
  currency: Scalars['String']['output'];
  declinedAt: Maybe<Scalars['DateTime']['output']>;
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  /** Every version of this proposal, oldest first. */
  history: ProposalVersionConnection;
  id: Scalars['ID']['output'];
  lineItems: Array<LineItem>;
  notes: Maybe<Scalars['String']['output']>;
  sentAt: Maybe<Scalars['DateTime']['output']>;
  /** EXPIRED when it was sent and its validUntil date (UTC) has passed without an answer. */
  status: ProposalStatus;
  /** Sum of the lines' subtotals. */
  subtotal: Money;
  /** Sum of the lines' taxes. */
  tax: Money;
  title: Scalars['String']['output'];
  /** subtotal + tax. */
  total: Money;
  updatedAt: Scalars['DateTime']['output'];
  /** The last day the offer can be accepted; null for no limit. */
  validUntil: Maybe<Scalars['Date']['output']>;
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** An offer of priced work to a client. It moves DRAFT → SENT → ACCEPTED, DECLINED or EXPIRED. */
export type ProposalHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of proposals. */
export type ProposalConnection = {
  __typename?: 'ProposalConnection';
  edges: Array<ProposalEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One proposal in a page, with its cursor. */
export type ProposalEdge = {
  __typename?: 'ProposalEdge';
  cursor: Scalars['String']['output'];
  node: Proposal;
};

/** Narrows a proposal list. */
export type ProposalFilter = {
  /** Only this client's proposals. Ignored under Client.proposals. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these statuses (EXPIRED and SENT as derived from validUntil). */
  status?: InputMaybe<Array<ProposalStatus>>;
};

/** Where a proposal stands. */
export type ProposalStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  /** Being written; the only status in which it can be changed. */
  | 'DRAFT'
  /** Sent, and its validUntil date passed without an answer: it can no longer be accepted. */
  | 'EXPIRED'
  /** Sent to the client, awaiting an answer, still valid. */
  | 'SENT';

/** One version of a proposal: its fields as they were from validFrom until validTo. */
export type ProposalVersion = {
  __typename?: 'ProposalVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The proposal's fields at this version (its status as of validTo, or now for the current version). Its contract shows the present. */
  snapshot: Proposal;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of proposal versions. */
export type ProposalVersionConnection = {
  __typename?: 'ProposalVersionConnection';
  edges: Array<ProposalVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One proposal version in a page, with its cursor. */
export type ProposalVersionEdge = {
  __typename?: 'ProposalVersionEdge';
  cursor: Scalars['String']['output'];
  node: ProposalVersion;
};

export type Query = {
  __typename?: 'Query';
  /** One contract, or null when no contract of this organization has the id (or it is deleted). With asOf, as it was then. */
  contract: Maybe<Contract>;
  /** The organization's contracts, oldest first. */
  contracts: ContractConnection;
  /** One proposal, or null when no proposal of this organization has the id (or it is deleted). With asOf, as it was then. */
  proposal: Maybe<Proposal>;
  /** The organization's proposals, oldest first. */
  proposals: ProposalConnection;
};


export type QueryContractArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryContractsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ContractFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryProposalArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryProposalsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProposalFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

export type SignContractInput = {
  /** When it was signed; defaults to now, and may not be in the future. */
  signedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The name of who signed for the client. */
  signedBy: Scalars['String']['input'];
};

/** Fields to change; an omitted field keeps its value, a null clears it. title and value are fixed once the contract is signed. */
export type UpdateContractInput = {
  endDate?: InputMaybe<Scalars['Date']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  startDate?: InputMaybe<Scalars['Date']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  value?: InputMaybe<MoneyInput>;
};

/** Fields to change; an omitted field keeps its value, a null clears it. lineItems, when given, replace every line. */
export type UpdateProposalInput = {
  currency?: InputMaybe<Scalars['String']['input']>;
  lineItems?: InputMaybe<Array<LineItemInput>>;
  notes?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  validUntil?: InputMaybe<Scalars['Date']['input']>;
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
  Proposal: Proposal;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Client:
    ( { __typename: 'Client' }
    & GraphQLRecursivePick<FederationTypes['Client'], {"id":true}> );
  Contract:
    ( { __typename: 'Contract' }
    & GraphQLRecursivePick<FederationTypes['Contract'], {"id":true}> );
  Proposal:
    ( { __typename: 'Proposal' }
    & GraphQLRecursivePick<FederationTypes['Proposal'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Client: ResolverTypeWrapper<ClientReference>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Contract: ResolverTypeWrapper<ContractEntity>;
  ContractConnection: ResolverTypeWrapper<ContractConnectionModel>;
  ContractEdge: ResolverTypeWrapper<Omit<ContractEdge, 'node'> & { node: ResolversTypes['Contract'] }>;
  ContractFilter: ContractFilter;
  ContractStatus: ContractStatus;
  ContractVersion: ResolverTypeWrapper<ContractVersionModel>;
  ContractVersionConnection: ResolverTypeWrapper<ContractVersionConnectionModel>;
  ContractVersionEdge: ResolverTypeWrapper<Omit<ContractVersionEdge, 'node'> & { node: ResolversTypes['ContractVersion'] }>;
  CreateContractInput: CreateContractInput;
  CreateProposalInput: CreateProposalInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  LineItem: ResolverTypeWrapper<LineItemModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  LineItemInput: LineItemInput;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Proposal: ResolverTypeWrapper<ProposalEntity>;
  ProposalConnection: ResolverTypeWrapper<ProposalConnectionModel>;
  ProposalEdge: ResolverTypeWrapper<Omit<ProposalEdge, 'node'> & { node: ResolversTypes['Proposal'] }>;
  ProposalFilter: ProposalFilter;
  ProposalStatus: ProposalStatus;
  ProposalVersion: ResolverTypeWrapper<ProposalVersionModel>;
  ProposalVersionConnection: ResolverTypeWrapper<ProposalVersionConnectionModel>;
  ProposalVersionEdge: ResolverTypeWrapper<Omit<ProposalVersionEdge, 'node'> & { node: ResolversTypes['ProposalVersion'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SignContractInput: SignContractInput;
  UpdateContractInput: UpdateContractInput;
  UpdateProposalInput: UpdateProposalInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Client: ClientReference;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  Contract: ContractEntity;
  ContractConnection: ContractConnectionModel;
  ContractEdge: Omit<ContractEdge, 'node'> & { node: ResolversParentTypes['Contract'] };
  ContractFilter: ContractFilter;
  ContractVersion: ContractVersionModel;
  ContractVersionConnection: ContractVersionConnectionModel;
  ContractVersionEdge: Omit<ContractVersionEdge, 'node'> & { node: ResolversParentTypes['ContractVersion'] };
  CreateContractInput: CreateContractInput;
  CreateProposalInput: CreateProposalInput;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  LineItem: LineItemModel;
  Float: Scalars['Float']['output'];
  LineItemInput: LineItemInput;
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Proposal: ProposalEntity;
  ProposalConnection: ProposalConnectionModel;
  ProposalEdge: Omit<ProposalEdge, 'node'> & { node: ResolversParentTypes['Proposal'] };
  ProposalFilter: ProposalFilter;
  ProposalVersion: ProposalVersionModel;
  ProposalVersionConnection: ProposalVersionConnectionModel;
  ProposalVersionEdge: Omit<ProposalVersionEdge, 'node'> & { node: ResolversParentTypes['ProposalVersion'] };
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  SignContractInput: SignContractInput;
  UpdateContractInput: UpdateContractInput;
  UpdateProposalInput: UpdateProposalInput;
};

export type ClientResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  contracts?: Resolver<ResolversTypes['ContractConnection'], ParentType, ContextType, Partial<ClientContractsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  proposals?: Resolver<ResolversTypes['ProposalConnection'], ParentType, ContextType, Partial<ClientProposalsArgs>>;
};

export type ContractResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['Contract'] = ResolversParentTypes['Contract'], FederationReferenceType extends FederationReferenceTypes['Contract'] = FederationReferenceTypes['Contract']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contract']> | FederationReferenceType, FederationReferenceType, ContextType>;
  client?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['ContractVersionConnection'], ParentType, ContextType, Partial<ContractHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  proposal?: Resolver<Maybe<ResolversTypes['Proposal']>, ParentType, ContextType>;
  signedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  signedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ContractStatus'], ParentType, ContextType>;
  terminatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContractConnectionResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['ContractConnection'] = ResolversParentTypes['ContractConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ContractEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContractEdgeResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['ContractEdge'] = ResolversParentTypes['ContractEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Contract'], ParentType, ContextType>;
};

export type ContractVersionResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['ContractVersion'] = ResolversParentTypes['ContractVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Contract'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContractVersionConnectionResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['ContractVersionConnection'] = ResolversParentTypes['ContractVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ContractVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContractVersionEdgeResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['ContractVersionEdge'] = ResolversParentTypes['ContractVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ContractVersion'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type LineItemResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['LineItem'] = ResolversParentTypes['LineItem']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amountMinor?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptProposal?: Resolver<Maybe<ResolversTypes['Proposal']>, ParentType, ContextType, RequireFields<MutationAcceptProposalArgs, 'id'>>;
  completeContract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType, RequireFields<MutationCompleteContractArgs, 'id'>>;
  createContract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType, RequireFields<MutationCreateContractArgs, 'input'>>;
  createProposal?: Resolver<Maybe<ResolversTypes['Proposal']>, ParentType, ContextType, RequireFields<MutationCreateProposalArgs, 'input'>>;
  declineProposal?: Resolver<Maybe<ResolversTypes['Proposal']>, ParentType, ContextType, RequireFields<MutationDeclineProposalArgs, 'id'>>;
  deleteContract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType, RequireFields<MutationDeleteContractArgs, 'id'>>;
  deleteProposal?: Resolver<Maybe<ResolversTypes['Proposal']>, ParentType, ContextType, RequireFields<MutationDeleteProposalArgs, 'id'>>;
  restoreContract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType, RequireFields<MutationRestoreContractArgs, 'id'>>;
  restoreProposal?: Resolver<Maybe<ResolversTypes['Proposal']>, ParentType, ContextType, RequireFields<MutationRestoreProposalArgs, 'id'>>;
  sendProposal?: Resolver<Maybe<ResolversTypes['Proposal']>, ParentType, ContextType, RequireFields<MutationSendProposalArgs, 'id'>>;
  signContract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType, RequireFields<MutationSignContractArgs, 'id' | 'input'>>;
  terminateContract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType, RequireFields<MutationTerminateContractArgs, 'id'>>;
  updateContract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType, RequireFields<MutationUpdateContractArgs, 'id' | 'input'>>;
  updateProposal?: Resolver<Maybe<ResolversTypes['Proposal']>, ParentType, ContextType, RequireFields<MutationUpdateProposalArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProposalResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['Proposal'] = ResolversParentTypes['Proposal'], FederationReferenceType extends FederationReferenceTypes['Proposal'] = FederationReferenceTypes['Proposal']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Proposal']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acceptedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  client?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  contract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  declinedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['ProposalVersionConnection'], ParentType, ContextType, Partial<ProposalHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lineItems?: Resolver<Array<ResolversTypes['LineItem']>, ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProposalStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProposalConnectionResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['ProposalConnection'] = ResolversParentTypes['ProposalConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProposalEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProposalEdgeResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['ProposalEdge'] = ResolversParentTypes['ProposalEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Proposal'], ParentType, ContextType>;
};

export type ProposalVersionResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['ProposalVersion'] = ResolversParentTypes['ProposalVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Proposal'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProposalVersionConnectionResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['ProposalVersionConnection'] = ResolversParentTypes['ProposalVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProposalVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProposalVersionEdgeResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['ProposalVersionEdge'] = ResolversParentTypes['ProposalVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ProposalVersion'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = AgreementsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  contract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType, RequireFields<QueryContractArgs, 'id'>>;
  contracts?: Resolver<ResolversTypes['ContractConnection'], ParentType, ContextType, Partial<QueryContractsArgs>>;
  proposal?: Resolver<Maybe<ResolversTypes['Proposal']>, ParentType, ContextType, RequireFields<QueryProposalArgs, 'id'>>;
  proposals?: Resolver<ResolversTypes['ProposalConnection'], ParentType, ContextType, Partial<QueryProposalsArgs>>;
};

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type Resolvers<ContextType = AgreementsContext> = {
  Client?: ClientResolvers<ContextType>;
  Contract?: ContractResolvers<ContextType>;
  ContractConnection?: ContractConnectionResolvers<ContextType>;
  ContractEdge?: ContractEdgeResolvers<ContextType>;
  ContractVersion?: ContractVersionResolvers<ContextType>;
  ContractVersionConnection?: ContractVersionConnectionResolvers<ContextType>;
  ContractVersionEdge?: ContractVersionEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  LineItem?: LineItemResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Proposal?: ProposalResolvers<ContextType>;
  ProposalConnection?: ProposalConnectionResolvers<ContextType>;
  ProposalEdge?: ProposalEdgeResolvers<ContextType>;
  ProposalVersion?: ProposalVersionResolvers<ContextType>;
  ProposalVersionConnection?: ProposalVersionConnectionResolvers<ContextType>;
  ProposalVersionEdge?: ProposalVersionEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
};

