import type { Actor } from '@ubos/kernel';

/** The gateway's view of one incoming request, before it is split into subgraph fetches. */
export interface GatewayContext {
  requestId: string;
  actor: Actor;
  organizationId: string | null;
  ip?: string;
  userAgent?: string;
}
