import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ClientReference, WorkflowTriggerModel, WorkflowStepModel, StepRunModel, WorkflowEventModel, WorkflowConnectionModel, WorkflowRunConnectionModel, DeadLetterEventConnectionModel, WorkflowVersionModel, WorkflowVersionConnectionModel } from '../mappers.js';
import type { WorkflowEntity } from '../entities/workflow.entity.js';
import type { WorkflowRunEntity } from '../entities/workflow-run.entity.js';
import type { DeadLetterEventEntity } from '../entities/dead-letter-event.entity.js';
import type { WorkflowContext } from '../context.js';
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
  _FieldSet: { input: unknown; output: unknown; }
};

/** The crm subgraph's golden record, extended here with workflows and their runs. */
export type Client = {
  __typename?: 'Client';
  id: Scalars['ID']['output'];
  /** Workflow runs started by this client's events (the event's payload names the client), newest first. */
  workflowRuns: WorkflowRunConnection;
};


/** The crm subgraph's golden record, extended here with workflows and their runs. */
export type ClientWorkflowRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How a condition compares the value at its path. */
export type ConditionOperator =
  | 'EQUALS'
  | 'EXISTS'
  | 'GREATER_THAN'
  | 'IN'
  | 'LESS_THAN'
  | 'NOT_EQUALS';

/** A new workflow. */
export type CreateWorkflowInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to true. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  steps: Array<WorkflowStepInput>;
  trigger: WorkflowTriggerInput;
};

/** An event whose handler failed every attempt; replayDeadLetterEvent delivers it again. */
export type DeadLetterEvent = {
  __typename?: 'DeadLetterEvent';
  attempts: Scalars['Int']['output'];
  error: Scalars['String']['output'];
  eventType: Scalars['String']['output'];
  failedAt: Scalars['DateTime']['output'];
  handler: Scalars['String']['output'];
  /** The event's id in the outbox. */
  id: Scalars['ID']['output'];
  replayedAt: Maybe<Scalars['DateTime']['output']>;
  replayedBy: Maybe<Scalars['String']['output']>;
};

/** A page of dead-letter events. */
export type DeadLetterEventConnection = {
  __typename?: 'DeadLetterEventConnection';
  edges: Array<DeadLetterEventEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One dead-letter event in a page, with its cursor. */
export type DeadLetterEventEdge = {
  __typename?: 'DeadLetterEventEdge';
  cursor: Scalars['String']['output'];
  node: DeadLetterEvent;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates a workflow (owners and admins). BAD_USER_INPUT names the step input at fault, e.g. input.steps.1.input.contractId. */
  createWorkflow: Maybe<Workflow>;
  /** Soft-deletes a workflow (owners and admins). */
  deleteWorkflow: Maybe<Workflow>;
  /** Stops a workflow from starting runs (owners and admins); runs already started go on. */
  disableWorkflow: Maybe<Workflow>;
  /** Lets a workflow start runs again (owners and admins). */
  enableWorkflow: Maybe<Workflow>;
  /** Delivers a dead-letter event again (owners and admins). CONFLICT when it was already replayed. */
  replayDeadLetterEvent: Maybe<DeadLetterEvent>;
  /** Brings a deleted workflow back (owners and admins). */
  restoreWorkflow: Maybe<Workflow>;
  /**
   * Resumes a FAILED run from its failed step (owners and admins): the steps that succeeded are
   * not repeated. CONFLICT, naming the status, for a run that has not failed.
   */
  retryWorkflowRun: Maybe<WorkflowRun>;
  /** Changes a workflow (owners and admins). Runs already started keep their steps. */
  updateWorkflow: Maybe<Workflow>;
};


export type MutationCreateWorkflowArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateWorkflowInput;
};


export type MutationDeleteWorkflowArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDisableWorkflowArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationEnableWorkflowArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationReplayDeadLetterEventArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreWorkflowArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRetryWorkflowRunArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateWorkflowArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateWorkflowInput;
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
  /** Events whose handler failed every attempt, newest first (owners and admins). */
  deadLetterEvents: DeadLetterEventConnection;
  /** One workflow, or null when no workflow of this organization has the id (or it is deleted). With asOf, as it was then. */
  workflow: Maybe<Workflow>;
  /** One run, or null. */
  workflowRun: Maybe<WorkflowRun>;
  /** The organization's workflow runs, newest first. */
  workflowRuns: WorkflowRunConnection;
  /** The organization's workflows, oldest first. */
  workflows: WorkflowConnection;
};


