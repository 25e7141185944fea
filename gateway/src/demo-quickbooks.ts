import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { withAdminClient } from '@ubos/db';
import { QuickBooksClient, integrationKey, quickBooksSettings, sealSecret } from '@ubos/quickbooks';
import { startQuickBooksStandIn, type QuickBooksStandIn } from '@ubos/quickbooks/standin';

/**
 * `npm start` in demo mode: Acme is connected to a local stand-in of QuickBooks Online, started
 * in this process, so the sync can be watched in the playground (`integrations`,
 * `client { quickBooks }`, `resolveQuickBooksConflict`). The stand-in keeps its objects in memory,
 * so each start connects Acme afresh (through the stand-in's real OAuth endpoints) and pushes
 * everything again. Skipped when a real QuickBooks is configured (UBOS_QUICKBOOKS_API_URL).
 */
export async function startDemoQuickBooks(options: { adminUrl: string; organizationId: string; dataDir: string; log: (line: string) => void }): Promise<QuickBooksStandIn | undefined> {
  if (process.env.UBOS_QUICKBOOKS_API_URL) return undefined;
  if (!integrationKey()) {
    const file = path.join(options.dataDir, 'keys', 'integration-key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    process.env.UBOS_INTEGRATION_KEY = fs.readFileSync(file, 'utf8').trim();
  }
  const standIn = await startQuickBooksStandIn();
  Object.assign(process.env, standIn.env());
  const realmId = 'demo-acme';
  standIn.approveAs(realmId);
  const client = new QuickBooksClient(quickBooksSettings());
  const redirectUri = 'http://localhost/quickbooks/demo';
  const approval = await fetch(client.authorizationUrl('demo', redirectUri), { redirect: 'manual' });
  const code = new URL(approval.headers.get('location')!).searchParams.get('code')!;
  const tokens = await client.exchangeCode(code, redirectUri);
  const key = integrationKey()!;
  const org = options.organizationId;
  const requestedAt = new Date().toISOString();
  await withAdminClient(options.adminUrl, async (db) => {
    await db.query('begin');
    await db.query("select set_config('app.organization_id', $1, true), set_config('app.actor', 'system', true), set_config('app.request_id', 'demo', true)", [org]);
    const { rows } = await db.query<{ id: string }>(
      `insert into integration_connections (organization_id, provider, realm_id, status, connected_by, connected_at, last_error)
       values ($1, 'QUICKBOOKS', $2, 'CONNECTED', 'system', now(), null)
       on conflict (organization_id, provider) do update set realm_id = excluded.realm_id, status = 'CONNECTED', connected_by = 'system', connected_at = now(), last_error = null
       returning id`,
      [org, realmId],
    );
    const connectionId = rows[0]!.id;
    for (const table of ['integration_quickbooks_payments', 'integration_quickbooks_invoices', 'integration_quickbooks_customers']) await db.query(`delete from ${table} where organization_id = $1`, [org]);
    await db.query(
      `insert into integration_connection_secrets (organization_id, connection_id, access_token, refresh_token, access_expires_at, refresh_expires_at) values ($1, $2, $3, $4, $5, $6)
       on conflict (organization_id, connection_id) do update set access_token = excluded.access_token, refresh_token = excluded.refresh_token,
         access_expires_at = excluded.access_expires_at, refresh_expires_at = excluded.refresh_expires_at, updated_at = now()`,
      [org, connectionId, sealSecret(key, tokens.accessToken, `${org}:quickbooks:access`), sealSecret(key, tokens.refreshToken, `${org}:quickbooks:refresh`), tokens.accessExpiresAt, tokens.refreshExpiresAt],
    );
    await db.query(
      `insert into integration_sync_status (organization_id, connection_id, full_sync_requested_at, cdc_since) values ($1, $2, $3, $3)
       on conflict (organization_id, connection_id) do update set full_sync_requested_at = excluded.full_sync_requested_at, full_sync_finished_at = null`,
      [org, connectionId, requestedAt],
    );
    await db.query(
      `insert into outbox (organization_id, event_type, aggregate_type, aggregate_id, payload, actor, request_id)
       values ($1, 'IntegrationSyncRequested', 'IntegrationConnection', $2, $3, 'system', 'demo')`,
      [org, connectionId, JSON.stringify({ provider: 'QUICKBOOKS', reason: 'demo', requestedAt })],
    );
    await db.query('commit');
  });
  options.log(`QuickBooks stand-in on ${standIn.url}: Acme is connected (realm ${realmId}); the worker pushes its clients and invoices`);
  return standIn;
}
