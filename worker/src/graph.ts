import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isObjectType, type GraphQLSchema } from 'graphql';
import type { ServicePrincipalKind, TokenService } from '@ubos/kernel';
import type { OutboxRow } from './outbox.js';

/**
 * How a workflow step reaches the graph: HTTP to the gateway, like any client, with a service
 * token of its tenant (actor workflow:<run id>). Its changes are therefore validated, isolated
 * and audited like anyone's. Every mutation carries the step's idempotency key.
 */
const SUPERGRAPH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/** Who calls the graph: a workflow run, or (kind `integration`, runId = its connection id) an integration's sync. */
export interface GraphCall {
  organizationId: string;
  runId: string;
  requestId: string;
  kind?: ServicePrincipalKind;
}

/** A failure of a step, and whether trying again could help. */
export class StepError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Codes that mean "this request is wrong", not "try later". */
const PERMANENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

export class GraphCaller {
  private schema: GraphQLSchema | undefined;
  private readonly tokens = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly gatewayUrl: string,
    private readonly tokenService: TokenService,
    private readonly timeoutMs: number,
  ) {}

  /** The argument types of a root mutation field, from the committed supergraph. */
  private argumentTypes(field: string): Map<string, string> {
    this.schema ??= buildSchema(fs.readFileSync(SUPERGRAPH, 'utf8'));
    const mutation = this.schema.getMutationType();
    const definition = mutation && isObjectType(mutation) ? mutation.getFields()[field] : undefined;
    if (!definition) throw new StepError(`The graph has no mutation ${field}`, true);
    return new Map(definition.args.map((arg) => [arg.name, String(arg.type)]));
  }

  private async token(organizationId: string, runId: string, kind: ServicePrincipalKind = 'workflow'): Promise<string> {
    const cacheKey = `${kind}:${organizationId}:${runId}`;
    const cached = this.tokens.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.token;
    const token = await this.tokenService.signService({ organizationId, runId, kind }, '5m');
    this.tokens.set(cacheKey, { token, until: Date.now() + 4 * 60_000 });
    if (this.tokens.size > 1000) this.tokens.delete(this.tokens.keys().next().value!);
    return token;
  }

  /** Reads the graph as the service principal of `runId` (of `kind`, default a workflow run) in the organization. */
  async query(call: GraphCall, query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
    return queryGraph(this.gatewayUrl, await this.token(call.organizationId, call.runId, call.kind), this.timeoutMs, query, variables, call.requestId);
  }

  /**
   * Hands one outbox event to the gateway, which passes it to the subgraphs' own handlers
   * (POST /events, with a delivery token for this event and tenant). Any failure throws, so
   * the job is retried; the subgraphs' inboxes make the retry repeat nothing.
   */
  async deliverEvent(event: OutboxRow): Promise<void> {
    const token = await this.tokenService.signDelivery({ organizationId: event.organization_id, eventId: event.id });
    const body = {
      event: {
        id: event.id,
        organizationId: event.organization_id,
        type: event.event_type,
        aggregateType: event.aggregate_type,
        aggregateId: event.aggregate_id,
        payload: event.payload,
        actor: event.actor ?? 'system',
        requestId: event.request_id ?? null,
        occurredAt: new Date(event.occurred_at).toISOString(),
      },
    };
    let response: Response;
    try {
      response = await fetch(`${this.gatewayUrl}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs * 3),
      });
    } catch (error) {
      throw new StepError(`The gateway did not answer: ${(error as Error).message}`, false);
    }
    if (response.status !== 200) throw new StepError(`Delivering ${event.event_type} failed: HTTP ${response.status} ${await response.text().catch(() => '')}`, false);
  }

  /**
   * Runs one root mutation field with the given arguments and idempotency key, selecting
   * `selection` from its result, and answers that result.
   */
  async mutate(
    call: GraphCall,
    field: string,
    args: Record<string, unknown>,
    idempotencyKey: string,
    selection = '{ id }',
  ): Promise<Record<string, unknown>> {
    const types = this.argumentTypes(field);
    const variables: Record<string, unknown> = { ...args };
    if (types.has('idempotencyKey')) variables.idempotencyKey = idempotencyKey;
    const declared: string[] = [];
    const passed: string[] = [];
    for (const name of Object.keys(variables)) {
      const type = types.get(name);
      if (!type) throw new StepError(`${field} takes no argument ${name}`, true);
      declared.push(`$${name}: ${type}`);
      passed.push(`${name}: $${name}`);
    }
    const query = `mutation WorkflowStep${declared.length ? `(${declared.join(', ')})` : ''} { result: ${field}${passed.length ? `(${passed.join(', ')})` : ''} ${selection} }`;
    let response: Response;
    try {
      response = await fetch(`${this.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await this.token(call.organizationId, call.runId, call.kind)}`,
          'x-request-id': call.requestId,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new StepError(`The gateway did not answer: ${(error as Error).message}`, false);
    }
    let body: { data?: { result?: Record<string, unknown> | null } | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new StepError(`The gateway answered HTTP ${response.status} without JSON`, false);
    }
    const error = body.errors?.[0];
    if (error) {
      const code = String(error.extensions?.code ?? '');
      const at = error.extensions?.field ? ` on ${String(error.extensions.field)}` : '';
      throw new StepError(`${code}${at}: ${error.message}`, PERMANENT_CODES.has(code));
    }
    if (!body.data?.result) throw new StepError(`${field} answered no result (HTTP ${response.status})`, response.status < 500 && response.status !== 429);
    return body.data.result;
  }
}

/** Reads the graph as the tenant's service principal; answers `data`, or throws a StepError. */
export async function queryGraph(
  gatewayUrl: string,
  token: string,
  timeoutMs: number,
  query: string,
  variables: Record<string, unknown>,
  requestId: string,
): Promise<Record<string, any>> {
  let response: Response;
  try {
    response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new StepError(`The gateway did not answer: ${(error as Error).message}`, false);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  const error = body.errors?.[0];
  if (error || !body.data) {
    const code = String(error?.extensions?.code ?? '');
    throw new StepError(`${code}: ${error?.message ?? `HTTP ${response.status}`}`, PERMANENT_CODES.has(code));
  }
  return body.data;
}
