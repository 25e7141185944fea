import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

export const INTEGRATION_PROVIDERS = ['QUICKBOOKS'] as const;
export type IntegrationProvider = (typeof INTEGRATION_PROVIDERS)[number];
export type IntegrationStatus = 'CONNECTED' | 'NEEDS_REAUTH' | 'DISCONNECTED';

// The connection's public facts. Its tokens live in integration_connection_secrets, which no
// entity maps: the graph cannot select them even by mistake.
export const IntegrationConnectionSchema = defineMainEntity('IntegrationConnection', 'integration_connections', {
  provider: p.text().$type<IntegrationProvider>(),
  realmId: p.text().nullable(),
  status: p.text().$type<IntegrationStatus>(),
  connectedBy: p.text().nullable(),
  connectedAt: p.datetime().nullable(),
  disconnectedAt: p.datetime().nullable(),
  disconnectedBy: p.text().nullable(),
  lastError: p.text().nullable(),
});

export type IntegrationConnectionEntity = InferEntity<typeof IntegrationConnectionSchema>;
