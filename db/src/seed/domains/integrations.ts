import type { SeedContext, SeededClient } from './context.js';

/**
 * Demo data of the integrations domain: a QuickBooks connection that waits for an owner to
 * connect it (NEEDS_REAUTH: the demo holds no tokens), and the first client's customer in
 * CONFLICT with both sides, so that Client.quickBooks and resolveQuickBooksConflict can be tried
 * in the playground. `npm start` in demo mode connects Acme to the local stand-in for real.
 */
export async function seedIntegrations(seed: SeedContext, clients: SeededClient[]): Promise<void> {
  const first = clients[0];
  if (!first) return;
  await seed.insert('integration_connections', {
    organization_id: seed.organizationId,
    id: seed.id(`integration:${seed.slug}:quickbooks`),
    provider: 'QUICKBOOKS',
    realm_id: `demo-${seed.slug}`,
    status: 'NEEDS_REAUTH',
    last_error: 'Demo data: connect QuickBooks (connectQuickBooks) to start syncing',
  }, '(organization_id, provider) do nothing');
  await seed.insert('integration_quickbooks_customers', {
    organization_id: seed.organizationId,
    id: seed.id(`integration:${seed.slug}:customer:0`),
    client_id: first.id,
    qb_customer_id: '1',
    qb_sync_token: '3',
    last_synced_at: '2026-01-15T09:30:00Z',
    last_synced_version: 1,
    sync_state: 'CONFLICT',
    pending_since: '2026-01-16T10:00:00Z',
    pushed: JSON.stringify({ DisplayName: first.name, PrimaryPhone: null }),
    conflict_ubos: JSON.stringify({ PrimaryPhone: null }),
    conflict_remote: JSON.stringify({ PrimaryPhone: '+1 555 0100' }),
    last_error: 'QuickBooks changed PrimaryPhone since the last sync (SyncToken 2 is now 3)',
  }, '(organization_id, client_id) do nothing');
}
