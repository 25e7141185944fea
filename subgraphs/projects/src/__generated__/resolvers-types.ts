import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ClientReference, ProjectConnectionModel, TaskConnectionModel, ProjectVersionModel, TaskVersionModel, MilestoneVersionModel, ProjectVersionConnectionModel, TaskVersionConnectionModel, MilestoneVersionConnectionModel } from '../mappers.js';
import type { ProjectEntity } from '../entities/project.entity.js';
import type { TypedCustomFieldValue } from '@ubos/kernel';
import type { TaskEntity } from '../entities/task.entity.js';
import type { MilestoneEntity } from '../entities/milestone.entity.js';
import type { ProjectsContext } from '../context.js';
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
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The crm subgraph's golden record, extended here with the client's projects. */
export type Client = {
  __typename?: 'Client';
  id: Scalars['ID']['output'];
  /** Projects for this client, oldest first. With asOf, the projects the client had then, as they were then. */
  projects: ProjectConnection;
};


/** The crm subgraph's golden record, extended here with the client's projects. */
export type ClientProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateMilestoneInput = {
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  name: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
};

export type CreateProjectInput = {
  /** The client the project is for. NOT_FOUND when no client of this organization has the id. */
  clientId: Scalars['ID']['input'];
  /** Values of the organization's custom fields, by key. Validated against their definitions. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  name: Scalars['String']['input'];
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** Defaults to PLANNED. */
  status?: InputMaybe<ProjectStatus>;
};

export type CreateTaskInput = {
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  /** A milestone of the same project. */
  milestoneId?: InputMaybe<Scalars['ID']['input']>;
  projectId: Scalars['ID']['input'];
  /** Defaults to TODO. */
  status?: InputMaybe<TaskStatus>;
  title: Scalars['String']['input'];
};

/**
 * A condition on one custom field of a list. equals and anyOf compare values (for a MULTI_SELECT
 * field, they ask for an option it contains); gt, gte, lt and lte compare NUMBER and DATE fields.
 */
export type CustomFieldFilter = {
  anyOf?: InputMaybe<Array<Scalars['JSON']['input']>>;
  equals?: InputMaybe<Scalars['JSON']['input']>;
  gt?: InputMaybe<Scalars['JSON']['input']>;
  gte?: InputMaybe<Scalars['JSON']['input']>;
  key: Scalars['String']['input'];
  lt?: InputMaybe<Scalars['JSON']['input']>;
  lte?: InputMaybe<Scalars['JSON']['input']>;
};

/** The type of a custom field's values. */
export type CustomFieldType =
  | 'BOOLEAN'
  | 'DATE'
  | 'MULTI_SELECT'
  | 'NUMBER'
  | 'SELECT'
  | 'TEXT';

/** One custom field's value, typed by its definition: exactly the member of its type is set. */
export type CustomFieldValue = {
  __typename?: 'CustomFieldValue';
  /** For BOOLEAN fields. */
  boolean: Maybe<Scalars['Boolean']['output']>;
  /** For DATE fields. */
  date: Maybe<Scalars['Date']['output']>;
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** For NUMBER fields. */
  number: Maybe<Scalars['Float']['output']>;
  /** For MULTI_SELECT fields: the chosen options. */
  options: Maybe<Array<Scalars['String']['output']>>;
  /** For TEXT and SELECT fields. */
  text: Maybe<Scalars['String']['output']>;
  type: CustomFieldType;
};

