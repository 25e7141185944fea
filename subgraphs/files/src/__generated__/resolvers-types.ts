import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ClientReference, ProjectReference, FileObjectConnectionModel, FileObjectVersionModel, FileObjectVersionConnectionModel, UploadTicketModel } from '../mappers.js';
import type { FileObjectEntity } from '../entities/file-object.entity.js';
import type { FilesContext } from '../context.js';
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

/** The crm subgraph's golden record, extended here with file objects and their storage. */
export type Client = {
  __typename?: 'Client';
  /** The client's files (its projects' included), newest first. */
  files: FileObjectConnection;
  id: Scalars['ID']['output'];
};


/** The crm subgraph's golden record, extended here with file objects and their storage. */
export type ClientFilesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientFileFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Narrows a client's file list. */
export type ClientFileFilter = {
  /** Only this project's files. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<FileStatus>>;
};

/** At least one of clientId and projectId; with both, the project must be the client's. */
export type CreateUploadUrlInput = {
  /** SHA-256 of the body, 64 hex characters: completeUpload then also checks it. */
  checksumSha256?: InputMaybe<Scalars['String']['input']>;
  /** The client the file belongs to. NOT_FOUND when no client of this organization has the id. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** A media type such as application/pdf or text/plain; charset=utf-8. */
  contentType: Scalars['String']['input'];
  /** The file name, 1 to 255 characters, without / or \ or control characters. */
  name: Scalars['String']['input'];
  /** The project the file belongs to (its client is then the file's client). NOT_FOUND when no project of this organization has the id. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** The exact size in bytes: more than 0 and at most the server's limit (100 MiB by default). */
  size: Scalars['Int']['input'];
};

/** Narrows the organization's file list. */
export type FileFilter = {
  /** Only this client's files. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this project's files. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<FileStatus>>;
};

/**
 * A file: its name, size, type and SHA-256, what it belongs to, and where its body is stored.
 * Bytes never travel through the graph: createUploadUrl and downloadUrl hand out presigned URLs.
 */
export type FileObject = {
  __typename?: 'FileObject';
  /** SHA-256 of the body, hex: the declared one while PENDING (or null), the verified one once UPLOADED. */
  checksumSha256: Maybe<Scalars['String']['output']>;
  /** The client it belongs to (for a project's file, the project's client). */
  client: Maybe<Client>;
  /** The media type it was uploaded and is served with, e.g. application/pdf. */
  contentType: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Who created it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  createdBy: Scalars['String']['output'];
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  /** Every version of this file object, oldest first. */
  history: FileObjectVersionConnection;
  id: Scalars['ID']['output'];
  /** The file name offered on download, without any path. */
  name: Scalars['String']['output'];
  /** The project it belongs to, if any. */
  project: Maybe<Project>;
  /** Size in bytes. */
  size: Scalars['Int']['output'];
  status: FileStatus;
  updatedAt: Scalars['DateTime']['output'];
  /** When completeUpload verified the body; null while PENDING. */
  uploadedAt: Maybe<Scalars['DateTime']['output']>;
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/**
 * A file: its name, size, type and SHA-256, what it belongs to, and where its body is stored.
 * Bytes never travel through the graph: createUploadUrl and downloadUrl hand out presigned URLs.
 */
export type FileObjectHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of file objects. */
export type FileObjectConnection = {
  __typename?: 'FileObjectConnection';
  edges: Array<FileObjectEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One file object in a page, with its cursor. */
export type FileObjectEdge = {
  __typename?: 'FileObjectEdge';
  cursor: Scalars['String']['output'];
  node: FileObject;
};

/** One version of a file object: its fields as they were from validFrom until validTo. */
export type FileObjectVersion = {
  __typename?: 'FileObjectVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The file object's fields at this version. */
  snapshot: FileObject;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of file object versions. */
export type FileObjectVersionConnection = {
  __typename?: 'FileObjectVersionConnection';
  edges: Array<FileObjectVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One file object version in a page, with its cursor. */
export type FileObjectVersionEdge = {
  __typename?: 'FileObjectVersionEdge';
  cursor: Scalars['String']['output'];
  node: FileObjectVersion;
};

export type FileStatus =
  /** Created with an upload URL; the body is not verified yet. */
  | 'PENDING'
  /** completeUpload found the body with the declared size and checksum. */
  | 'UPLOADED';

/** One HTTP header. */
export type HttpHeader = {
  __typename?: 'HttpHeader';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Checks the stored body against the declared size and checksum and marks the file UPLOADED.
   * BAD_USER_INPUT (on fileId) when nothing was uploaded or the size or checksum differ; the file
   * then stays PENDING. Completing an UPLOADED file again changes nothing.
   */
  completeUpload: Maybe<FileObject>;
  /** Records a PENDING file and answers a presigned URL to PUT its body to. Call completeUpload once the upload finished. */
  createUploadUrl: Maybe<UploadTicket>;
  /** Soft-deletes a file object (the stored body is kept, so restoreFile brings it back whole). */
  deleteFile: Maybe<FileObject>;
  /** Brings a deleted file object back. */
  restoreFile: Maybe<FileObject>;
};


export type MutationCompleteUploadArgs = {
  fileId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreateUploadUrlArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateUploadUrlInput;
};


export type MutationDeleteFileArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreFileArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A project of the projects subgraph, referenced by id. */
export type Project = {
  __typename?: 'Project';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * A presigned URL that downloads the file's body, valid for 15 minutes by default. NOT_FOUND
   * (on fileId) when no live file of this organization has the id; CONFLICT while it is PENDING.
   */
  downloadUrl: Scalars['String']['output'];
  /** One file object, or null when no file of this organization has the id (or it is deleted). With asOf, as it was then. */
  file: Maybe<FileObject>;
  /** The organization's files, newest first. */
  files: FileObjectConnection;
};


export type QueryDownloadUrlArgs = {
  fileId: Scalars['ID']['input'];
};


export type QueryFileArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryFilesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FileFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Where and how to upload a file's body, once, before expiresAt. */
export type UploadTicket = {
  __typename?: 'UploadTicket';
  /** The URL is refused after this instant (by default 15 minutes after it was made). */
  expiresAt: Scalars['DateTime']['output'];
  /** The new file, PENDING until completeUpload. */
  file: FileObject;
  /** Headers to send exactly as given (they are signed), e.g. Content-Type. */
  headers: Array<HttpHeader>;
  /** Always PUT. */
  method: Scalars['String']['output'];
  /** Send the body here with an HTTP PUT. */
  url: Scalars['String']['output'];
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
  FileObject: FileObject;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Client:
    ( { __typename: 'Client' }
    & GraphQLRecursivePick<FederationTypes['Client'], {"id":true}> );
  FileObject:
    ( { __typename: 'FileObject' }
    & GraphQLRecursivePick<FederationTypes['FileObject'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Client: ResolverTypeWrapper<ClientReference>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ClientFileFilter: ClientFileFilter;
  CreateUploadUrlInput: CreateUploadUrlInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FileFilter: FileFilter;
  FileObject: ResolverTypeWrapper<FileObjectEntity>;
  FileObjectConnection: ResolverTypeWrapper<FileObjectConnectionModel>;
  FileObjectEdge: ResolverTypeWrapper<Omit<FileObjectEdge, 'node'> & { node: ResolversTypes['FileObject'] }>;
  FileObjectVersion: ResolverTypeWrapper<FileObjectVersionModel>;
  FileObjectVersionConnection: ResolverTypeWrapper<FileObjectVersionConnectionModel>;
  FileObjectVersionEdge: ResolverTypeWrapper<Omit<FileObjectVersionEdge, 'node'> & { node: ResolversTypes['FileObjectVersion'] }>;
  FileStatus: FileStatus;
  HttpHeader: ResolverTypeWrapper<HttpHeader>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Project: ResolverTypeWrapper<ProjectReference>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UploadTicket: ResolverTypeWrapper<UploadTicketModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Client: ClientReference;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  ClientFileFilter: ClientFileFilter;
  CreateUploadUrlInput: CreateUploadUrlInput;
  DateTime: Scalars['DateTime']['output'];
  FileFilter: FileFilter;
  FileObject: FileObjectEntity;
  FileObjectConnection: FileObjectConnectionModel;
  FileObjectEdge: Omit<FileObjectEdge, 'node'> & { node: ResolversParentTypes['FileObject'] };
  FileObjectVersion: FileObjectVersionModel;
  FileObjectVersionConnection: FileObjectVersionConnectionModel;
  FileObjectVersionEdge: Omit<FileObjectVersionEdge, 'node'> & { node: ResolversParentTypes['FileObjectVersion'] };
  HttpHeader: HttpHeader;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Project: ProjectReference;
  Query: Record<PropertyKey, never>;
  UploadTicket: UploadTicketModel;
};

export type ClientResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  files?: Resolver<ResolversTypes['FileObjectConnection'], ParentType, ContextType, Partial<ClientFilesArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FileObjectResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['FileObject'] = ResolversParentTypes['FileObject'], FederationReferenceType extends FederationReferenceTypes['FileObject'] = FederationReferenceTypes['FileObject']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['FileObject']> | FederationReferenceType, FederationReferenceType, ContextType>;
  checksumSha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  client?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['FileObjectVersionConnection'], ParentType, ContextType, Partial<FileObjectHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FileStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  uploadedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FileObjectConnectionResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['FileObjectConnection'] = ResolversParentTypes['FileObjectConnection']> = {
  edges?: Resolver<Array<ResolversTypes['FileObjectEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FileObjectEdgeResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['FileObjectEdge'] = ResolversParentTypes['FileObjectEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['FileObject'], ParentType, ContextType>;
};

export type FileObjectVersionResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['FileObjectVersion'] = ResolversParentTypes['FileObjectVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['FileObject'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FileObjectVersionConnectionResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['FileObjectVersionConnection'] = ResolversParentTypes['FileObjectVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['FileObjectVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FileObjectVersionEdgeResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['FileObjectVersionEdge'] = ResolversParentTypes['FileObjectVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['FileObjectVersion'], ParentType, ContextType>;
};

export type HttpHeaderResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['HttpHeader'] = ResolversParentTypes['HttpHeader']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  completeUpload?: Resolver<Maybe<ResolversTypes['FileObject']>, ParentType, ContextType, RequireFields<MutationCompleteUploadArgs, 'fileId'>>;
  createUploadUrl?: Resolver<Maybe<ResolversTypes['UploadTicket']>, ParentType, ContextType, RequireFields<MutationCreateUploadUrlArgs, 'input'>>;
  deleteFile?: Resolver<Maybe<ResolversTypes['FileObject']>, ParentType, ContextType, RequireFields<MutationDeleteFileArgs, 'id'>>;
  restoreFile?: Resolver<Maybe<ResolversTypes['FileObject']>, ParentType, ContextType, RequireFields<MutationRestoreFileArgs, 'id'>>;
};

export type PageInfoResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  downloadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<QueryDownloadUrlArgs, 'fileId'>>;
  file?: Resolver<Maybe<ResolversTypes['FileObject']>, ParentType, ContextType, RequireFields<QueryFileArgs, 'id'>>;
  files?: Resolver<ResolversTypes['FileObjectConnection'], ParentType, ContextType, Partial<QueryFilesArgs>>;
};

export type UploadTicketResolvers<ContextType = FilesContext, ParentType extends ResolversParentTypes['UploadTicket'] = ResolversParentTypes['UploadTicket']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  file?: Resolver<ResolversTypes['FileObject'], ParentType, ContextType>;
  headers?: Resolver<Array<ResolversTypes['HttpHeader']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = FilesContext> = {
  Client?: ClientResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FileObject?: FileObjectResolvers<ContextType>;
  FileObjectConnection?: FileObjectConnectionResolvers<ContextType>;
  FileObjectEdge?: FileObjectEdgeResolvers<ContextType>;
  FileObjectVersion?: FileObjectVersionResolvers<ContextType>;
  FileObjectVersionConnection?: FileObjectVersionConnectionResolvers<ContextType>;
  FileObjectVersionEdge?: FileObjectVersionEdgeResolvers<ContextType>;
  HttpHeader?: HttpHeaderResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UploadTicket?: UploadTicketResolvers<ContextType>;
};

