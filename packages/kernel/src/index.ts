// The kernel: what every subgraph, the gateway and the worker share. README.md beside src/
// says when to use each group.

// Configuration
export {
  ConfigError,
  ENVIRONMENT,
  loadConfig,
  loadConfigOrExit,
  validateEnvironment,
  type ConfigProblem,
  parseSubgraphUrls,
  DEFAULT_RATE_LIMITS,
  DEFAULT_REQUEST_LIMITS,
  DEFAULT_TIMEOUTS,
  loadLogSettings,
  loadTracingSettings,
  ONE_PROCESS_POOL_MAX,
  STANDALONE_POOL_MAX,
  type AccountSettings,
  type FilesConfig,
  type MailSettings,
  type RateLimit,
  type RateLimits,
  type LogSettings,
  type RequestLimits,
  type Timeouts,
  type TracingSettings,
  type UbosConfig,
  type WorkerSettings,
} from './config.js';
export { StartupError, listen, portIsFree, portTaken } from './startup.js';
export { drain } from './http-drain.js';

// Errors every resolver may throw, and the mask applied before any error leaves a subgraph
export { ErrorCode, badUserInput, conflict, forbidden, maskError, notFound, serviceUnavailable, unauthenticated, unavailableError } from './errors.js';

// Operations: structured logs and traces
export { apolloLogger, createLogger, logger, scrubbedText, setLogger, type Logger } from './logger.js';
export {
  inSpan,
  SpanKind,
  startTracing,
  startTracingInMemory,
  stopTracing,
  traceContextFrom,
  traceHeaders,
  tracingEnabled,
  type InMemorySpanExporter,
  type ReadableSpan,
} from './tracing.js';

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
  type ServicePrincipalKind,
  type ServiceTokenClaims,
  type TokenService,
  type UserTokenClaims,
  type VerifiedUserToken,
} from './auth/jwt.js';
export { decoyPasswordHash, hashPassword, verifyPassword } from './auth/password.js';
export { checkNewPassword, normalizeEmail, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './auth/password-policy.js';
export { sessionChanges, type SessionChange } from './auth/session-changes.js';
export { API_SCOPES, INTEGRATION_SCOPES, type ApiScope } from './auth/scopes.js';

// Database: the ORM with its tenant and soft-delete filters, shared columns, raw SQL helpers
export { createOrm, MAIN_ENTITY_FILTERS, runInStatementScope, SOFT_DELETE_FILTER, TENANT_FILTER, type EntityManager, type OrmOptions, type StatementScope } from './db/orm.js';
export { defineMainEntity, mainEntityColumns } from './db/entity-columns.js';
export { conditionsSignature, escapeLike, pgArray, type SqlCondition } from './db/sql.js';
export { rowMapper } from './db/row-mapper.js';
export { sqlStatements } from './db/sql-stats.js';
export { appPasswordFile, deriveAppDatabaseUrl } from './db/urls.js';
export { databaseReadiness, withTimeout, READINESS_TIMEOUT_MS, type Readiness } from './db/readiness.js';

// A subgraph: its definition, its runtime (one context per fetch) and its HTTP transport
export type { EntityReference, EventHandler, LoaderScope, SubgraphContext, SubgraphDefinition } from './graphql/context.js';
export {
  SubgraphRuntime,
  defineSubgraph,
  type SubgraphRequest,
  type SubgraphResponse,
  type SubgraphRuntimeOptions,
} from './graphql/subgraph.js';
export { runStandaloneSubgraph } from './graphql/standalone.js';
// Running operations: documents parsed and validated once per text (the subgraphs and the gateway)
export { BoundedTextCache, ValidatedDocuments, formatGraphQLError, isRefusedDocument, isVariableCoercionError, type RefusedDocument, type TextBounds } from './graphql/documents.js';
export { RefuseAfterCommit, RequestScope } from './scope.js';
export { jsonScalarResolvers, scalarResolvers } from './graphql/scalars.js';
export { readBody, readJsonBody, sendJson, type JsonBody } from './http.js';

// Reading: lists (cursor pages), batched loaders, time travel
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCursor, encodeCursor, pageSize, toConnection, type Connection, type CursorValue } from './graphql/cursor.js';
export { findPage, includeDeletedRows, withSqlConditions, type PageArgs, type SortOrder } from './graphql/pagination.js';
export {
  createByIdLoader,
  createChildListLoader,
  createChildPageLoader,
  defineLoaders,
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
  restoreEntity,
  saveChanges,
  type AnnouncedEvent,
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

// Per-tenant schema versions: the data migrations, their runner, and the address of version 2
export { AddressParseError, ISO_COUNTRY_CODES, countryCode, formatAddress, parseFreeTextAddress, type PostalAddress } from './tenant-schema/address.js';
export { LATEST_SCHEMA_VERSION, TENANT_MIGRATIONS, type TenantMigration } from './tenant-schema/migrations.js';
export {
  readTenantMigrationState,
  runTenantMigration,
  startTenantMigration,
  tenantMigrationState,
  type MigrationConnection,
  type MigrationDatabase,
  type TenantMigrationState,
  type TenantMigrationStatus,
} from './tenant-schema/runner.js';
export { backgroundMigrationsSettled, migrationDatabaseOf, requestConnection, runInBackground } from './tenant-schema/in-process.js';
export { tenantSchemaVersion, type TenantSchemaVersion } from './tenant-schema/version.js';

// Data quality per tenant, and the latencies it reads
export {
  DATA_QUALITY_ENTITIES,
  DATA_QUALITY_TARGETS,
  breachesOf,
  computeDataQuality,
  listDataQualityIssues,
  type DataQualityEntity,
  type DataQualityIssue,
  type DataQualityReport,
  type EntityDataQuality,
} from './quality/data-quality.js';
export { LatencyWindows, tenantLatencies, type LatencyKind } from './quality/latency.js';

// Metrics: the process's prom-client registry and what the gateway records into it
export {
  httpRequestSeconds,
  httpRequestsTotal,
  metricsRegistry,
  serveMetrics,
  operationLabel,
  rateLimitRefusalsTotal,
  subgraphFetchSeconds,
} from './metrics.js';
export { DataQualityMonitor, refreshDataQualityMetrics } from './quality/monitor.js';

// Events that subgraphs handle themselves, and the client merge protocol they share
export * from './events/delivery.js';
export * from './events/client-merge.js';
