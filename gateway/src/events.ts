import type http from 'node:http';
import {
  EVENT_PHASES,
  INTERNAL_CONTEXT_HEADER,
  InvalidTokenError,
  SUBGRAPH_EVENT_AUDIENCE,
  SUBGRAPH_EVENT_TYPES,
  eventDeliveryOperation,
  readJsonBody,
  sendJson,
  type DeliveredEvent,
  type EventPhase,
} from '@ubos/kernel';
import type { GatewayOptions } from './options.js';

type Options = Pick<GatewayOptions, 'signer' | 'runtimes' | 'subgraphUrls' | 'tokens'>;

/**
 * POST /events: the worker hands over one outbox event (with a delivery token it signed with
 * the platform key for that event and tenant), and the gateway passes it to every subgraph
 * (to those SUBGRAPH_EVENT_AUDIENCE names for its type, if it names any),
 * in-process or over HTTP as it reaches them for queries: first to each subgraph's `first`
 * handler, then, once all of those succeeded, to the `last` ones. Each subgraph claims the
 * event in its inbox, so a redelivery (the worker retries any failure) repeats nothing.
 * Answers 200 with the subgraphs that handled it, or 502 naming the one that failed.
 */
export async function serveEventDelivery(req: http.IncomingMessage, res: http.ServerResponse, options: Options): Promise<void> {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  let claims;
  try {
    claims = token ? await options.tokens.verifyDelivery(token) : undefined;
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
  }
  if (!claims) return sendJson(res, 401, { errors: [{ message: 'A delivery token is required', extensions: { code: 'UNAUTHENTICATED' } }] });
  const body = await readJsonBody(req);
  const event = body.ok ? ((body.value as { event?: DeliveredEvent }).event ?? null) : null;
  if (!event || event.id !== claims.eventId || event.organizationId !== claims.organizationId || !SUBGRAPH_EVENT_TYPES.has(event.type)) {
    return sendJson(res, 400, { errors: [{ message: 'The body is not the event the token is for', extensions: { code: 'BAD_REQUEST' } }] });
  }
  const audience = SUBGRAPH_EVENT_AUDIENCE[event.type];
  const names = (options.runtimes && Object.keys(options.runtimes).length > 0 ? Object.keys(options.runtimes) : Object.keys(options.subgraphUrls ?? {}))
    .filter((name) => !audience || audience.includes(name));
  const handled: string[] = [];
  for (const phase of EVENT_PHASES) {
    for (const name of names) {
      try {
        if (await deliver(options, name, event, phase)) handled.push(`${name}:${phase}`);
      } catch (error) {
        console.error(JSON.stringify({ level: 'error', msg: 'event delivery failed', subgraph: name, eventId: event.id, eventType: event.type, requestId: event.requestId, error: String(error) }));
        return sendJson(res, 502, { errors: [{ message: `The ${name} subgraph could not handle the event`, extensions: { code: 'INTERNAL_SERVER_ERROR', subgraph: name } }] });
      }
    }
  }
  sendJson(res, 200, { handled });
}

async function deliver(options: Options, name: string, event: DeliveredEvent, phase: EventPhase): Promise<boolean> {
  // The handler acts for whoever made the event, under its request id: the merge and every
  // row each subgraph re-points share one request id in the audit trail.
  const header = options.signer.sign(
    { requestId: event.requestId ?? `event:${event.id}`, organizationId: event.organizationId, actor: { kind: 'event', eventId: event.id, onBehalfOf: event.actor } },
    eventDeliveryOperation(phase),
    event,
  );
  const runtime = options.runtimes?.[name];
  let status: number;
  let body: { handled?: boolean; errors?: unknown };
  if (runtime) {
    const result = await runtime.deliverEvent({ event, phase }, { [INTERNAL_CONTEXT_HEADER]: header });
    status = result.status;
    body = result.body as typeof body;
  } else {
    const url = options.subgraphUrls![name]!.replace(/\/graphql$/, '') + '/events';
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_CONTEXT_HEADER]: header }, body: JSON.stringify({ event, phase }) });
    status = response.status;
    body = (await response.json()) as typeof body;
  }
  if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body.errors ?? body)}`);
  return Boolean(body.handled);
}