export type QueryDeadLetterEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeReplayed?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryWorkflowArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryWorkflowRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWorkflowRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkflowRunFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWorkflowsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkflowFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** What a step does. Each acts through the graph, like a user would, so it is validated, isolated and audited. */
export type StepKind =
  /** POSTs { event, run, data } as JSON to url, signed with HMAC-SHA256 (header X-Ubos-Signature); 5xx and network errors are retried; output { status }. */
  | 'CALL_WEBHOOK'
  /** createContract(input: { proposalId }); output { id }. */
  | 'CREATE_CONTRACT'
  /** createEngagement(input: { clientId, contractId, name, type, projectIds }); output { id }. */
  | 'CREATE_ENGAGEMENT'
  /** createInvoice(input: { clientId, currency, lineItems, dueDate }), a draft; output { id }. */
  | 'CREATE_INVOICE'
  /** createProject(input: { clientId, name, description, startDate, dueDate }), then its milestones ([{ name, dueDate }]) and tasks ([{ title, dueDate, milestone: <milestone name> }]); output { id, milestoneIds, taskIds }. */
  | 'CREATE_PROJECT'
  /** postMessage(input: { clientId, body }) on the client's thread; output { id }. */
  | 'POST_MESSAGE';

/** One step of a run: its status, attempts, last error and output. */
export type StepRun = {
  __typename?: 'StepRun';
  /** Attempts since the run was last retried (retryWorkflowRun gives each retry a fresh budget), failed ones included. */
  attempts: Scalars['Int']['output'];
  /** The last attempt's error, if it failed. */
  error: Maybe<Scalars['String']['output']>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  key: Scalars['String']['output'];
  kind: StepKind;
  name: Scalars['String']['output'];
  /** What the step produced, e.g. { id } of what it created; later steps read it as steps.<key>. */
  output: Maybe<Scalars['JSON']['output']>;
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: WorkflowRunStatus;
  /** Every attempt since the run started, earlier retries included. */
  totalAttempts: Scalars['Int']['output'];
};

/** Changes to a workflow; omitted fields keep their value. Runs already started keep the steps they started with. */
export type UpdateWorkflowInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  steps?: InputMaybe<Array<WorkflowStepInput>>;
  trigger?: InputMaybe<WorkflowTriggerInput>;
};

/**
 * Work that an event sets off, per organization: when an event of the trigger's type (and
 * meeting its conditions) happens, the worker starts a run that performs the steps in order,
 * through the graph, as the actor workflow:<run id>.
 */
export type Workflow = {
  __typename?: 'Workflow';
  createdAt: Scalars['DateTime']['output'];
  /** Set when it was deleted. A deleted workflow starts no run. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  description: Maybe<Scalars['String']['output']>;
  /** A disabled workflow starts no run; runs already started go on. */
  enabled: Scalars['Boolean']['output'];
  /** Every version of this workflow, oldest first. */
  history: WorkflowVersionConnection;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** This workflow's runs, newest first. */
  runs: WorkflowRunConnection;
  /** The steps, in the order they run. */
  steps: Array<WorkflowStep>;
  /** Set on the workflows every organization gets (proposal-accepted); null for the organization's own. */
  systemKey: Maybe<Scalars['String']['output']>;
  trigger: WorkflowTrigger;
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/**
 * Work that an event sets off, per organization: when an event of the trigger's type (and
 * meeting its conditions) happens, the worker starts a run that performs the steps in order,
 * through the graph, as the actor workflow:<run id>.
 */
export type WorkflowHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Work that an event sets off, per organization: when an event of the trigger's type (and
 * meeting its conditions) happens, the worker starts a run that performs the steps in order,
 * through the graph, as the actor workflow:<run id>.
 */
export type WorkflowRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkflowRunFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A condition on the triggering event. path is dotted, from event (event.payload.to,
 * event.aggregateType); GREATER_THAN and LESS_THAN compare numbers, IN takes a list.
 */
export type WorkflowCondition = {
  __typename?: 'WorkflowCondition';
  operator: ConditionOperator;
  path: Scalars['String']['output'];
  /** Absent for EXISTS. */
  value: Maybe<Scalars['JSON']['output']>;
};

