// The kernel: what every subgraph, the gateway and the worker share. README.md beside src/
// says when to use each group.

// Configuration
export {
  loadConfig,
  parseRateLimit,
  parseSubgraphUrls,
  DEFAULT_RATE_LIMITS,
  DEFAULT_REQUEST_LIMITS,
  ONE_PROCESS_POOL_MAX,
  STANDALONE_POOL_MAX,
  type FilesConfig,
  type RateLimit,
  type RateLimits,
  type RequestLimits,
  type UbosConfig,
  type WorkerSettings,
} from './config.js';

// Errors every resolver may throw, and the mask applied before any error leaves a subgraph
export { ErrorCode, badUserInput, conflict, forbidden, maskError, notFound, unauthenticated } from './errors.js';

// Identity: ids, tokens, passwords and the signed context between gateway and subgraphs
export { isUuid, parseId, uuidv7 } from './ids.js';
export {
  INTERNAL_CONTEXT_HEADER,
  InternalContextSigner,
  InvalidInternalContextError,
  actorLabel,
  generateInternalSecret,
  operationDigest,
  type Actor,
  type InternalContext,
} from './auth/internal-context.js';
export {
  CHECKPOINT_AUDIENCE,
  InvalidTokenError,
  JWT_AUDIENCE,
  JWT_ISSUER,
  SERVICE_AUDIENCE,
  createTokenService,
  tokensFromConfig,
  type Role,
  type DeliveryTokenClaims,
  type ServiceTokenClaims,
  type TokenService,
  type UserTokenClaims,
} from './auth/jwt.js';
export { decoyPasswordHash, hashPassword, verifyPassword } from './auth/password.js';
export { API_SCOPES, type ApiScope } from './auth/scopes.js';

// Database: the ORM with its tenant and soft-delete filters, shared columns, raw SQL helpers
export { createOrm, MAIN_ENTITY_FILTERS, SOFT_DELETE_FILTER, TENANT_FILTER, type EntityManager, type OrmOptions } from './db/orm.js';
export { defineMainEntity, mainEntityColumns } from './db/entity-columns.js';
export { conditionsSignature, escapeLike, pgArray, type SqlCondition } from './db/sql.js';
export { rowMapper } from './db/row-mapper.js';
export { sqlStatements } from './db/sql-stats.js';
export { appPasswordFile, deriveAppDatabaseUrl } from './db/urls.js';

// A subgraph: its definition, its runtime (one context per fetch) and its HTTP transport
export type { EntityReference, LoaderScope, SubgraphContext, SubgraphDefinition } from './graphql/context.js';
export {
  SubgraphRuntime,
  defineSubgraph,
  type SubgraphRequest,
  type SubgraphResponse,
  type SubgraphRuntimeOptions,
} from './graphql/subgraph.js';
export { runStandaloneSubgraph } from './graphql/standalone.js';
export { RequestScope } from './scope.js';
export { jsonScalarResolvers, scalarResolvers } from './graphql/scalars.js';
export { readJsonBody, sendJson, type JsonBody } from './http.js';

// Reading: lists (cursor pages), batched loaders, time travel
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCursor, encodeCursor, pageSize, toConnection, type Connection, type CursorValue } from './graphql/cursor.js';
export { findPage, includeDeletedRows, withSqlConditions, type PageArgs, type SortOrder } from './graphql/pagination.js';
export {
  createByIdLoader,
  createChildListLoader,
  createChildPageLoader,
  type ChildPageArgs,
  type ChildPageSpec,
} from './graphql/loaders.js';
export { createHistoryLoaders, parseAsOf, snapshotToEntity, type EntityVersion } from './graphql/history.js';

// Writing: input checks, the write path (lock, version, flush, outbox), idempotency, money
export { checkDateOrder, money, optionalEmail, optionalText, optionalUrl, requiredInput, requiredText, type MoneyInput } from './graphql/validation.js';
export {
  assignChanges,
  deleteEntity,
  emitDomainEvent,
  flushAndReload,
  flushOrNotFound,
  insertEntity,
  loadForUpdate,
  lookupAsOf,
  purge,
  requireRole,
  restore,
  restoreEntity,
  saveChanges,
  softDelete,
  type DeleteRestoreOptions,
  type MissingReferences,
  type Tracked,
} from './graphql/write-path.js';
export { IDEMPOTENCY_KEY_ARGUMENT, decodeResult, encodeResult, requestDigest, withIdempotencyKey } from './graphql/idempotency.js';
export { MAX_LINE_ITEMS, parseCurrency, priceLineItems, samePricedLines, type LineItemInput, type PricedLineItem, type PricedLines } from './graphql/line-items.js';

// Custom fields: definitions (the kernel owns them) and per-entity values, registered by each subgraph
export {
  CUSTOM_FIELD_TYPES,
  customFieldsOf,
  forgetCustomFieldDefinitions,
  type CustomFieldDefinitionData,
  type CustomFieldEntity,
  type CustomFieldFilterInput,
  type CustomFieldType,
  type CustomFieldValues,
  type TypedCustomFieldValue,
} from './custom-fields/values.js';
export { CustomFieldDefinitionSchema, type CustomFieldDefinitionEntity } from './custom-fields/definition.entity.js';
export * as customFieldDefinitions from './custom-fields/definitions.js';

// Files: the local and S3 stores behind one interface
export * from './storage/index.js';

// Workflows: definitions and templates shared by the workflow subgraph and the worker
export * from './workflow/definition.js';

// Events that subgraphs handle themselves, and the client merge protocol they share
export * from './events/delivery.js';
export * from './events/client-merge.js';
