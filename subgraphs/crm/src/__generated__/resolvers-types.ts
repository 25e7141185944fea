import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ClientEntity } from '../entities/client.entity.js';
import type { ContactEntity } from '../entities/contact.entity.js';
import type { DealEntity } from '../entities/deal.entity.js';
import type { CustomFieldDefinitionEntity, TypedCustomFieldValue } from '@ubos/kernel';
import type { ClientConnectionModel, ContactConnectionModel, DealConnectionModel, ClientVersionModel, ContactVersionModel, DealVersionModel, ClientVersionConnectionModel, ContactVersionConnectionModel, DealVersionConnectionModel, ClientDuplicateSuggestionModel } from '../mappers.js';
import type { ClientMergeEntity } from '../entities/client-merge.entity.js';
import type { CrmContext } from '../context.js';
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
  /** An integer in JavaScript's safe range (up to 2^53 - 1): enough for any amount in minor units. */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * The golden record of a customer of the firm. The crm subgraph owns it and is the only place
 * where it is written; every other subgraph extends it by id.
 */
export type Client = {
  __typename?: 'Client';
  /**
   * The postal address, structured. Depends on the organization's schema version: on version 2
   * and later, the stored address (null when none); on version 1, always null, because version 1
   * keeps addresses as free text in fullAddress. Moving to version 2 (startTenantMigration) parses
   * every stored fullAddress into this shape. A version of the client from before that migration
   * (history, asOf) answers null here and its text in fullAddress.
   */
  address: Maybe<PostalAddress>;
  /** People at this client, by last name. */
  contacts: ContactConnection;
  createdAt: Scalars['DateTime']['output'];
  /** One custom field's value, typed by its definition; null when unset or not defined. */
  customField: Maybe<CustomFieldValue>;
  /** The values of the organization's custom fields for this client, by key (see customFieldDefinitions). */
  customFields: Scalars['JSON']['output'];
  /** Deals with this client, oldest first. */
  deals: DealConnection;
  /** Set when the client was deleted. Lookups and lists skip deleted clients; references to one still resolve. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it: user:<id>, apikey:<id>, workflow:<run id> or system. */
  deletedBy: Maybe<Scalars['String']['output']>;
  email: Maybe<Scalars['String']['output']>;
  /**
   * The postal address as one line of free text. On schema version 1, the text as stored. On
   * version 2 and later, derived from address: line1, line2, city, "region postalCode" and the
   * country code, joined with ", " (so "1 Main St, Springfield, IL 62701, US"); for a version of
   * the client from before the migration (history, asOf), the text stored then.
   * @deprecated Use address. From schema version 2 on, this is derived from it.
   */
  fullAddress: Maybe<Scalars['String']['output']>;
  /** Every version of this client, oldest first. */
  history: ClientVersionConnection;
  id: Scalars['ID']['output'];
  industry: Maybe<Scalars['String']['output']>;
  /** The survivor this client was merged into (status MERGED); null for a client that was not merged. */
  mergedInto: Maybe<Client>;
  /** The merges this client survived, newest first (each with its duplicates, status and report). */
  merges: Array<ClientMerge>;
  name: Scalars['String']['output'];
  notes: Maybe<Scalars['String']['output']>;
  phone: Maybe<Scalars['String']['output']>;
  status: ClientStatus;
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
  website: Maybe<Scalars['String']['output']>;
};


/**
 * The golden record of a customer of the firm. The crm subgraph owns it and is the only place
 * where it is written; every other subgraph extends it by id.
 */
export type ClientContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The golden record of a customer of the firm. The crm subgraph owns it and is the only place
 * where it is written; every other subgraph extends it by id.
 */
export type ClientCustomFieldArgs = {
  key: Scalars['String']['input'];
};


/**
 * The golden record of a customer of the firm. The crm subgraph owns it and is the only place
 * where it is written; every other subgraph extends it by id.
 */
export type ClientDealsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DealFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The golden record of a customer of the firm. The crm subgraph owns it and is the only place
 * where it is written; every other subgraph extends it by id.
 */
export type ClientHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of clients. */
export type ClientConnection = {
  __typename?: 'ClientConnection';
  edges: Array<ClientEdge>;
  pageInfo: PageInfo;
  /** Clients matching the filter, across pages. */
  totalCount: Scalars['Int']['output'];
};

/** Why two clients look like duplicates. */
export type ClientDuplicateReason =
  /** Their emails share a domain that is not a free mail provider's. */
  | 'SAME_EMAIL_DOMAIN'
  /** Their phone numbers end in the same 9 digits. */
  | 'SAME_PHONE'
  /** Their names are similar once lower-cased and stripped of legal forms and punctuation (pg_trgm). */
  | 'SIMILAR_NAME';

/** Two live clients that are likely the same customer. */
export type ClientDuplicateSuggestion = {
  __typename?: 'ClientDuplicateSuggestion';
  /** The newer of the two. */
  client: Client;
  /** The older one, which it looks like. */
  duplicate: Client;
  reasons: Array<ClientDuplicateReason>;
  /** Between 0 and 1: the similarity of the names, raised by a shared email domain or phone. */
  score: Scalars['Float']['output'];
};

/** One client in a page, with its cursor. */
export type ClientEdge = {
  __typename?: 'ClientEdge';
  cursor: Scalars['String']['output'];
  node: Client;
};