/** A condition on the triggering event. */
export type WorkflowConditionInput = {
  operator: ConditionOperator;
  path: Scalars['String']['input'];
  value?: InputMaybe<Scalars['JSON']['input']>;
};

/** A page of workflows. */
export type WorkflowConnection = {
  __typename?: 'WorkflowConnection';
  edges: Array<WorkflowEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One workflow in a page, with its cursor. */
export type WorkflowEdge = {
  __typename?: 'WorkflowEdge';
  cursor: Scalars['String']['output'];
  node: Workflow;
};

/** A domain event of the outbox, as a run saw it. */
export type WorkflowEvent = {
  __typename?: 'WorkflowEvent';
  aggregateId: Scalars['ID']['output'];
  /** What the event is about, e.g. Client, Proposal. */
  aggregateType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  payload: Scalars['JSON']['output'];
  type: Scalars['String']['output'];
};

/** Narrows a workflow list. */
export type WorkflowFilter = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Workflows triggered by this event type. */
  eventType?: InputMaybe<Scalars['String']['input']>;
};

/** One execution of a workflow, started by one event. */
export type WorkflowRun = {
  __typename?: 'WorkflowRun';
  /** The event's client, when it names one. */
  client: Maybe<Client>;
  createdAt: Scalars['DateTime']['output'];
  /** The event that started the run. */
  event: WorkflowEvent;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** How many times retryWorkflowRun resumed it. */
  retries: Scalars['Int']['output'];
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: WorkflowRunStatus;
  /** One per step of the workflow, in order. */
  steps: Array<StepRun>;
  /** The workflow as it is now; the run performs the steps it had when the run started. */
  workflow: Workflow;
  /** The workflow's name when the run started. */
  workflowName: Scalars['String']['output'];
  workflowVersion: Scalars['Int']['output'];
};

