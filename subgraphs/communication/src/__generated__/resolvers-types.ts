import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ClientReference, ProjectReference, UserReference, ThreadConnectionModel, MessageConnectionModel, ThreadVersionModel, MessageVersionModel, ThreadVersionConnectionModel, MessageVersionConnectionModel } from '../mappers.js';
import type { ThreadEntity } from '../entities/thread.entity.js';
import type { MessageEntity } from '../entities/message.entity.js';
import type { CommunicationContext } from '../context.js';
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

/** The crm subgraph's golden record, extended here with threads and messages. */
export type Client = {
  __typename?: 'Client';
  id: Scalars['ID']['output'];
  /** The client's threads, most recent activity first (the last message, or the creation of a thread without messages). */
  threads: ThreadConnection;
};


/** The crm subgraph's golden record, extended here with threads and messages. */
export type ClientThreadsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientThreadFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Narrows a client's thread list. */
export type ClientThreadFilter = {
  /** Only threads about this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateThreadInput = {
  /** The client it is about. NOT_FOUND when no client of this organization has the id. */
  clientId: Scalars['ID']['input'];
  /** A project of the same client. NOT_FOUND when no project of this organization has the id. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** 1 to 200 characters. */
  subject: Scalars['String']['input'];
};

export type EditMessageInput = {
  /** 1 to 20,000 characters. */
  body: Scalars['String']['input'];
};

