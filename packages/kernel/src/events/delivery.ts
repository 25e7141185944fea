/**
 * Types that only the named subgraphs handle: the gateway delivers them to those alone, so that
 * an event as frequent as a client's change costs one delivery, not one per subgraph and phase.
 * A type not listed here goes to every subgraph.
 */
export const SUBGRAPH_EVENT_AUDIENCE: Readonly<Record<string, readonly string[]>> = {
  // crm keeps its duplicate candidates (migration 0060) off the write path.
  ClientCreated: ['crm'],
  ClientUpdated: ['crm'],
  ClientDeleted: ['crm'],
  ClientRestored: ['crm'],
  ClientErased: ['crm'],
};

/**
 * Outbox events that subgraphs handle themselves, in their own transactions (beside the
 * workflow engine, which turns events into workflow runs). The worker hands each of these to
 * the gateway, which passes it to every subgraph: a subgraph with a handler for the type runs
 * it; the others answer that they have none. Only these types travel that way, so the other
 * events cost no delivery at all.
 */
export const SUBGRAPH_EVENT_TYPES: ReadonlySet<string> = new Set(['ClientsMerged', 'ClientsUnmergeRequested', ...Object.keys(SUBGRAPH_EVENT_AUDIENCE)]);

/** One outbox event as a handler sees it. */
export interface DeliveredEvent<Payload = Record<string, unknown>> {
  id: string;
  organizationId: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Payload;
  /** Who made the change that wrote the event (user:<id>, …); the handler acts for them. */
  actor: string;
  requestId: string | null;
  occurredAt: string;
}

/**
 * When a handler runs: `first` in every subgraph that has one, then `last` once every `first`
 * handler of the event succeeded. The owner of the event's aggregate uses `last` to settle
 * what the others did (a merge is COMPLETED only when every subgraph has re-pointed its rows).
 */
export type EventPhase = 'first' | 'last';
export const EVENT_PHASES: readonly EventPhase[] = ['first', 'last'];


/** The request one subgraph receives: the event and the phase to run. */
export interface EventDeliveryRequest {
  event: DeliveredEvent;
  phase: EventPhase;
}

/** The "query" the gateway's signature covers for a delivery, with the event as its variables. */
export function eventDeliveryOperation(phase: EventPhase): string {
  return `event-delivery:${phase}`;
}