/** Which client's value a merged field takes. */
export type ClientFieldChoice = {
  /** The survivor or one of the duplicates: the client whose value the survivor takes. */
  clientId: Scalars['ID']['input'];
  /** A custom field's key; give this or field. */
  customFieldKey?: InputMaybe<Scalars['String']['input']>;
  /** A field of the client; give this or customFieldKey. */
  field?: InputMaybe<ClientMergeField>;
};

/** Narrows a client list. All given conditions must hold. */
export type ClientFilter = {
  /** Conditions on custom fields; all must hold. */
  customFields?: InputMaybe<Array<CustomFieldFilter>>;
  /** Case-insensitive match anywhere in the name. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<ClientStatus>>;
};

/**
 * One merge of duplicate clients into a survivor (mergeClients). crm marks the duplicates MERGED
 * at once; every other subgraph then re-points its own rows from the duplicates to the survivor
 * when the ClientsMerged event reaches it, and the merge is COMPLETED when all of them have.
 */
export type ClientMerge = {
  __typename?: 'ClientMerge';
  /** When every subgraph had re-pointed its rows. */
  completedAt: Maybe<Scalars['DateTime']['output']>;
  /** Conflicts the merge settled by a stated rule or left for a person, per subgraph. */
  conflicts: Array<ClientMergeConflict>;
  createdAt: Scalars['DateTime']['output'];
  /** The clients merged into the survivor, in the order given (the order conflict rules follow). */
  duplicates: Array<Client>;
  /** The field choices as given: [{ field | customFieldKey, clientId }]. */
  fieldChoices: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  /** Who merged: user:<id> or apikey:<id>. */
  mergedBy: Scalars['String']['output'];
  /** What each subgraph re-pointed, by entity type. */
  moves: Array<ClientMergeMove>;
  /** The request id of mergeClients, shared by every change of every subgraph the merge made. */
  requestId: Maybe<Scalars['String']['output']>;
  status: ClientMergeStatus;
  /** The client that stays: it took the chosen field values and every reference to the duplicates. */
  survivor: Client;
  /** Whether unmergeClient can undo it now, and if not, why not. */
  undoable: ClientMergeUndoability;
  /** When unmergeClient had moved everything back. */
  undoneAt: Maybe<Scalars['DateTime']['output']>;
  /** Grows by one with every change. */
  version: Scalars['Int']['output'];
};

/** A conflict of a merge: the rows concerned and the rule that settled it (or that leaves it to a person). */
export type ClientMergeConflict = {
  __typename?: 'ClientMergeConflict';
  /** What the rule changed, e.g. { isMain: false } for a duplicate's main thread; empty when only reported. */
  changed: Scalars['JSON']['output'];
  entityIds: Array<Scalars['ID']['output']>;
  entityType: Scalars['String']['output'];
  rule: Scalars['String']['output'];
  subgraph: Scalars['String']['output'];
};

/** The fields of a client a merge can take from a duplicate. */
export type ClientMergeField =
  | 'EMAIL'
  | 'INDUSTRY'
  | 'NAME'
  | 'NOTES'
  | 'PHONE'
  | 'STATUS'
  | 'WEBSITE';

/** How many rows of one entity type one subgraph re-pointed (and how many went back on unmerge). */
export type ClientMergeMove = {
  __typename?: 'ClientMergeMove';
  count: Scalars['Int']['output'];
  entityType: Scalars['String']['output'];
  movedBack: Scalars['Int']['output'];
  subgraph: Scalars['String']['output'];
};

/** Where a merge stands. */
export type ClientMergeStatus =
  /** crm marked the duplicates MERGED; the other subgraphs are re-pointing their rows. */
  | 'APPLYING'
  /** Every subgraph re-pointed its rows. */
  | 'COMPLETED'
  /** unmergeClient was asked; the subgraphs are moving their rows back. */
  | 'UNDOING'
  /** Everything moved back; the duplicates are clients again. */
  | 'UNDONE';

/** Whether a merge can be undone now. */
export type ClientMergeUndoability = {
  __typename?: 'ClientMergeUndoability';
  possible: Scalars['Boolean']['output'];
  /** Why not, when it is not possible. */
  reason: Maybe<Scalars['String']['output']>;
};

/** Order of a client list. */
export type ClientOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NAME_ASC'
  | 'NAME_DESC';

/** Where a client stands with the firm. */
export type ClientStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'INACTIVE'
  | 'LEAD'
  /** Merged into another client (see mergedInto): soft-deleted, and client(id) answers the survivor. */
  | 'MERGED';

/** One version of a client: its fields as they were from validFrom until validTo. */
export type ClientVersion = {
  __typename?: 'ClientVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The client's fields at this version. Its lists (and other subgraphs' fields) show the present. */
  snapshot: Client;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of client versions. */
export type ClientVersionConnection = {
  __typename?: 'ClientVersionConnection';
  edges: Array<ClientVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One client version in a page, with its cursor. */
export type ClientVersionEdge = {
  __typename?: 'ClientVersionEdge';
  cursor: Scalars['String']['output'];
  node: ClientVersion;
};

/** A person at a client. */
export type Contact = {
  __typename?: 'Contact';
  client: Client;
  createdAt: Scalars['DateTime']['output'];
  /** One custom field's value, typed by its definition; null when unset or not defined. */
  customField: Maybe<CustomFieldValue>;
  /** The values of the organization's custom fields for this contact, by key (see customFieldDefinitions). */
  customFields: Scalars['JSON']['output'];
  /** Set when the contact was deleted. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it. */
  deletedBy: Maybe<Scalars['String']['output']>;
  email: Maybe<Scalars['String']['output']>;
  firstName: Scalars['String']['output'];
  /** First and last name joined. */
  fullName: Scalars['String']['output'];
  /** Every version of this contact, oldest first. */
  history: ContactVersionConnection;
  id: Scalars['ID']['output'];
  /** The client's main point of contact. */
  isPrimary: Scalars['Boolean']['output'];
  lastName: Scalars['String']['output'];
  phone: Maybe<Scalars['String']['output']>;
  title: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** A person at a client. */
export type ContactCustomFieldArgs = {
  key: Scalars['String']['input'];
};


/** A person at a client. */
export type ContactHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of contacts. */
export type ContactConnection = {
  __typename?: 'ContactConnection';
  edges: Array<ContactEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One contact in a page, with its cursor. */
export type ContactEdge = {
  __typename?: 'ContactEdge';
  cursor: Scalars['String']['output'];
  node: Contact;
};

/** One version of a contact: its fields as they were from validFrom until validTo. */
export type ContactVersion = {
  __typename?: 'ContactVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The contact's fields at this version. Its lists (and other subgraphs' fields) show the present. */
  snapshot: Contact;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of contact versions. */
export type ContactVersionConnection = {
  __typename?: 'ContactVersionConnection';
  edges: Array<ContactVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One contact version in a page, with its cursor. */
export type ContactVersionEdge = {
  __typename?: 'ContactVersionEdge';
  cursor: Scalars['String']['output'];
  node: ContactVersion;
};

export type CreateClientInput = {
  /**
   * The structured address. Only for organizations on schema version 2 or migrating to it:
   * version 1 answers BAD_USER_INPUT on input.address (send fullAddress). Null clears the address.
   */
  address?: InputMaybe<PostalAddressInput>;
  /** Values of the organization's custom fields, by key. Validated against their definitions. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  /**
   * The address as free text. On schema version 1 it is stored as written. On version 2 (or while
   * migrating to it) it is parsed into address by the migration's rules: comma-separated parts,
   * the last one the country (ISO code or English name); BAD_USER_INPUT on input.fullAddress when
   * it cannot be. Null clears the address. Not together with address.
   */
  fullAddress?: InputMaybe<Scalars['String']['input']>;
  industry?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to ACTIVE. */
  status?: InputMaybe<ClientStatus>;
  website?: InputMaybe<Scalars['String']['input']>;
};

export type CreateContactInput = {
  clientId: Scalars['ID']['input'];
  /** Values of the organization's custom fields, by key. Validated against their definitions. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName: Scalars['String']['input'];
  isPrimary?: InputMaybe<Scalars['Boolean']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type CreateDealInput = {
  clientId: Scalars['ID']['input'];
  /** Values of the organization's custom fields, by key. Validated against their definitions. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  expectedCloseDate?: InputMaybe<Scalars['Date']['input']>;
  /** Defaults to LEAD. */
  stage?: InputMaybe<DealStage>;
  title: Scalars['String']['input'];
  value: MoneyInput;
};

/**
 * A field an organization adds to one kind of entity (ARCHITECTURE 3.5). Values live with the
 * entity, are validated on every write against these definitions, and are versioned and audited
 * like any other field.
 */
export type CustomFieldDefinition = {
  __typename?: 'CustomFieldDefinition';
  /** Archived fields accept no new values and are not required; stored values stay in customFields. */
  archived: Scalars['Boolean']['output'];
  archivedAt: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  entityType: CustomFieldEntity;
  id: Scalars['ID']['output'];
  /** The key values are stored under: lower case letters, digits and underscores. Cannot change. */
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** The choices of a SELECT or MULTI_SELECT field, in display order. */
  options: Array<Scalars['String']['output']>;
  /** Display order among the entity type's fields. */
  position: Scalars['Int']['output'];
  /** Required fields must have a value when an entity is created or its custom fields are written. */
  required: Scalars['Boolean']['output'];
  /** Cannot change once defined: stored values would no longer fit. */
  type: CustomFieldType;
  updatedAt: Scalars['DateTime']['output'];
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};

/** The entities that can carry custom fields. */
export type CustomFieldEntity =
  | 'CLIENT'
  | 'CONTACT'
  | 'DEAL'
  | 'INVOICE'
  | 'PROJECT';

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

/** A sales opportunity with a client, moving through the pipeline. */
export type Deal = {
  __typename?: 'Deal';
  client: Client;
  createdAt: Scalars['DateTime']['output'];
  /** One custom field's value, typed by its definition; null when unset or not defined. */
  customField: Maybe<CustomFieldValue>;
  /** The values of the organization's custom fields for this deal, by key (see customFieldDefinitions). */
  customFields: Scalars['JSON']['output'];
  /** Set when the deal was deleted. */
  deletedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who deleted it. */
  deletedBy: Maybe<Scalars['String']['output']>;
  expectedCloseDate: Maybe<Scalars['Date']['output']>;
  /** Every version of this deal, oldest first. */
  history: DealVersionConnection;
  id: Scalars['ID']['output'];
  stage: DealStage;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Expected value of the deal. */
  value: Money;
  /** Grows by one with every change; pass it back as expectedVersion to update safely. */
  version: Scalars['Int']['output'];
};


/** A sales opportunity with a client, moving through the pipeline. */
export type DealCustomFieldArgs = {
  key: Scalars['String']['input'];
};


/** A sales opportunity with a client, moving through the pipeline. */
export type DealHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of deals. */
export type DealConnection = {
  __typename?: 'DealConnection';
  edges: Array<DealEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One deal in a page, with its cursor. */
export type DealEdge = {
  __typename?: 'DealEdge';
  cursor: Scalars['String']['output'];
  node: Deal;
};

/** Narrows a deal list. */
export type DealFilter = {
  /** Conditions on custom fields; all must hold. */
  customFields?: InputMaybe<Array<CustomFieldFilter>>;
  /** Any of these stages. */
  stage?: InputMaybe<Array<DealStage>>;
};

/** Pipeline stages, in order. WON and LOST are final. */
export type DealStage =
  | 'LEAD'
  | 'LOST'
  | 'NEGOTIATION'
  | 'PROPOSAL'
  | 'QUALIFIED'
  | 'WON';

/** One version of a deal: its fields as they were from validFrom until validTo. */
export type DealVersion = {
  __typename?: 'DealVersion';
  /** Who made this version: user:<id>, apikey:<id>, workflow:<run id> or system. */
  actor: Scalars['String']['output'];
  /** The deal's fields at this version. Its lists (and other subgraphs' fields) show the present. */
  snapshot: Deal;
  validFrom: Scalars['DateTime']['output'];
  /** When the next version replaced it; null for the current version. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};

/** A page of deal versions. */
export type DealVersionConnection = {
  __typename?: 'DealVersionConnection';
  edges: Array<DealVersionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One deal version in a page, with its cursor. */
export type DealVersionEdge = {
  __typename?: 'DealVersionEdge';
  cursor: Scalars['String']['output'];
  node: DealVersion;
};

export type DefineCustomFieldInput = {
  entityType: CustomFieldEntity;
  /** Lower case letters, digits and underscores, starting with a letter; unique per entity type. */
  key: Scalars['String']['input'];
  label: Scalars['String']['input'];
  /** Required for SELECT and MULTI_SELECT fields, and only allowed for them. */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Defaults to after the entity type's other fields. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** Defaults to false. */
  required?: InputMaybe<Scalars['Boolean']['input']>;
  type: CustomFieldType;
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
  /** Archives a custom field (owners and admins): it takes no new values; stored values stay. Archiving twice is harmless. */
  archiveCustomField: Maybe<CustomFieldDefinition>;
  /** Adds a client to the organization. */
  createClient: Maybe<Client>;
  /** Adds a contact to a client. Making it primary demotes the client's previous primary contact. */
  createContact: Maybe<Contact>;
  /** Opens a deal with a client. NOT_FOUND when no client of this organization has input.clientId. */
  createDeal: Maybe<Deal>;
  /** Defines a custom field (owners and admins). CONFLICT when the entity type already has the key. */
  defineCustomField: Maybe<CustomFieldDefinition>;
  /** Soft-deletes a client: it leaves lists and lookups, and restoreClient brings it back. */
  deleteClient: Maybe<Client>;
  /** Soft-deletes a contact. */
  deleteContact: Maybe<Contact>;
  /** Soft-deletes a deal. */
  deleteDeal: Maybe<Deal>;
  /**
   * The right to be forgotten, for organization owners: replaces the personal values of the
   * client and its contacts (names, emails, phones, website, notes, titles), and the subjects of its
   * threads, the bodies of their messages and the names of its files, in the current rows,
   * every past version, the audit trail and the outbox with a marker that keeps each value's
   * digest, so the audit chain still verifies. Writes an erased event per row. Cannot be undone.
   */
  eraseClient: Maybe<Client>;
  /**
   * Merges duplicates into a survivor (owners and admins). The survivor takes the chosen field
   * values (by default its own, with its empty fields filled from the duplicates in the order
   * given, and the union of the custom fields); each duplicate becomes MERGED (soft-deleted,
   * mergedInto the survivor). Every subgraph then re-points its own rows to the survivor through
   * the ClientsMerged event. NOT_FOUND for a missing, deleted or foreign id; BAD_USER_INPUT for
   * the survivor among the duplicates, a repeated id or a choice naming another client; CONFLICT
   * when expectedVersion (the survivor's) is stale.
   */
  mergeClients: Maybe<ClientMerge>;
  /** Deletes a soft-deleted client for good (owners and admins); answers its id. The audit trail keeps every event. CONFLICT when it is not deleted or is still referenced. */
  purgeClient: Maybe<Scalars['ID']['output']>;
  /** Deletes a soft-deleted contact for good (owners and admins); answers its id. The audit trail keeps every event. CONFLICT when it is not deleted or is still referenced. */
  purgeContact: Maybe<Scalars['ID']['output']>;
  /** Deletes a soft-deleted deal for good (owners and admins); answers its id. The audit trail keeps every event. CONFLICT when it is not deleted or is still referenced. */
  purgeDeal: Maybe<Scalars['ID']['output']>;
  /** Brings a deleted client back. */
  restoreClient: Maybe<Client>;
  /** Brings a deleted contact back. */
  restoreContact: Maybe<Contact>;
  /** Brings a deleted deal back. */
  restoreDeal: Maybe<Deal>;
  /**
   * Undoes a COMPLETED merge (owners and admins): every subgraph moves the rows it re-pointed back
   * to their duplicate, the rules' changes are reverted, then the duplicates are clients again and
   * the survivor gets its fields from before the merge. CONFLICT, saying why, when something newer
   * depends on the merge: it is still applying or already undone, the survivor changed or was
   * merged since, or a duplicate was merged again (ClientMerge.undoable says so beforehand).
   */
  unmergeClient: Maybe<ClientMerge>;
  /** Changes a client. NOT_FOUND when no client of this organization has the id; CONFLICT when expectedVersion is stale. */
  updateClient: Maybe<Client>;
  /** Changes a contact. Making it primary demotes the client's other primary contact. */
  updateContact: Maybe<Contact>;
  /** Changes a custom field's label, required flag, options or position (owners and admins). */
  updateCustomField: Maybe<CustomFieldDefinition>;
  /** Changes a deal, e.g. moves it to another stage. */
  updateDeal: Maybe<Deal>;
};


export type MutationArchiveCustomFieldArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCreateClientArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateClientInput;
};


export type MutationCreateContactArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateContactInput;
};


export type MutationCreateDealArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateDealInput;
};


export type MutationDefineCustomFieldArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: DefineCustomFieldInput;
};


export type MutationDeleteClientArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteContactArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteDealArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationEraseClientArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationMergeClientsArgs = {
  duplicateIds: Array<Scalars['ID']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  fieldChoices?: InputMaybe<Array<ClientFieldChoice>>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  survivorId: Scalars['ID']['input'];
};


export type MutationPurgeClientArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPurgeContactArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPurgeDealArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreClientArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreContactArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRestoreDealArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUnmergeClientArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  mergeId: Scalars['ID']['input'];
};


export type MutationUpdateClientArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateClientInput;
};


export type MutationUpdateContactArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateContactInput;
};


export type MutationUpdateCustomFieldArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateCustomFieldInput;
};


export type MutationUpdateDealArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateDealInput;
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A postal address (schema version 2). */
export type PostalAddress = {
  __typename?: 'PostalAddress';
  city: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2 code, upper case, e.g. US or DE. */
  country: Scalars['String']['output'];
  /** Street and number. */
  line1: Scalars['String']['output'];
  /** Building, floor, care-of; null when none. */
  line2: Maybe<Scalars['String']['output']>;
  postalCode: Maybe<Scalars['String']['output']>;
  /** State, province or county, e.g. CA. */
  region: Maybe<Scalars['String']['output']>;
};

/** A postal address to write (schema version 2). */
export type PostalAddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2 code, e.g. US or DE (either case). */
  country: Scalars['String']['input'];
  line1: Scalars['String']['input'];
  line2?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** One client, or null when no client of this organization has the id (or it is deleted). A merged client's id answers its survivor (compare the id), so old links keep working. With asOf, the client as it was then, or null if it did not exist yet. */
  client: Maybe<Client>;
  /** Pairs of live clients that are likely duplicates (similar names, the same email domain or phone), the most likely first (score, then the newer client). Computed after each change of a client, off its write path: a pair appears, changes or goes within seconds of the write, once crm has handled the client's event. Each client keeps its 5 best candidates. 20 by default, 100 at most. */
  clientDuplicates: Array<ClientDuplicateSuggestion>;
  /** One merge, or null when no merge of this organization has the id. */
  clientMerge: Maybe<ClientMerge>;
  /** The organization's clients. Relay connection, 20 per page by default, 100 at most. */
  clients: ClientConnection;
  /** One contact, or null. With asOf, as it was then. */
  contact: Maybe<Contact>;
  /** The organization's custom field definitions, by entity type then position. A small list. */
  customFieldDefinitions: Array<CustomFieldDefinition>;
  /** One deal, or null. With asOf, as it was then. */
  deal: Maybe<Deal>;
  /** The pipeline: deals of every client, newest first. */
  deals: DealConnection;
};


export type QueryClientArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryClientDuplicatesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryClientMergeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  orderBy?: InputMaybe<ClientOrderBy>;
};


export type QueryContactArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryCustomFieldDefinitionsArgs = {
  entityType?: InputMaybe<CustomFieldEntity>;
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryDealArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryDealsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DealFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Fields to change; an omitted field keeps its value, a null clears it. */
export type UpdateClientInput = {
  /**
   * The structured address. Only for organizations on schema version 2 or migrating to it:
   * version 1 answers BAD_USER_INPUT on input.address (send fullAddress). Null clears the address.
   */
  address?: InputMaybe<PostalAddressInput>;
  /** A patch of custom field values: a key sets its field, a null removes it, other keys keep their values. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  /**
   * The address as free text. On schema version 1 it is stored as written. On version 2 (or while
   * migrating to it) it is parsed into address by the migration's rules: comma-separated parts,
   * the last one the country (ISO code or English name); BAD_USER_INPUT on input.fullAddress when
   * it cannot be. Null clears the address. Not together with address.
   */
  fullAddress?: InputMaybe<Scalars['String']['input']>;
  industry?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ClientStatus>;
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Fields to change; an omitted field keeps its value, a null clears it. */
export type UpdateContactInput = {
  /** A patch of custom field values: a key sets its field, a null removes it, other keys keep their values. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  isPrimary?: InputMaybe<Scalars['Boolean']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Fields to change; an omitted field keeps its value. The key and the type cannot change. */
export type UpdateCustomFieldInput = {
  label?: InputMaybe<Scalars['String']['input']>;
  /** The full new list of choices. Values already stored keep a removed option until rewritten. */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  position?: InputMaybe<Scalars['Int']['input']>;
  required?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Fields to change; an omitted field keeps its value, a null clears it. */
export type UpdateDealInput = {
  /** A patch of custom field values: a key sets its field, a null removes it, other keys keep their values. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  expectedCloseDate?: InputMaybe<Scalars['Date']['input']>;
  stage?: InputMaybe<DealStage>;
  title?: InputMaybe<Scalars['String']['input']>;
  value?: InputMaybe<MoneyInput>;
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
  Client: ResolverTypeWrapper<ClientEntity>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ClientConnection: ResolverTypeWrapper<ClientConnectionModel>;
  ClientDuplicateReason: ClientDuplicateReason;
  ClientDuplicateSuggestion: ResolverTypeWrapper<ClientDuplicateSuggestionModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ClientEdge: ResolverTypeWrapper<Omit<ClientEdge, 'node'> & { node: ResolversTypes['Client'] }>;
  ClientFieldChoice: ClientFieldChoice;
  ClientFilter: ClientFilter;
  ClientMerge: ResolverTypeWrapper<ClientMergeEntity>;
  ClientMergeConflict: ResolverTypeWrapper<ClientMergeConflict>;
  ClientMergeField: ClientMergeField;
  ClientMergeMove: ResolverTypeWrapper<ClientMergeMove>;
  ClientMergeStatus: ClientMergeStatus;
  ClientMergeUndoability: ResolverTypeWrapper<ClientMergeUndoability>;
  ClientOrderBy: ClientOrderBy;
  ClientStatus: ClientStatus;
  ClientVersion: ResolverTypeWrapper<ClientVersionModel>;
  ClientVersionConnection: ResolverTypeWrapper<ClientVersionConnectionModel>;
  ClientVersionEdge: ResolverTypeWrapper<Omit<ClientVersionEdge, 'node'> & { node: ResolversTypes['ClientVersion'] }>;
  Contact: ResolverTypeWrapper<ContactEntity>;
  ContactConnection: ResolverTypeWrapper<ContactConnectionModel>;
  ContactEdge: ResolverTypeWrapper<Omit<ContactEdge, 'node'> & { node: ResolversTypes['Contact'] }>;
  ContactVersion: ResolverTypeWrapper<ContactVersionModel>;
  ContactVersionConnection: ResolverTypeWrapper<ContactVersionConnectionModel>;
  ContactVersionEdge: ResolverTypeWrapper<Omit<ContactVersionEdge, 'node'> & { node: ResolversTypes['ContactVersion'] }>;
  CreateClientInput: CreateClientInput;
  CreateContactInput: CreateContactInput;
  CreateDealInput: CreateDealInput;
  CustomFieldDefinition: ResolverTypeWrapper<CustomFieldDefinitionEntity>;
  CustomFieldEntity: CustomFieldEntity;
  CustomFieldFilter: CustomFieldFilter;
  CustomFieldType: CustomFieldType;
  CustomFieldValue: ResolverTypeWrapper<TypedCustomFieldValue>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Deal: ResolverTypeWrapper<DealEntity>;
  DealConnection: ResolverTypeWrapper<DealConnectionModel>;
  DealEdge: ResolverTypeWrapper<Omit<DealEdge, 'node'> & { node: ResolversTypes['Deal'] }>;
  DealFilter: DealFilter;
  DealStage: DealStage;
  DealVersion: ResolverTypeWrapper<DealVersionModel>;
  DealVersionConnection: ResolverTypeWrapper<DealVersionConnectionModel>;
  DealVersionEdge: ResolverTypeWrapper<Omit<DealVersionEdge, 'node'> & { node: ResolversTypes['DealVersion'] }>;
  DefineCustomFieldInput: DefineCustomFieldInput;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PostalAddress: ResolverTypeWrapper<PostalAddress>;
  PostalAddressInput: PostalAddressInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  UpdateClientInput: UpdateClientInput;
  UpdateContactInput: UpdateContactInput;
  UpdateCustomFieldInput: UpdateCustomFieldInput;
  UpdateDealInput: UpdateDealInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Client: ClientEntity;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  ClientConnection: ClientConnectionModel;
  ClientDuplicateSuggestion: ClientDuplicateSuggestionModel;
  Float: Scalars['Float']['output'];
  ClientEdge: Omit<ClientEdge, 'node'> & { node: ResolversParentTypes['Client'] };
  ClientFieldChoice: ClientFieldChoice;
  ClientFilter: ClientFilter;
  ClientMerge: ClientMergeEntity;
  ClientMergeConflict: ClientMergeConflict;
  ClientMergeMove: ClientMergeMove;
  ClientMergeUndoability: ClientMergeUndoability;
  ClientVersion: ClientVersionModel;
  ClientVersionConnection: ClientVersionConnectionModel;
  ClientVersionEdge: Omit<ClientVersionEdge, 'node'> & { node: ResolversParentTypes['ClientVersion'] };
  Contact: ContactEntity;
  ContactConnection: ContactConnectionModel;
  ContactEdge: Omit<ContactEdge, 'node'> & { node: ResolversParentTypes['Contact'] };
  ContactVersion: ContactVersionModel;
  ContactVersionConnection: ContactVersionConnectionModel;
  ContactVersionEdge: Omit<ContactVersionEdge, 'node'> & { node: ResolversParentTypes['ContactVersion'] };
  CreateClientInput: CreateClientInput;
  CreateContactInput: CreateContactInput;
  CreateDealInput: CreateDealInput;
  CustomFieldDefinition: CustomFieldDefinitionEntity;
  CustomFieldFilter: CustomFieldFilter;
  CustomFieldValue: TypedCustomFieldValue;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Deal: DealEntity;
  DealConnection: DealConnectionModel;
  DealEdge: Omit<DealEdge, 'node'> & { node: ResolversParentTypes['Deal'] };
  DealFilter: DealFilter;
  DealVersion: DealVersionModel;
  DealVersionConnection: DealVersionConnectionModel;
  DealVersionEdge: Omit<DealVersionEdge, 'node'> & { node: ResolversParentTypes['DealVersion'] };
  DefineCustomFieldInput: DefineCustomFieldInput;
  JSON: Scalars['JSON']['output'];
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PostalAddress: PostalAddress;
  PostalAddressInput: PostalAddressInput;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  UpdateClientInput: UpdateClientInput;
  UpdateContactInput: UpdateContactInput;
  UpdateCustomFieldInput: UpdateCustomFieldInput;
  UpdateDealInput: UpdateDealInput;
};

export type ClientResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['PostalAddress']>, ParentType, ContextType>;
  contacts?: Resolver<ResolversTypes['ContactConnection'], ParentType, ContextType, Partial<ClientContactsArgs>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customField?: Resolver<Maybe<ResolversTypes['CustomFieldValue']>, ParentType, ContextType, RequireFields<ClientCustomFieldArgs, 'key'>>;
  customFields?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  deals?: Resolver<ResolversTypes['DealConnection'], ParentType, ContextType, Partial<ClientDealsArgs>>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fullAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['ClientVersionConnection'], ParentType, ContextType, Partial<ClientHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mergedInto?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType>;
  merges?: Resolver<Array<ResolversTypes['ClientMerge']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ClientStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ClientConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ClientConnection'] = ResolversParentTypes['ClientConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ClientEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClientDuplicateSuggestionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ClientDuplicateSuggestion'] = ResolversParentTypes['ClientDuplicateSuggestion']> = {
  client?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  duplicate?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['ClientDuplicateReason']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ClientEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ClientEdge'] = ResolversParentTypes['ClientEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
};

export type ClientMergeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ClientMerge'] = ResolversParentTypes['ClientMerge']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  conflicts?: Resolver<Array<ResolversTypes['ClientMergeConflict']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  duplicates?: Resolver<Array<ResolversTypes['Client']>, ParentType, ContextType>;
  fieldChoices?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mergedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  moves?: Resolver<Array<ResolversTypes['ClientMergeMove']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ClientMergeStatus'], ParentType, ContextType>;
  survivor?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  undoable?: Resolver<ResolversTypes['ClientMergeUndoability'], ParentType, ContextType>;
  undoneAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClientMergeConflictResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ClientMergeConflict'] = ResolversParentTypes['ClientMergeConflict']> = {
  changed?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  entityIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subgraph?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ClientMergeMoveResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ClientMergeMove'] = ResolversParentTypes['ClientMergeMove']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  movedBack?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subgraph?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ClientMergeUndoabilityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ClientMergeUndoability'] = ResolversParentTypes['ClientMergeUndoability']> = {
  possible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ClientVersionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ClientVersion'] = ResolversParentTypes['ClientVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClientVersionConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ClientVersionConnection'] = ResolversParentTypes['ClientVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ClientVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClientVersionEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ClientVersionEdge'] = ResolversParentTypes['ClientVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ClientVersion'], ParentType, ContextType>;
};

export type ContactResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact']> = {
  client?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customField?: Resolver<Maybe<ResolversTypes['CustomFieldValue']>, ParentType, ContextType, RequireFields<ContactCustomFieldArgs, 'key'>>;
  customFields?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<ResolversTypes['ContactVersionConnection'], ParentType, ContextType, Partial<ContactHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isPrimary?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContactConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContactConnection'] = ResolversParentTypes['ContactConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ContactEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContactEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContactEdge'] = ResolversParentTypes['ContactEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Contact'], ParentType, ContextType>;
};

export type ContactVersionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContactVersion'] = ResolversParentTypes['ContactVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Contact'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContactVersionConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContactVersionConnection'] = ResolversParentTypes['ContactVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ContactVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContactVersionEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContactVersionEdge'] = ResolversParentTypes['ContactVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ContactVersion'], ParentType, ContextType>;
};

export type CustomFieldDefinitionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomFieldDefinition'] = ResolversParentTypes['CustomFieldDefinition']> = {
  archived?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  archivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['CustomFieldEntity'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CustomFieldType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomFieldValueResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomFieldValue'] = ResolversParentTypes['CustomFieldValue']> = {
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

export type DealResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Deal'] = ResolversParentTypes['Deal']> = {
  client?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customField?: Resolver<Maybe<ResolversTypes['CustomFieldValue']>, ParentType, ContextType, RequireFields<DealCustomFieldArgs, 'key'>>;
  customFields?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deletedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expectedCloseDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['DealVersionConnection'], ParentType, ContextType, Partial<DealHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['DealStage'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DealConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['DealConnection'] = ResolversParentTypes['DealConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DealEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DealEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['DealEdge'] = ResolversParentTypes['DealEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Deal'], ParentType, ContextType>;
};

export type DealVersionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['DealVersion'] = ResolversParentTypes['DealVersion']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Deal'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DealVersionConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['DealVersionConnection'] = ResolversParentTypes['DealVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DealVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DealVersionEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['DealVersionEdge'] = ResolversParentTypes['DealVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DealVersion'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MoneyResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amountMinor?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  archiveCustomField?: Resolver<Maybe<ResolversTypes['CustomFieldDefinition']>, ParentType, ContextType, RequireFields<MutationArchiveCustomFieldArgs, 'id'>>;
  createClient?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType, RequireFields<MutationCreateClientArgs, 'input'>>;
  createContact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<MutationCreateContactArgs, 'input'>>;
  createDeal?: Resolver<Maybe<ResolversTypes['Deal']>, ParentType, ContextType, RequireFields<MutationCreateDealArgs, 'input'>>;
  defineCustomField?: Resolver<Maybe<ResolversTypes['CustomFieldDefinition']>, ParentType, ContextType, RequireFields<MutationDefineCustomFieldArgs, 'input'>>;
  deleteClient?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType, RequireFields<MutationDeleteClientArgs, 'id'>>;
  deleteContact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<MutationDeleteContactArgs, 'id'>>;
  deleteDeal?: Resolver<Maybe<ResolversTypes['Deal']>, ParentType, ContextType, RequireFields<MutationDeleteDealArgs, 'id'>>;
  eraseClient?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType, RequireFields<MutationEraseClientArgs, 'id'>>;
  mergeClients?: Resolver<Maybe<ResolversTypes['ClientMerge']>, ParentType, ContextType, RequireFields<MutationMergeClientsArgs, 'duplicateIds' | 'survivorId'>>;
  purgeClient?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType, RequireFields<MutationPurgeClientArgs, 'id'>>;
  purgeContact?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType, RequireFields<MutationPurgeContactArgs, 'id'>>;
  purgeDeal?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType, RequireFields<MutationPurgeDealArgs, 'id'>>;
  restoreClient?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType, RequireFields<MutationRestoreClientArgs, 'id'>>;
  restoreContact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<MutationRestoreContactArgs, 'id'>>;
  restoreDeal?: Resolver<Maybe<ResolversTypes['Deal']>, ParentType, ContextType, RequireFields<MutationRestoreDealArgs, 'id'>>;
  unmergeClient?: Resolver<Maybe<ResolversTypes['ClientMerge']>, ParentType, ContextType, RequireFields<MutationUnmergeClientArgs, 'mergeId'>>;
  updateClient?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType, RequireFields<MutationUpdateClientArgs, 'id' | 'input'>>;
  updateContact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<MutationUpdateContactArgs, 'id' | 'input'>>;
  updateCustomField?: Resolver<Maybe<ResolversTypes['CustomFieldDefinition']>, ParentType, ContextType, RequireFields<MutationUpdateCustomFieldArgs, 'id' | 'input'>>;
  updateDeal?: Resolver<Maybe<ResolversTypes['Deal']>, ParentType, ContextType, RequireFields<MutationUpdateDealArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PostalAddressResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['PostalAddress'] = ResolversParentTypes['PostalAddress']> = {
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  client?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType, RequireFields<QueryClientArgs, 'id'>>;
  clientDuplicates?: Resolver<Array<ResolversTypes['ClientDuplicateSuggestion']>, ParentType, ContextType, Partial<QueryClientDuplicatesArgs>>;
  clientMerge?: Resolver<Maybe<ResolversTypes['ClientMerge']>, ParentType, ContextType, RequireFields<QueryClientMergeArgs, 'id'>>;
  clients?: Resolver<ResolversTypes['ClientConnection'], ParentType, ContextType, RequireFields<QueryClientsArgs, 'orderBy'>>;
  contact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<QueryContactArgs, 'id'>>;
  customFieldDefinitions?: Resolver<Array<ResolversTypes['CustomFieldDefinition']>, ParentType, ContextType, RequireFields<QueryCustomFieldDefinitionsArgs, 'includeArchived'>>;
  deal?: Resolver<Maybe<ResolversTypes['Deal']>, ParentType, ContextType, RequireFields<QueryDealArgs, 'id'>>;
  deals?: Resolver<ResolversTypes['DealConnection'], ParentType, ContextType, Partial<QueryDealsArgs>>;
};

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type Resolvers<ContextType = CrmContext> = {
  Client?: ClientResolvers<ContextType>;
  ClientConnection?: ClientConnectionResolvers<ContextType>;
  ClientDuplicateSuggestion?: ClientDuplicateSuggestionResolvers<ContextType>;
  ClientEdge?: ClientEdgeResolvers<ContextType>;
  ClientMerge?: ClientMergeResolvers<ContextType>;
  ClientMergeConflict?: ClientMergeConflictResolvers<ContextType>;
  ClientMergeMove?: ClientMergeMoveResolvers<ContextType>;
  ClientMergeUndoability?: ClientMergeUndoabilityResolvers<ContextType>;
  ClientVersion?: ClientVersionResolvers<ContextType>;
  ClientVersionConnection?: ClientVersionConnectionResolvers<ContextType>;
  ClientVersionEdge?: ClientVersionEdgeResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  ContactConnection?: ContactConnectionResolvers<ContextType>;
  ContactEdge?: ContactEdgeResolvers<ContextType>;
  ContactVersion?: ContactVersionResolvers<ContextType>;
  ContactVersionConnection?: ContactVersionConnectionResolvers<ContextType>;
  ContactVersionEdge?: ContactVersionEdgeResolvers<ContextType>;
  CustomFieldDefinition?: CustomFieldDefinitionResolvers<ContextType>;
  CustomFieldValue?: CustomFieldValueResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Deal?: DealResolvers<ContextType>;
  DealConnection?: DealConnectionResolvers<ContextType>;
  DealEdge?: DealEdgeResolvers<ContextType>;
  DealVersion?: DealVersionResolvers<ContextType>;
  DealVersionConnection?: DealVersionConnectionResolvers<ContextType>;
  DealVersionEdge?: DealVersionEdgeResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PostalAddress?: PostalAddressResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
};

