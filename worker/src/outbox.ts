/** A row of the outbox table, as the dispatcher reads it. */
export interface OutboxRow {
  organization_id: string;
  id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
  actor?: string;
  request_id?: string | null;
}