/** One message in a thread. */
export type Message = {
  __typename?: 'Message';
  /** Who posted it: user:<id>, apikey:<id>, workflow:<run id> or system. Taken from the caller, never from input. */
  author: Scalars['String']['output'];
  /** The user who posted it, when a user did (null for API keys, workflows and the system). */
  authorUser: Maybe<User>;
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  /** When the body was last edited; null if never. */
  editedAt: Maybe<Scalars['DateTime']['output']>;
  /** Every version of this message, oldest first. */
  history: MessageVersionConnection;
  id: Scalars['ID']['output'];
  thread: Thread;
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** One message in a thread. */
export type MessageHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of messages. */
export type MessageConnection = {
  __typename?: 'MessageConnection';
  edges: Array<MessageEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One message in a page, with its cursor. */
export type MessageEdge = {
  __typename?: 'MessageEdge';
  cursor: Scalars['String']['output'];
  node: Message;
};

/** One version of a message: its fields as they were from validFrom until validTo. */
export type MessageVersion = {
  __typename?: 'MessageVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The message's fields at this version. */
  snapshot: Message;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of message versions. */
export type MessageVersionConnection = {
  __typename?: 'MessageVersionConnection';
  edges: Array<MessageVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One message version in a page, with its cursor. */
export type MessageVersionEdge = {
  __typename?: 'MessageVersionEdge';
  cursor: Scalars['String']['output'];
  node: MessageVersion;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Opens a thread about a client (and optionally one of its projects). */
  createThread: Maybe<Thread>;
  /** Soft-deletes a message: its author, an owner or an admin. */
  deleteMessage: Maybe<Message>;
  /** Soft-deletes a thread; a main thread stops being the client's main thread. */
  deleteThread: Maybe<Thread>;
  /** Changes a message's body; only its author may. FORBIDDEN for anyone else. */
  editMessage: Maybe<Message>;
  /** Posts a message as the caller, in a thread or in the client's main thread, and bumps the thread's lastMessageAt. Writes a MessagePosted event. */
  postMessage: Maybe<Message>;
  /** Brings a deleted message back: its author, an owner or an admin. */
  restoreMessage: Maybe<Message>;
  /** Brings a deleted thread back (as an ordinary thread if it was the main one). */
  restoreThread: Maybe<Thread>;
  /** Changes a thread's subject or project. */
  updateThread: Maybe<Thread>;
};


export type MutationCreateThreadArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateThreadInput;
};


export type MutationDeleteMessageArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteThreadArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationEditMessageArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: EditMessageInput;
};


export type MutationPostMessageArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: PostMessageInput;
};


export type MutationRestoreMessageArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreThreadArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateThreadArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateThreadInput;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Exactly one of threadId and clientId. */
export type PostMessageInput = {
  /** 1 to 20,000 characters. */
  body: Scalars['String']['input'];
  /** Posts in the client's main thread, opening it (subject "General") if the client has none. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** Posts in this thread. */
  threadId?: InputMaybe<Scalars['ID']['input']>;
};

/** A project of the projects subgraph, referenced by id. */
export type Project = {
  __typename?: 'Project';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One message, or null when no message of this organization has the id (or it is deleted). With asOf, as it was then. */
  message: Maybe<Message>;
  /** One thread, or null when no thread of this organization has the id (or it is deleted). With asOf, as it was then. */
  thread: Maybe<Thread>;
  /** The organization's threads, most recent activity first. */
  threads: ThreadConnection;
};


export type QueryMessageArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryThreadArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryThreadsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ThreadFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A conversation about a client, optionally about one of its projects. */
export type Thread = {
  __typename?: 'Thread';
  client: Client;
  createdAt: Scalars['DateTime']['output'];
  /** Who opened it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  createdBy: Scalars['String']['output'];
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  /** Every version of this thread, oldest first. */
  history: ThreadVersionConnection;
  id: Scalars['ID']['output'];
  /** The last message's time, or the creation time while it has none. Thread lists sort by it, newest first. */
  lastActivityAt: Scalars['DateTime']['output'];
  /** When the last message was posted; null while it has none. */
  lastMessageAt: Maybe<Scalars['DateTime']['output']>;
  /** The client's main thread: where postMessage(input: { clientId }) posts. A client has at most one. */
  main: Scalars['Boolean']['output'];
  /** The thread's messages, newest first. */
  messages: MessageConnection;
  /** The project it is about, if any: a project of the same client. */
  project: Maybe<Project>;
  subject: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change (posting a message bumps lastMessageAt, so it counts); pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** A conversation about a client, optionally about one of its projects. */
export type ThreadHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A conversation about a client, optionally about one of its projects. */
export type ThreadMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of threads. */
export type ThreadConnection = {
  __typename?: 'ThreadConnection';
  edges: Array<ThreadEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One thread in a page, with its cursor. */
export type ThreadEdge = {
  __typename?: 'ThreadEdge';
  cursor: Scalars['String']['output'];
  node: Thread;
};

/** Narrows the organization's thread list. */
export type ThreadFilter = {
  /** Only this client's threads. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** Only threads about this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
};

/** One version of a thread: its fields as they were from validFrom until validTo. */
export type ThreadVersion = {
  __typename?: 'ThreadVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The thread's fields at this version. Its lists show the present. */
  snapshot: Thread;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of thread versions. */
export type ThreadVersionConnection = {
  __typename?: 'ThreadVersionConnection';
  edges: Array<ThreadVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One thread version in a page, with its cursor. */
export type ThreadVersionEdge = {
  __typename?: 'ThreadVersionEdge';
  cursor: Scalars['String']['output'];
  node: ThreadVersion;
};

/** Fields to change; an omitted field keeps its value, a null clears it. */
export type UpdateThreadInput = {
  /** A project of the thread's client; null detaches the thread from its project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
};

/** A user of the identity subgraph, referenced by id. */
export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
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
  Message: Message;
  Thread: Thread;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Client:
    ( { __typename: 'Client' }
    & GraphQLRecursivePick<FederationTypes['Client'], {"id":true}> );
  Message:
    ( { __typename: 'Message' }
    & GraphQLRecursivePick<FederationTypes['Message'], {"id":true}> );
  Thread:
    ( { __typename: 'Thread' }
    & GraphQLRecursivePick<FederationTypes['Thread'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Client: ResolverTypeWrapper<ClientReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ClientThreadFilter: ClientThreadFilter;
  CreateThreadInput: CreateThreadInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EditMessageInput: EditMessageInput;
  Message: ResolverTypeWrapper<MessageEntity>;
  MessageConnection: ResolverTypeWrapper<MessageConnectionModel>;
  MessageEdge: ResolverTypeWrapper<Omit<MessageEdge, 'node'> & { node: ResolversTypes['Message'] }>;
  MessageVersion: ResolverTypeWrapper<MessageVersionModel>;
  MessageVersionConnection: ResolverTypeWrapper<MessageVersionConnectionModel>;
  MessageVersionEdge: ResolverTypeWrapper<Omit<MessageVersionEdge, 'node'> & { node: ResolversTypes['MessageVersion'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PostMessageInput: PostMessageInput;
  Project: ResolverTypeWrapper<ProjectReference>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Thread: ResolverTypeWrapper<ThreadEntity>;
  ThreadConnection: ResolverTypeWrapper<ThreadConnectionModel>;
  ThreadEdge: ResolverTypeWrapper<Omit<ThreadEdge, 'node'> & { node: ResolversTypes['Thread'] }>;
  ThreadFilter: ThreadFilter;
  ThreadVersion: ResolverTypeWrapper<ThreadVersionModel>;
  ThreadVersionConnection: ResolverTypeWrapper<ThreadVersionConnectionModel>;
  ThreadVersionEdge: ResolverTypeWrapper<Omit<ThreadVersionEdge, 'node'> & { node: ResolversTypes['ThreadVersion'] }>;
  UpdateThreadInput: UpdateThreadInput;
  User: ResolverTypeWrapper<UserReference>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Client: ClientReference;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  ClientThreadFilter: ClientThreadFilter;
  CreateThreadInput: CreateThreadInput;
  DateTime: Scalars['DateTime']['output'];
  EditMessageInput: EditMessageInput;
  Message: MessageEntity;
  MessageConnection: MessageConnectionModel;
  MessageEdge: Omit<MessageEdge, 'node'> & { node: ResolversParentTypes['Message'] };
  MessageVersion: MessageVersionModel;
  MessageVersionConnection: MessageVersionConnectionModel;
  MessageVersionEdge: Omit<MessageVersionEdge, 'node'> & { node: ResolversParentTypes['MessageVersion'] };
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PostMessageInput: PostMessageInput;
  Project: ProjectReference;
  Query: Record<PropertyKey, never>;
  Thread: ThreadEntity;
  ThreadConnection: ThreadConnectionModel;
  ThreadEdge: Omit<ThreadEdge, 'node'> & { node: ResolversParentTypes['Thread'] };
  ThreadFilter: ThreadFilter;
  ThreadVersion: ThreadVersionModel;
  ThreadVersionConnection: ThreadVersionConnectionModel;
  ThreadVersionEdge: Omit<ThreadVersionEdge, 'node'> & { node: ResolversParentTypes['ThreadVersion'] };
  UpdateThreadInput: UpdateThreadInput;
  User: UserReference;
};

export type ClientResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  threads?: Resolver<ResolversTypes['ThreadConnection'], ParentType, ContextType, Partial<ClientThreadsArgs>>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MessageResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message'], FederationReferenceType extends FederationReferenceTypes['Message'] = FederationReferenceTypes['Message']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Message']> | FederationReferenceType, FederationReferenceType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  authorUser?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  editedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['MessageVersionConnection'], ParentType, ContextType, Partial<MessageHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  thread?: Resolver<ResolversTypes['Thread'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MessageConnectionResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['MessageConnection'] = ResolversParentTypes['MessageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MessageEdgeResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['MessageEdge'] = ResolversParentTypes['MessageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type MessageVersionResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['MessageVersion'] = ResolversParentTypes['MessageVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MessageVersionConnectionResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['MessageVersionConnection'] = ResolversParentTypes['MessageVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MessageVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MessageVersionEdgeResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['MessageVersionEdge'] = ResolversParentTypes['MessageVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MessageVersion'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createThread?: Resolver<Maybe<ResolversTypes['Thread']>, ParentType, ContextType, RequireFields<MutationCreateThreadArgs, 'input'>>;
  deleteMessage?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType, RequireFields<MutationDeleteMessageArgs, 'id'>>;
  deleteThread?: Resolver<Maybe<ResolversTypes['Thread']>, ParentType, ContextType, RequireFields<MutationDeleteThreadArgs, 'id'>>;
  editMessage?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType, RequireFields<MutationEditMessageArgs, 'id' | 'input'>>;
  postMessage?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType, RequireFields<MutationPostMessageArgs, 'input'>>;
  restoreMessage?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType, RequireFields<MutationRestoreMessageArgs, 'id'>>;
  restoreThread?: Resolver<Maybe<ResolversTypes['Thread']>, ParentType, ContextType, RequireFields<MutationRestoreThreadArgs, 'id'>>;
  updateThread?: Resolver<Maybe<ResolversTypes['Thread']>, ParentType, ContextType, RequireFields<MutationUpdateThreadArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType, RequireFields<QueryMessageArgs, 'id'>>;
  thread?: Resolver<Maybe<ResolversTypes['Thread']>, ParentType, ContextType, RequireFields<QueryThreadArgs, 'id'>>;
  threads?: Resolver<ResolversTypes['ThreadConnection'], ParentType, ContextType, Partial<QueryThreadsArgs>>;
};

export type ThreadResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['Thread'] = ResolversParentTypes['Thread'], FederationReferenceType extends FederationReferenceTypes['Thread'] = FederationReferenceTypes['Thread']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Thread']> | FederationReferenceType, FederationReferenceType, ContextType>;
  client?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['ThreadVersionConnection'], ParentType, ContextType, Partial<ThreadHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastActivityAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastMessageAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  main?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, Partial<ThreadMessagesArgs>>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ThreadConnectionResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['ThreadConnection'] = ResolversParentTypes['ThreadConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ThreadEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ThreadEdgeResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['ThreadEdge'] = ResolversParentTypes['ThreadEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Thread'], ParentType, ContextType>;
};

export type ThreadVersionResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['ThreadVersion'] = ResolversParentTypes['ThreadVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Thread'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ThreadVersionConnectionResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['ThreadVersionConnection'] = ResolversParentTypes['ThreadVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ThreadVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ThreadVersionEdgeResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['ThreadVersionEdge'] = ResolversParentTypes['ThreadVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ThreadVersion'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = CommunicationContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = CommunicationContext> = {
  Client?: ClientResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Message?: MessageResolvers<ContextType>;
  MessageConnection?: MessageConnectionResolvers<ContextType>;
  MessageEdge?: MessageEdgeResolvers<ContextType>;
  MessageVersion?: MessageVersionResolvers<ContextType>;
  MessageVersionConnection?: MessageVersionConnectionResolvers<ContextType>;
  MessageVersionEdge?: MessageVersionEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Thread?: ThreadResolvers<ContextType>;
  ThreadConnection?: ThreadConnectionResolvers<ContextType>;
  ThreadEdge?: ThreadEdgeResolvers<ContextType>;
  ThreadVersion?: ThreadVersionResolvers<ContextType>;
  ThreadVersionConnection?: ThreadVersionConnectionResolvers<ContextType>;
  ThreadVersionEdge?: ThreadVersionEdgeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

