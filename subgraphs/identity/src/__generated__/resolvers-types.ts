import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrganizationEntity } from '../entities/organization.entity.js';
import type { UserEntity } from '../entities/user.entity.js';
import type { MembershipEntity } from '../entities/membership.entity.js';
import type { MembershipConnectionModel, AuthPayloadModel, DataQualityIssueConnectionModel } from '../mappers.js';
import type { ApiKeyEntity } from '../entities/api-key.entity.js';
import type { PersistedOperationEntity } from '../entities/persisted-operation.entity.js';
import type { SessionEntity } from '../entities/session.entity.js';
import type { InvitationEntity } from '../entities/invitation.entity.js';
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

/** The result of a successful login, sign-up, refresh or accepted invitation: a session. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** When the access token stops being accepted; get a new one with refreshSession before then. */
  expiresAt: Scalars['DateTime']['output'];
  /** The organization the token acts in. */
  organization: Organization;
  /** Every organization this user belongs to. */
  organizations: Array<OrganizationChoice>;
  /** Exchange it once, with refreshSession, for a new access token and a new refresh token. */
  refreshToken: Scalars['String']['output'];
  /** When the refresh token (and so the session, unless refreshed) ends. */
  refreshTokenExpiresAt: Scalars['DateTime']['output'];
  role: Role;
  /** The session the tokens belong to. */
  session: Session;
  /** A short-lived access token for the Authorization header. It carries exactly one organization. */
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

/** An invitation to join the organization, sent by email with a single-use link. */
export type Invitation = {
  __typename?: 'Invitation';
  acceptedAt: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Where it was sent, lower case. */
  email: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Who invited: user:<id>. */
  invitedBy: Scalars['String']['output'];
  lastSentAt: Scalars['DateTime']['output'];
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** The role the person gets on accepting. */
  role: Role;
  /** How many times the link was sent (the first time included). */
  sentCount: Scalars['Int']['output'];
  status: InvitationStatus;
  version: Scalars['Int']['output'];
};

/** Where an invitation stands. */
export type InvitationStatus =
  | 'ACCEPTED'
  /** Not accepted in time; resendInvitation issues a new link. */
  | 'EXPIRED'
  /** Sent, neither accepted, revoked nor expired. */
  | 'PENDING'
  | 'REVOKED';

export type InviteMemberInput = {
  email: Scalars['String']['input'];
  /** ADMIN or MEMBER; only an owner may invite an OWNER. */
  role: Role;
};

/** A user's place in one organization. */
export type Membership = {
  __typename?: 'Membership';
  createdAt: Scalars['DateTime']['output'];
  /** When the member was removed (removeMember), or null. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  organization: Organization;
  role: Role;
  user: User;
  /** Increases with every change (a new role); pass it as expectedVersion to changeMemberRole. */
  version: Scalars['Int']['output'];
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
  /**
   * Joins the organization of the invitation. A new person gives a name and a password; a person
   * with an account either is signed in as the invited address or gives that account's password.
   * Answers a session in the organization.
   */
  acceptInvitation: Maybe<AuthPayload>;
  /** Gives a member another role (owners and admins; only an owner grants or takes OWNER). At least one owner remains. */
  changeMemberRole: Maybe<Membership>;
  /** Changes the signed-in user's password. Every other session of the user ends. */
  changePassword: Maybe<Scalars['Boolean']['output']>;
  /** Creates an API key for the organization (owners and admins). Answers the secret once. */
  createApiKey: Maybe<CreatedApiKey>;
  /** Invites a person by email (owners and admins). Inviting an address with an open invitation sends it again. */
  inviteMember: Maybe<Invitation>;
  /**
   * Exchanges an email and password for a token. A user in several organizations picks one
   * with organizationId; without it, the oldest membership is used. Wrong credentials answer
   * UNAUTHENTICATED without telling which part was wrong.
   */
  login: Maybe<AuthPayload>;
  /** Ends the session of the request's token. Its access token is refused from the next request on. */
  logout: Maybe<Scalars['Boolean']['output']>;
  /** Ends every session of the signed-in user, in every organization. Answers how many ended. */
  logoutEverywhere: Maybe<Scalars['Int']['output']>;
  /**
   * Exchanges a refresh token for a new access token and a new refresh token (the old one stops
   * working). Presenting a refresh token that was already exchanged ends the session.
   */
  refreshSession: Maybe<AuthPayload>;
  /**
   * Registers operations for the organization (owners and admins), by the SHA-256 of their text.
   * Keys created with persistedOnly accept nothing else. Registering the same text again is a no-op.
   */
  registerPersistedOperations: Maybe<Array<PersistedOperation>>;
  /** Removes a member (owners and admins; only an owner removes an owner). Their sessions end at once. At least one owner remains. */
  removeMember: Maybe<Membership>;
  /**
   * Emails a single-use link to reset the password, when the address has an account. Answers true
   * either way, so nobody learns which addresses have accounts.
   */
  requestPasswordReset: Maybe<Scalars['Boolean']['output']>;
  /** Sends a pending or expired invitation again, with a new link and expiry; the old link stops working. */
  resendInvitation: Maybe<Invitation>;
  /** Sets a new password with the emailed token. Every session of the user ends. */
  resetPassword: Maybe<Scalars['Boolean']['output']>;
  /** Revokes a key at once (owners and admins). NOT_FOUND for a key of another organization. */
  revokeApiKey: Maybe<ApiKey>;
  /** Revokes an invitation that was not accepted yet. */
  revokeInvitation: Maybe<Invitation>;
  /** Ends one of the signed-in user's own sessions in this organization. */
  revokeSession: Maybe<Session>;
  /**
   * Creates an organization with its owner and default workflows, and signs the owner in. An
   * email that already has an account signs up another organization with that account's password.
   */
  signUp: Maybe<AuthPayload>;
  /**
   * Moves the organization to a newer schema version (owners only), or resumes its unfinished
   * run to that version (after a failure, once the row named in the error is corrected). Answers
   * at once with the run RUNNING; the rows move in the background, batch by batch, and
   * organization.migration shows the progress. BAD_USER_INPUT on targetVersion for a version that
   * does not exist or is not newer; CONFLICT while a run to another version is unfinished.
   */
  startTenantMigration: Maybe<TenantMigration>;
  /** Makes another member the owner (owners only); the caller becomes an admin. */
  transferOwnership: Maybe<Membership>;
};