/** A checkpoint in a project, e.g. a delivery. */
export type Milestone = {
  __typename?: 'Milestone';
  completed: Scalars['Boolean']['output'];
  /** When it was reached; null while open. */
  completedAt: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  dueDate: Maybe<Scalars['Date']['output']>;
  /** Every version of this milestone, oldest first. */
  history: MilestoneVersionConnection;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  project: Project;
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** A checkpoint in a project, e.g. a delivery. */
export type MilestoneHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One version of a milestone: its fields as they were from validFrom until validTo. */
export type MilestoneVersion = {
  __typename?: 'MilestoneVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The milestone's fields at this version. Its lists show the present. */
  snapshot: Milestone;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of milestone versions. */
export type MilestoneVersionConnection = {
  __typename?: 'MilestoneVersionConnection';
  edges: Array<MilestoneVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One milestone version in a page, with its cursor. */
export type MilestoneVersionEdge = {
  __typename?: 'MilestoneVersionEdge';
  cursor: Scalars['String']['output'];
  node: MilestoneVersion;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a milestone to a project. */
  createMilestone: Maybe<Milestone>;
  /** Starts a project for a client. NOT_FOUND when no client of this organization has input.clientId. */
  createProject: Maybe<Project>;
  /** Adds a task to a project, optionally under one of the project's milestones. */
  createTask: Maybe<Task>;
  /** Soft-deletes a milestone. */
  deleteMilestone: Maybe<Milestone>;
  /** Soft-deletes a project. */
  deleteProject: Maybe<Project>;
  /** Soft-deletes a task. */
  deleteTask: Maybe<Task>;
  /** Deletes a soft-deleted milestone for good (owners and admins); answers its id. The audit trail keeps every event. CONFLICT when it is not deleted or is still referenced. */
  purgeMilestone: Maybe<Scalars['ID']['output']>;
  /** Deletes a soft-deleted project for good (owners and admins); answers its id. The audit trail keeps every event. CONFLICT when it is not deleted or is still referenced. */
  purgeProject: Maybe<Scalars['ID']['output']>;
  /** Deletes a soft-deleted task for good (owners and admins); answers its id. The audit trail keeps every event. CONFLICT when it is not deleted or is still referenced. */
  purgeTask: Maybe<Scalars['ID']['output']>;
  /** Brings a deleted milestone back. */
  restoreMilestone: Maybe<Milestone>;
  /** Brings a deleted project back. */
  restoreProject: Maybe<Project>;
  /** Brings a deleted task back. */
  restoreTask: Maybe<Task>;
  /** Changes a milestone; completed: true marks it reached. */
  updateMilestone: Maybe<Milestone>;
  /** Changes a project. The due date may not fall before the start date. */
  updateProject: Maybe<Project>;
  /** Changes a task: its status, title, due date or milestone. */
  updateTask: Maybe<Task>;
};


export type MutationCreateMilestoneArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateMilestoneInput;
};


export type MutationCreateProjectArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateProjectInput;
};


export type MutationCreateTaskArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateTaskInput;
};


export type MutationDeleteMilestoneArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteProjectArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteTaskArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPurgeMilestoneArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPurgeProjectArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPurgeTaskArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreMilestoneArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreProjectArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreTaskArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateMilestoneArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateMilestoneInput;
};


export type MutationUpdateProjectArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateProjectInput;
};


export type MutationUpdateTaskArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateTaskInput;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Work delivered for a client. */
export type Project = {
  __typename?: 'Project';
  client: Client;
  createdAt: Scalars['DateTime']['output'];
  /** One custom field's value, typed by its definition; null when unset or not defined. */
  customField: Maybe<CustomFieldValue>;
  /** The values of the organization's custom fields for this project, by key (see customFieldDefinitions). */
  customFields: Scalars['JSON']['output'];
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  description: Maybe<Scalars['String']['output']>;
  dueDate: Maybe<Scalars['Date']['output']>;
  /** Every version of this project, oldest first. */
  history: ProjectVersionConnection;
  id: Scalars['ID']['output'];
  /** The project's milestones by due date. A project has a handful, so this is a plain list. */
  milestones: Array<Milestone>;
  name: Scalars['String']['output'];
  startDate: Maybe<Scalars['Date']['output']>;
  status: ProjectStatus;
  /** The project's tasks, oldest first. */
  tasks: TaskConnection;
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** Work delivered for a client. */
export type ProjectCustomFieldArgs = {
  key: Scalars['String']['input'];
};


/** Work delivered for a client. */
export type ProjectHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Work delivered for a client. */
export type ProjectTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TaskFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of projects. */
export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  edges: Array<ProjectEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One project in a page, with its cursor. */
export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  cursor: Scalars['String']['output'];
  node: Project;
};

/** Narrows a project list. */
export type ProjectFilter = {
  /** Conditions on custom fields; all must hold. Not available on Client.projects. */
  customFields?: InputMaybe<Array<CustomFieldFilter>>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<ProjectStatus>>;
};

export type ProjectStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'ON_HOLD'
  | 'PLANNED';