/** A page of workflow runs. */
export type WorkflowRunConnection = {
  __typename?: 'WorkflowRunConnection';
  edges: Array<WorkflowRunEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One workflow run in a page, with its cursor. */
export type WorkflowRunEdge = {
  __typename?: 'WorkflowRunEdge';
  cursor: Scalars['String']['output'];
  node: WorkflowRun;
};

/** Narrows a list of runs. */
export type WorkflowRunFilter = {
  clientId?: InputMaybe<Scalars['ID']['input']>;
  eventType?: InputMaybe<Scalars['String']['input']>;
  /** Any of these statuses (FAILED: the dead letters). */
  status?: InputMaybe<Array<WorkflowRunStatus>>;
  workflowId?: InputMaybe<Scalars['ID']['input']>;
};

/** Where a run, or one of its steps, stands. */
export type WorkflowRunStatus =
  /** Gave up after its attempts: a dead letter, which retryWorkflowRun resumes. */
  | 'FAILED'
  /** Waiting to start, or to retry after a failure. */
  | 'PENDING'
  | 'RUNNING'
  /** Not run: an earlier step failed for good, or the workflow chose to skip it. */
  | 'SKIPPED'
  | 'SUCCEEDED';

/**
 * One step of a workflow. input is the step's arguments; a string in it may hold templates:
 * {{event.payload.clientId}}, {{event.id}}, {{run.id}}, or {{steps.<key>.<field>}} for the
 * output of an earlier step (e.g. {{steps.contract.id}}). A string that is one template alone
 * takes the value's own type.
 */
export type WorkflowStep = {
  __typename?: 'WorkflowStep';
  /** The step's arguments (a webhook's signing secret is never shown). */
  input: Scalars['JSON']['output'];
  /** Unique in the workflow; later steps name its output by it. */
  key: Scalars['String']['output'];
  kind: StepKind;
  name: Scalars['String']['output'];
};

/** A step. For CALL_WEBHOOK, input is { url, secret, data }: the secret (16 characters or more) signs each call and is stored apart, never shown. */
export type WorkflowStepInput = {
  input: Scalars['JSON']['input'];
  key: Scalars['String']['input'];
  kind: StepKind;
  /** Defaults to the key. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** What starts a workflow: an event type, and conditions on the event that must all hold. */
export type WorkflowTrigger = {
  __typename?: 'WorkflowTrigger';
  conditions: Array<WorkflowCondition>;
  /** A domain event type of the outbox, e.g. ProposalAccepted, ClientCreated, DealStageChanged. */
  eventType: Scalars['String']['output'];
};

/** A trigger: an event type and optional conditions. */
export type WorkflowTriggerInput = {
  conditions?: InputMaybe<Array<WorkflowConditionInput>>;
  eventType: Scalars['String']['input'];
};

/** One version of a workflow: its fields as they were from validFrom until validTo. */
export type WorkflowVersion = {
  __typename?: 'WorkflowVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The workflow's fields at this version. Its lists show the present. */
  snapshot: Workflow;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of workflow versions. */
export type WorkflowVersionConnection = {
  __typename?: 'WorkflowVersionConnection';
  edges: Array<WorkflowVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One workflow version in a page, with its cursor. */
export type WorkflowVersionEdge = {
  __typename?: 'WorkflowVersionEdge';
  cursor: Scalars['String']['output'];
  node: WorkflowVersion;
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
  Workflow: Workflow;
  WorkflowRun: WorkflowRun;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Client:
    ( { __typename: 'Client' }
    & GraphQLRecursivePick<FederationTypes['Client'], {"id":true}> );
  Workflow:
    ( { __typename: 'Workflow' }
    & GraphQLRecursivePick<FederationTypes['Workflow'], {"id":true}> );
  WorkflowRun:
    ( { __typename: 'WorkflowRun' }
    & GraphQLRecursivePick<FederationTypes['WorkflowRun'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Client: ResolverTypeWrapper<ClientReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ConditionOperator: ConditionOperator;
  CreateWorkflowInput: CreateWorkflowInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeadLetterEvent: ResolverTypeWrapper<DeadLetterEventEntity>;
  DeadLetterEventConnection: ResolverTypeWrapper<DeadLetterEventConnectionModel>;
  DeadLetterEventEdge: ResolverTypeWrapper<Omit<DeadLetterEventEdge, 'node'> & { node: ResolversTypes['DeadLetterEvent'] }>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  StepKind: StepKind;
  StepRun: ResolverTypeWrapper<StepRunModel>;
  UpdateWorkflowInput: UpdateWorkflowInput;
  Workflow: ResolverTypeWrapper<WorkflowEntity>;
  WorkflowCondition: ResolverTypeWrapper<WorkflowCondition>;
  WorkflowConditionInput: WorkflowConditionInput;
  WorkflowConnection: ResolverTypeWrapper<WorkflowConnectionModel>;
  WorkflowEdge: ResolverTypeWrapper<Omit<WorkflowEdge, 'node'> & { node: ResolversTypes['Workflow'] }>;
  WorkflowEvent: ResolverTypeWrapper<WorkflowEventModel>;
  WorkflowFilter: WorkflowFilter;
  WorkflowRun: ResolverTypeWrapper<WorkflowRunEntity>;
  WorkflowRunConnection: ResolverTypeWrapper<WorkflowRunConnectionModel>;
  WorkflowRunEdge: ResolverTypeWrapper<Omit<WorkflowRunEdge, 'node'> & { node: ResolversTypes['WorkflowRun'] }>;
  WorkflowRunFilter: WorkflowRunFilter;
  WorkflowRunStatus: WorkflowRunStatus;
  WorkflowStep: ResolverTypeWrapper<WorkflowStepModel>;
  WorkflowStepInput: WorkflowStepInput;
  WorkflowTrigger: ResolverTypeWrapper<WorkflowTriggerModel>;
  WorkflowTriggerInput: WorkflowTriggerInput;
  WorkflowVersion: ResolverTypeWrapper<WorkflowVersionModel>;
  WorkflowVersionConnection: ResolverTypeWrapper<WorkflowVersionConnectionModel>;
  WorkflowVersionEdge: ResolverTypeWrapper<Omit<WorkflowVersionEdge, 'node'> & { node: ResolversTypes['WorkflowVersion'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Client: ClientReference;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  CreateWorkflowInput: CreateWorkflowInput;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeadLetterEvent: DeadLetterEventEntity;
  DeadLetterEventConnection: DeadLetterEventConnectionModel;
  DeadLetterEventEdge: Omit<DeadLetterEventEdge, 'node'> & { node: ResolversParentTypes['DeadLetterEvent'] };
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  StepRun: StepRunModel;
  UpdateWorkflowInput: UpdateWorkflowInput;
  Workflow: WorkflowEntity;
  WorkflowCondition: WorkflowCondition;
  WorkflowConditionInput: WorkflowConditionInput;
  WorkflowConnection: WorkflowConnectionModel;
  WorkflowEdge: Omit<WorkflowEdge, 'node'> & { node: ResolversParentTypes['Workflow'] };
  WorkflowEvent: WorkflowEventModel;
  WorkflowFilter: WorkflowFilter;
  WorkflowRun: WorkflowRunEntity;
  WorkflowRunConnection: WorkflowRunConnectionModel;
  WorkflowRunEdge: Omit<WorkflowRunEdge, 'node'> & { node: ResolversParentTypes['WorkflowRun'] };
  WorkflowRunFilter: WorkflowRunFilter;
  WorkflowStep: WorkflowStepModel;
  WorkflowStepInput: WorkflowStepInput;
  WorkflowTrigger: WorkflowTriggerModel;
  WorkflowTriggerInput: WorkflowTriggerInput;
  WorkflowVersion: WorkflowVersionModel;
  WorkflowVersionConnection: WorkflowVersionConnectionModel;
  WorkflowVersionEdge: Omit<WorkflowVersionEdge, 'node'> & { node: ResolversParentTypes['WorkflowVersion'] };
};

export type ClientResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  workflowRuns?: Resolver<ResolversTypes['WorkflowRunConnection'], ParentType, ContextType, Partial<ClientWorkflowRunsArgs>>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeadLetterEventResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['DeadLetterEvent'] = ResolversParentTypes['DeadLetterEvent']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  failedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  handler?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  replayedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  replayedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeadLetterEventConnectionResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['DeadLetterEventConnection'] = ResolversParentTypes['DeadLetterEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DeadLetterEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DeadLetterEventEdgeResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['DeadLetterEventEdge'] = ResolversParentTypes['DeadLetterEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DeadLetterEvent'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createWorkflow?: Resolver<Maybe<ResolversTypes['Workflow']>, ParentType, ContextType, RequireFields<MutationCreateWorkflowArgs, 'input'>>;
  deleteWorkflow?: Resolver<Maybe<ResolversTypes['Workflow']>, ParentType, ContextType, RequireFields<MutationDeleteWorkflowArgs, 'id'>>;
  disableWorkflow?: Resolver<Maybe<ResolversTypes['Workflow']>, ParentType, ContextType, RequireFields<MutationDisableWorkflowArgs, 'id'>>;
  enableWorkflow?: Resolver<Maybe<ResolversTypes['Workflow']>, ParentType, ContextType, RequireFields<MutationEnableWorkflowArgs, 'id'>>;
  replayDeadLetterEvent?: Resolver<Maybe<ResolversTypes['DeadLetterEvent']>, ParentType, ContextType, RequireFields<MutationReplayDeadLetterEventArgs, 'id'>>;
  restoreWorkflow?: Resolver<Maybe<ResolversTypes['Workflow']>, ParentType, ContextType, RequireFields<MutationRestoreWorkflowArgs, 'id'>>;
  retryWorkflowRun?: Resolver<Maybe<ResolversTypes['WorkflowRun']>, ParentType, ContextType, RequireFields<MutationRetryWorkflowRunArgs, 'id'>>;
  updateWorkflow?: Resolver<Maybe<ResolversTypes['Workflow']>, ParentType, ContextType, RequireFields<MutationUpdateWorkflowArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  deadLetterEvents?: Resolver<ResolversTypes['DeadLetterEventConnection'], ParentType, ContextType, Partial<QueryDeadLetterEventsArgs>>;
  workflow?: Resolver<Maybe<ResolversTypes['Workflow']>, ParentType, ContextType, RequireFields<QueryWorkflowArgs, 'id'>>;
  workflowRun?: Resolver<Maybe<ResolversTypes['WorkflowRun']>, ParentType, ContextType, RequireFields<QueryWorkflowRunArgs, 'id'>>;
  workflowRuns?: Resolver<ResolversTypes['WorkflowRunConnection'], ParentType, ContextType, Partial<QueryWorkflowRunsArgs>>;
  workflows?: Resolver<ResolversTypes['WorkflowConnection'], ParentType, ContextType, Partial<QueryWorkflowsArgs>>;
};

export type StepRunResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['StepRun'] = ResolversParentTypes['StepRun']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StepKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  output?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WorkflowRunStatus'], ParentType, ContextType>;
  totalAttempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkflowResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['Workflow'] = ResolversParentTypes['Workflow'], FederationReferenceType extends FederationReferenceTypes['Workflow'] = FederationReferenceTypes['Workflow']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Workflow']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  history?: Resolver<ResolversTypes['WorkflowVersionConnection'], ParentType, ContextType, Partial<WorkflowHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runs?: Resolver<ResolversTypes['WorkflowRunConnection'], ParentType, ContextType, Partial<WorkflowRunsArgs>>;
  steps?: Resolver<Array<ResolversTypes['WorkflowStep']>, ParentType, ContextType>;
  systemKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['WorkflowTrigger'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkflowConditionResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowCondition'] = ResolversParentTypes['WorkflowCondition']> = {
  operator?: Resolver<ResolversTypes['ConditionOperator'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
};

export type WorkflowConnectionResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowConnection'] = ResolversParentTypes['WorkflowConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WorkflowEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkflowEdgeResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowEdge'] = ResolversParentTypes['WorkflowEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Workflow'], ParentType, ContextType>;
};

export type WorkflowEventResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowEvent'] = ResolversParentTypes['WorkflowEvent']> = {
  aggregateId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  aggregateType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WorkflowRunResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowRun'] = ResolversParentTypes['WorkflowRun'], FederationReferenceType extends FederationReferenceTypes['WorkflowRun'] = FederationReferenceTypes['WorkflowRun']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WorkflowRun']> | FederationReferenceType, FederationReferenceType, ContextType>;
  client?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  event?: Resolver<ResolversTypes['WorkflowEvent'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  retries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WorkflowRunStatus'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['StepRun']>, ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['Workflow'], ParentType, ContextType>;
  workflowName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workflowVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkflowRunConnectionResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowRunConnection'] = ResolversParentTypes['WorkflowRunConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WorkflowRunEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkflowRunEdgeResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowRunEdge'] = ResolversParentTypes['WorkflowRunEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WorkflowRun'], ParentType, ContextType>;
};

export type WorkflowStepResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowStep'] = ResolversParentTypes['WorkflowStep']> = {
  input?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StepKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WorkflowTriggerResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowTrigger'] = ResolversParentTypes['WorkflowTrigger']> = {
  conditions?: Resolver<Array<ResolversTypes['WorkflowCondition']>, ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WorkflowVersionResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowVersion'] = ResolversParentTypes['WorkflowVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Workflow'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkflowVersionConnectionResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowVersionConnection'] = ResolversParentTypes['WorkflowVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WorkflowVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkflowVersionEdgeResolvers<ContextType = WorkflowContext, ParentType extends ResolversParentTypes['WorkflowVersionEdge'] = ResolversParentTypes['WorkflowVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WorkflowVersion'], ParentType, ContextType>;
};

export type Resolvers<ContextType = WorkflowContext> = {
  Client?: ClientResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeadLetterEvent?: DeadLetterEventResolvers<ContextType>;
  DeadLetterEventConnection?: DeadLetterEventConnectionResolvers<ContextType>;
  DeadLetterEventEdge?: DeadLetterEventEdgeResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  StepRun?: StepRunResolvers<ContextType>;
  Workflow?: WorkflowResolvers<ContextType>;
  WorkflowCondition?: WorkflowConditionResolvers<ContextType>;
  WorkflowConnection?: WorkflowConnectionResolvers<ContextType>;
  WorkflowEdge?: WorkflowEdgeResolvers<ContextType>;
  WorkflowEvent?: WorkflowEventResolvers<ContextType>;
  WorkflowRun?: WorkflowRunResolvers<ContextType>;
  WorkflowRunConnection?: WorkflowRunConnectionResolvers<ContextType>;
  WorkflowRunEdge?: WorkflowRunEdgeResolvers<ContextType>;
  WorkflowStep?: WorkflowStepResolvers<ContextType>;
  WorkflowTrigger?: WorkflowTriggerResolvers<ContextType>;
  WorkflowVersion?: WorkflowVersionResolvers<ContextType>;
  WorkflowVersionConnection?: WorkflowVersionConnectionResolvers<ContextType>;
  WorkflowVersionEdge?: WorkflowVersionEdgeResolvers<ContextType>;
};