export type MutationAcceptInvitationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  token: Scalars['String']['input'];
};


export type MutationChangeMemberRoleArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  membershipId: Scalars['ID']['input'];
  role: Role;
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  newPassword: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateApiKeyInput;
};


export type MutationInviteMemberArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: InviteMemberInput;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  password: Scalars['String']['input'];
};


export type MutationLogoutArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationLogoutEverywhereArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRefreshSessionArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterPersistedOperationsArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  operations: Array<PersistedOperationInput>;
};


export type MutationRemoveMemberArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  membershipId: Scalars['ID']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationResendInvitationArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationResetPasswordArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRevokeInvitationArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSignUpArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: SignUpInput;
};


export type MutationStartTenantMigrationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  targetVersion: Scalars['Int']['input'];
};


export type MutationTransferOwnershipArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  membershipId: Scalars['ID']['input'];
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
  /** The organization's invitations, newest first; closed ones (accepted, revoked) with includeClosed. Owners and admins only. */
  invitations: Array<Invitation>;
  /** The signed-in user. */
  me: User;
  /** The organization of the current token. */
  organization: Organization;
  /** For the gateway alone: the registered operation with this hash, or null. */
  persistedOperation: Maybe<PersistedOperation>;
  /** The organization's registered operations. Owners and admins only. */
  persistedOperations: Array<PersistedOperation>;
  /**
   * For the gateway alone: the role of a user token's person now, or null when the token must be
   * refused (session ended, membership removed, tokens invalidated).
   */
  sessionState: Maybe<SessionState>;
  /** The signed-in user's live sessions in this organization, newest first. */
  sessions: Array<Session>;
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