/** One version of a project: its fields as they were from validFrom until validTo. */
export type ProjectVersion = {
  __typename?: 'ProjectVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The project's fields at this version. Its lists show the present. */
  snapshot: Project;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of project versions. */
export type ProjectVersionConnection = {
  __typename?: 'ProjectVersionConnection';
  edges: Array<ProjectVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One project version in a page, with its cursor. */
export type ProjectVersionEdge = {
  __typename?: 'ProjectVersionEdge';
  cursor: Scalars['String']['output'];
  node: ProjectVersion;
};

export type Query = {
  __typename?: 'Query';
  /** One milestone, or null. With asOf, as it was then. */
  milestone: Maybe<Milestone>;
  /** One project, or null when no project of this organization has the id (or it is deleted). With asOf, as it was then. */
  project: Maybe<Project>;
  /** The organization's projects, oldest first. */
  projects: ProjectConnection;
  /** One task, or null. With asOf, as it was then. */
  task: Maybe<Task>;
};


export type QueryMilestoneArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryProjectArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryTaskArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};

/** A unit of work in a project. */
export type Task = {
  __typename?: 'Task';
  createdAt: Scalars['DateTime']['output'];
  /** Set when it was deleted. Lookups and lists skip deleted rows; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  dueDate: Maybe<Scalars['Date']['output']>;
  /** Every version of this task, oldest first. */
  history: TaskVersionConnection;
  id: Scalars['ID']['output'];
  /** The milestone this task counts toward, if any. */
  milestone: Maybe<Milestone>;
  project: Project;
  status: TaskStatus;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** A unit of work in a project. */
export type TaskHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of tasks. */
export type TaskConnection = {
  __typename?: 'TaskConnection';
  edges: Array<TaskEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One task in a page, with its cursor. */
export type TaskEdge = {
  __typename?: 'TaskEdge';
  cursor: Scalars['String']['output'];
  node: Task;
};

/** Narrows a task list. */
export type TaskFilter = {
  /** Any of these statuses. */
  status?: InputMaybe<Array<TaskStatus>>;
};

export type TaskStatus =
  | 'BLOCKED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'TODO';

/** One version of a task: its fields as they were from validFrom until validTo. */
export type TaskVersion = {
  __typename?: 'TaskVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The task's fields at this version. Its lists show the present. */
  snapshot: Task;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of task versions. */
export type TaskVersionConnection = {
  __typename?: 'TaskVersionConnection';
  edges: Array<TaskVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One task version in a page, with its cursor. */
export type TaskVersionEdge = {
  __typename?: 'TaskVersionEdge';
  cursor: Scalars['String']['output'];
  node: TaskVersion;
};

/** Fields to change; an omitted field keeps its value, a null clears it. */
export type UpdateMilestoneInput = {
  /** true marks the milestone reached now; false reopens it. */
  completed?: InputMaybe<Scalars['Boolean']['input']>;
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Fields to change; an omitted field keeps its value, a null clears it. */
export type UpdateProjectInput = {
  /** A patch of custom field values: a key sets its field, a null removes it, other keys keep their values. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  startDate?: InputMaybe<Scalars['Date']['input']>;
  status?: InputMaybe<ProjectStatus>;
};

/** Fields to change; an omitted field keeps its value, a null clears it. */
export type UpdateTaskInput = {
  dueDate?: InputMaybe<Scalars['Date']['input']>;
  milestoneId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<TaskStatus>;
  title?: InputMaybe<Scalars['String']['input']>;
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
  Project: Project;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Client:
    ( { __typename: 'Client' }
    & GraphQLRecursivePick<FederationTypes['Client'], {"id":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Client: ResolverTypeWrapper<ClientReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CreateMilestoneInput: CreateMilestoneInput;
  CreateProjectInput: CreateProjectInput;
  CreateTaskInput: CreateTaskInput;
  CustomFieldFilter: CustomFieldFilter;
  CustomFieldType: CustomFieldType;
  CustomFieldValue: ResolverTypeWrapper<TypedCustomFieldValue>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Milestone: ResolverTypeWrapper<MilestoneEntity>;
  MilestoneVersion: ResolverTypeWrapper<MilestoneVersionModel>;
  MilestoneVersionConnection: ResolverTypeWrapper<MilestoneVersionConnectionModel>;
  MilestoneVersionEdge: ResolverTypeWrapper<Omit<MilestoneVersionEdge, 'node'> & { node: ResolversTypes['MilestoneVersion'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Project: ResolverTypeWrapper<ProjectEntity>;
  ProjectConnection: ResolverTypeWrapper<ProjectConnectionModel>;
  ProjectEdge: ResolverTypeWrapper<Omit<ProjectEdge, 'node'> & { node: ResolversTypes['Project'] }>;
  ProjectFilter: ProjectFilter;
  ProjectStatus: ProjectStatus;
  ProjectVersion: ResolverTypeWrapper<ProjectVersionModel>;
  ProjectVersionConnection: ResolverTypeWrapper<ProjectVersionConnectionModel>;
  ProjectVersionEdge: ResolverTypeWrapper<Omit<ProjectVersionEdge, 'node'> & { node: ResolversTypes['ProjectVersion'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Task: ResolverTypeWrapper<TaskEntity>;
  TaskConnection: ResolverTypeWrapper<TaskConnectionModel>;
  TaskEdge: ResolverTypeWrapper<Omit<TaskEdge, 'node'> & { node: ResolversTypes['Task'] }>;
  TaskFilter: TaskFilter;
  TaskStatus: TaskStatus;
  TaskVersion: ResolverTypeWrapper<TaskVersionModel>;
  TaskVersionConnection: ResolverTypeWrapper<TaskVersionConnectionModel>;
  TaskVersionEdge: ResolverTypeWrapper<Omit<TaskVersionEdge, 'node'> & { node: ResolversTypes['TaskVersion'] }>;
  UpdateMilestoneInput: UpdateMilestoneInput;
  UpdateProjectInput: UpdateProjectInput;
  UpdateTaskInput: UpdateTaskInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Client: ClientReference;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  CreateMilestoneInput: CreateMilestoneInput;
  CreateProjectInput: CreateProjectInput;
  CreateTaskInput: CreateTaskInput;
  CustomFieldFilter: CustomFieldFilter;
  CustomFieldValue: TypedCustomFieldValue;
  Float: Scalars['Float']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  JSON: Scalars['JSON']['output'];
  Milestone: MilestoneEntity;
  MilestoneVersion: MilestoneVersionModel;
  MilestoneVersionConnection: MilestoneVersionConnectionModel;
  MilestoneVersionEdge: Omit<MilestoneVersionEdge, 'node'> & { node: ResolversParentTypes['MilestoneVersion'] };
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Project: ProjectEntity;
  ProjectConnection: ProjectConnectionModel;
  ProjectEdge: Omit<ProjectEdge, 'node'> & { node: ResolversParentTypes['Project'] };
  ProjectFilter: ProjectFilter;
  ProjectVersion: ProjectVersionModel;
  ProjectVersionConnection: ProjectVersionConnectionModel;
  ProjectVersionEdge: Omit<ProjectVersionEdge, 'node'> & { node: ResolversParentTypes['ProjectVersion'] };
  Query: Record<PropertyKey, never>;
  Task: TaskEntity;
  TaskConnection: TaskConnectionModel;
  TaskEdge: Omit<TaskEdge, 'node'> & { node: ResolversParentTypes['Task'] };
  TaskFilter: TaskFilter;
  TaskVersion: TaskVersionModel;
  TaskVersionConnection: TaskVersionConnectionModel;
  TaskVersionEdge: Omit<TaskVersionEdge, 'node'> & { node: ResolversParentTypes['TaskVersion'] };
  UpdateMilestoneInput: UpdateMilestoneInput;
  UpdateProjectInput: UpdateProjectInput;
  UpdateTaskInput: UpdateTaskInput;
};

export type ClientResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projects?: Resolver<ResolversTypes['ProjectConnection'], ParentType, ContextType, Partial<ClientProjectsArgs>>;
};

export type CustomFieldValueResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['CustomFieldValue'] = ResolversParentTypes['CustomFieldValue']> = {
  boolean?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  options?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CustomFieldType'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MilestoneResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Milestone'] = ResolversParentTypes['Milestone']> = {
  completed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['MilestoneVersionConnection'], ParentType, ContextType, Partial<MilestoneHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MilestoneVersionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['MilestoneVersion'] = ResolversParentTypes['MilestoneVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MilestoneVersionConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['MilestoneVersionConnection'] = ResolversParentTypes['MilestoneVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MilestoneVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MilestoneVersionEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['MilestoneVersionEdge'] = ResolversParentTypes['MilestoneVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MilestoneVersion'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createMilestone?: Resolver<Maybe<ResolversTypes['Milestone']>, ParentType, ContextType, RequireFields<MutationCreateMilestoneArgs, 'input'>>;
  createProject?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<MutationCreateProjectArgs, 'input'>>;
  createTask?: Resolver<Maybe<ResolversTypes['Task']>, ParentType, ContextType, RequireFields<MutationCreateTaskArgs, 'input'>>;
  deleteMilestone?: Resolver<Maybe<ResolversTypes['Milestone']>, ParentType, ContextType, RequireFields<MutationDeleteMilestoneArgs, 'id'>>;
  deleteProject?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<MutationDeleteProjectArgs, 'id'>>;
  deleteTask?: Resolver<Maybe<ResolversTypes['Task']>, ParentType, ContextType, RequireFields<MutationDeleteTaskArgs, 'id'>>;
  purgeMilestone?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType, RequireFields<MutationPurgeMilestoneArgs, 'id'>>;
  purgeProject?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType, RequireFields<MutationPurgeProjectArgs, 'id'>>;
  purgeTask?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType, RequireFields<MutationPurgeTaskArgs, 'id'>>;
  restoreMilestone?: Resolver<Maybe<ResolversTypes['Milestone']>, ParentType, ContextType, RequireFields<MutationRestoreMilestoneArgs, 'id'>>;
  restoreProject?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<MutationRestoreProjectArgs, 'id'>>;
  restoreTask?: Resolver<Maybe<ResolversTypes['Task']>, ParentType, ContextType, RequireFields<MutationRestoreTaskArgs, 'id'>>;
  updateMilestone?: Resolver<Maybe<ResolversTypes['Milestone']>, ParentType, ContextType, RequireFields<MutationUpdateMilestoneArgs, 'id' | 'input'>>;
  updateProject?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<MutationUpdateProjectArgs, 'id' | 'input'>>;
  updateTask?: Resolver<Maybe<ResolversTypes['Task']>, ParentType, ContextType, RequireFields<MutationUpdateTaskArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  client?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customField?: Resolver<Maybe<ResolversTypes['CustomFieldValue']>, ParentType, ContextType, RequireFields<ProjectCustomFieldArgs, 'key'>>;
  customFields?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['ProjectVersionConnection'], ParentType, ContextType, Partial<ProjectHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  milestones?: Resolver<Array<ResolversTypes['Milestone']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProjectStatus'], ParentType, ContextType>;
  tasks?: Resolver<ResolversTypes['TaskConnection'], ParentType, ContextType, Partial<ProjectTasksArgs>>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProjectConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ProjectConnection'] = ResolversParentTypes['ProjectConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProjectEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProjectEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ProjectEdge'] = ResolversParentTypes['ProjectEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
};

export type ProjectVersionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ProjectVersion'] = ResolversParentTypes['ProjectVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProjectVersionConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ProjectVersionConnection'] = ResolversParentTypes['ProjectVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProjectVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProjectVersionEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ProjectVersionEdge'] = ResolversParentTypes['ProjectVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ProjectVersion'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  milestone?: Resolver<Maybe<ResolversTypes['Milestone']>, ParentType, ContextType, RequireFields<QueryMilestoneArgs, 'id'>>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<QueryProjectArgs, 'id'>>;
  projects?: Resolver<ResolversTypes['ProjectConnection'], ParentType, ContextType, Partial<QueryProjectsArgs>>;
  task?: Resolver<Maybe<ResolversTypes['Task']>, ParentType, ContextType, RequireFields<QueryTaskArgs, 'id'>>;
};

export type TaskResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Task'] = ResolversParentTypes['Task']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['TaskVersionConnection'], ParentType, ContextType, Partial<TaskHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  milestone?: Resolver<Maybe<ResolversTypes['Milestone']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TaskStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TaskConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['TaskConnection'] = ResolversParentTypes['TaskConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TaskEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TaskEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['TaskEdge'] = ResolversParentTypes['TaskEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Task'], ParentType, ContextType>;
};

export type TaskVersionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['TaskVersion'] = ResolversParentTypes['TaskVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Task'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TaskVersionConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['TaskVersionConnection'] = ResolversParentTypes['TaskVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TaskVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TaskVersionEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['TaskVersionEdge'] = ResolversParentTypes['TaskVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TaskVersion'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ProjectsContext> = {
  Client?: ClientResolvers<ContextType>;
  CustomFieldValue?: CustomFieldValueResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  Milestone?: MilestoneResolvers<ContextType>;
  MilestoneVersion?: MilestoneVersionResolvers<ContextType>;
  MilestoneVersionConnection?: MilestoneVersionConnectionResolvers<ContextType>;
  MilestoneVersionEdge?: MilestoneVersionEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectConnection?: ProjectConnectionResolvers<ContextType>;
  ProjectEdge?: ProjectEdgeResolvers<ContextType>;
  ProjectVersion?: ProjectVersionResolvers<ContextType>;
  ProjectVersionConnection?: ProjectVersionConnectionResolvers<ContextType>;
  ProjectVersionEdge?: ProjectVersionEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Task?: TaskResolvers<ContextType>;
  TaskConnection?: TaskConnectionResolvers<ContextType>;
  TaskEdge?: TaskEdgeResolvers<ContextType>;
  TaskVersion?: TaskVersionResolvers<ContextType>;
  TaskVersionConnection?: TaskVersionConnectionResolvers<ContextType>;
  TaskVersionEdge?: TaskVersionEdgeResolvers<ContextType>;
};