export type QueryInvitationsArgs = {
  includeClosed?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryPersistedOperationArgs = {
  sha256: Scalars['String']['input'];
};


export type QuerySessionStateArgs = {
  issuedAt: Scalars['Int']['input'];
  sessionId?: InputMaybe<Scalars['ID']['input']>;
  userId: Scalars['ID']['input'];
};

/** What a member may do in an organization. */
export type Role =
  /** Manages members and settings. */
  | 'ADMIN'
  /** Works with the organization's data. */
  | 'MEMBER'
  /** Full control, including billing and erasure. */
  | 'OWNER';

/** A signed-in device: one login (or sign-up, or accepted invitation) in one organization. */
export type Session = {
  __typename?: 'Session';
  createdAt: Scalars['DateTime']['output'];
  /** Whether this is the session of the request's own token. */
  current: Scalars['Boolean']['output'];
  /** When the session ends unless refreshed before. */
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The client address of the device, as it last refreshed. */
  ip: Maybe<Scalars['String']['output']>;
  /** When the session last got a token (sign-in or refresh). */
  lastSeenAt: Scalars['DateTime']['output'];
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** The User-Agent of the device, as it last refreshed. */
  userAgent: Maybe<Scalars['String']['output']>;
};

/** What the gateway learns about a user token's session. Not part of the public graph. */
export type SessionState = {
  __typename?: 'SessionState';
  /** The person's role now, which may differ from the one in the token. */
  role: Role;
};

export type SignUpInput = {
  email: Scalars['String']['input'];
  /** The owner's name. */
  name: Scalars['String']['input'];
  /** The firm's name, e.g. Acme Agency. */
  organizationName: Scalars['String']['input'];
  /** At least 10 characters, and not one of the most common passwords. */
  password: Scalars['String']['input'];
};

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
  Invitation: ResolverTypeWrapper<InvitationEntity>;
  InvitationStatus: InvitationStatus;
  InviteMemberInput: InviteMemberInput;
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
  Session: ResolverTypeWrapper<SessionEntity>;
  SessionState: ResolverTypeWrapper<SessionState>;
  SignUpInput: SignUpInput;
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
  Invitation: InvitationEntity;
  InviteMemberInput: InviteMemberInput;
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
  Session: SessionEntity;
  SessionState: SessionState;
  SignUpInput: SignUpInput;
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
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  session?: Resolver<ResolversTypes['Session'], ParentType, ContextType>;
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

export type InvitationResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Invitation'] = ResolversParentTypes['Invitation']> = {
  acceptedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastSentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  sentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MembershipResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  acceptInvitation?: Resolver<Maybe<ResolversTypes['AuthPayload']>, ParentType, ContextType, RequireFields<MutationAcceptInvitationArgs, 'token'>>;
  changeMemberRole?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType, RequireFields<MutationChangeMemberRoleArgs, 'membershipId' | 'role'>>;
  changePassword?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  createApiKey?: Resolver<Maybe<ResolversTypes['CreatedApiKey']>, ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  inviteMember?: Resolver<Maybe<ResolversTypes['Invitation']>, ParentType, ContextType, RequireFields<MutationInviteMemberArgs, 'input'>>;
  login?: Resolver<Maybe<ResolversTypes['AuthPayload']>, ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  logout?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, Partial<MutationLogoutArgs>>;
  logoutEverywhere?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType, Partial<MutationLogoutEverywhereArgs>>;
  refreshSession?: Resolver<Maybe<ResolversTypes['AuthPayload']>, ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  registerPersistedOperations?: Resolver<Maybe<Array<ResolversTypes['PersistedOperation']>>, ParentType, ContextType, RequireFields<MutationRegisterPersistedOperationsArgs, 'operations'>>;
  removeMember?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType, RequireFields<MutationRemoveMemberArgs, 'membershipId'>>;
  requestPasswordReset?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resendInvitation?: Resolver<Maybe<ResolversTypes['Invitation']>, ParentType, ContextType, RequireFields<MutationResendInvitationArgs, 'id'>>;
  resetPassword?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'newPassword' | 'token'>>;
  revokeApiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  revokeInvitation?: Resolver<Maybe<ResolversTypes['Invitation']>, ParentType, ContextType, RequireFields<MutationRevokeInvitationArgs, 'id'>>;
  revokeSession?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType, RequireFields<MutationRevokeSessionArgs, 'id'>>;
  signUp?: Resolver<Maybe<ResolversTypes['AuthPayload']>, ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input'>>;
  startTenantMigration?: Resolver<Maybe<ResolversTypes['TenantMigration']>, ParentType, ContextType, RequireFields<MutationStartTenantMigrationArgs, 'targetVersion'>>;
  transferOwnership?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType, RequireFields<MutationTransferOwnershipArgs, 'membershipId'>>;
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
  invitations?: Resolver<Array<ResolversTypes['Invitation']>, ParentType, ContextType, Partial<QueryInvitationsArgs>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  persistedOperation?: Resolver<Maybe<ResolversTypes['PersistedOperation']>, ParentType, ContextType, RequireFields<QueryPersistedOperationArgs, 'sha256'>>;
  persistedOperations?: Resolver<Array<ResolversTypes['PersistedOperation']>, ParentType, ContextType>;
  sessionState?: Resolver<Maybe<ResolversTypes['SessionState']>, ParentType, ContextType, RequireFields<QuerySessionStateArgs, 'issuedAt' | 'userId'>>;
  sessions?: Resolver<Array<ResolversTypes['Session']>, ParentType, ContextType>;
};

export type SessionResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SessionStateResolvers<ContextType = IdentityContext, ParentType extends ResolversParentTypes['SessionState'] = ResolversParentTypes['SessionState']> = {
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
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
  Invitation?: InvitationResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  MembershipConnection?: MembershipConnectionResolvers<ContextType>;
  MembershipEdge?: MembershipEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  OrganizationChoice?: OrganizationChoiceResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersistedOperation?: PersistedOperationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  SessionState?: SessionStateResolvers<ContextType>;
  TenantMigration?: TenantMigrationResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

