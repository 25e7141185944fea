import type http from 'node:http';
import { logger, readBody, sendJson } from '@ubos/kernel';
import { quickBooksSettings, verifyWebhookSignature } from '@ubos/quickbooks';
import type { GatewayOptions } from './options.js';
import { subgraphCaller } from './subgraph-caller.js';

type Options = Pick<GatewayOptions, 'signer' | 'runtimes' | 'subgraphUrls'>;

export const QUICKBOOKS_WEBHOOK_PATH = '/integrations/quickbooks/webhook';
/** Intuit's notifications are a few kilobytes; anything far larger is not one. */
export const QUICKBOOKS_WEBHOOK_MAX_BYTES = 256 * 1024;

const NOTIFY = 'mutation QuickBooksNotification($realmId: String!, $entities: JSON!) { receiveQuickBooksNotification(realmId: $realmId, entities: $entities) }';

/** CloudEvents' verbs in the classic format's words. */
const CLOUD_EVENT_OPERATIONS: Record<string, string> = { created: 'Create', updated: 'Update', deleted: 'Delete', voided: 'Void', merged: 'Merge', emailed: 'Emailed' };

interface Notification {
  realmId: string;
  entities: Array<{ name: string; id: string; operation: string; lastUpdated?: string }>;
}

/**
 * POST /integrations/quickbooks/webhook: Intuit's change notifications. The signature
 * (`intuit-signature`: base64 HMAC-SHA256 of the raw body with UBOS_QUICKBOOKS_WEBHOOK_VERIFIER)
 * is checked in constant time before anything is parsed; a bad or missing one answers 401 and
 * queues nothing. A signed notification is only queued (an outbox event per tenant connected to
 * its realm, through the integrations subgraph); the worker reads QuickBooks afterwards. Intuit
 * retries what does not answer 200, and the pull deduplicates, so a failure answers 500.
 */
export async function serveQuickBooksWebhook(req: http.IncomingMessage, res: http.ServerResponse, options: Options): Promise<void> {
  const raw = await readBody(req, QUICKBOOKS_WEBHOOK_MAX_BYTES);
  if (!raw) {
    res.setHeader('connection', 'close');
    return sendJson(res, 413, { errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  }
  const signature = req.headers['intuit-signature'];
  const verifier = quickBooksSettings().webhookVerifier;
  if (!verifyWebhookSignature(verifier, raw, typeof signature === 'string' ? signature : undefined)) {
    logger().warn({ component: 'quickbooks-webhook', requestId: req.headers['x-request-id'], configured: Boolean(verifier) }, 'QuickBooks webhook refused: bad or missing intuit-signature');
    return sendJson(res, 401, { errors: [{ message: 'Bad or missing intuit-signature', extensions: { code: 'UNAUTHENTICATED' } }] });
  }
  let notifications: Notification[];
  try {
    notifications = notificationsOf(JSON.parse(raw.toString('utf8')));
  } catch {
    return sendJson(res, 400, { errors: [{ message: 'Not a QuickBooks notification', extensions: { code: 'BAD_REQUEST' } }] });
  }
  const notify = subgraphCaller(options, 'integrations');
  const requestId = String(req.headers['x-request-id'] ?? 'quickbooks-webhook');
  let reached = 0;
  for (const notification of notifications) {
    const result = await notify(NOTIFY, { realmId: notification.realmId, entities: notification.entities }, undefined, requestId);
    if (result.errors?.length) {
      logger().error({ component: 'quickbooks-webhook', requestId, errors: result.errors }, 'QuickBooks notification not queued');
      return sendJson(res, 500, { errors: [{ message: 'The notification could not be queued; QuickBooks will send it again', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
    reached += Number(result.data?.receiveQuickBooksNotification ?? 0);
  }
  sendJson(res, 200, { queued: reached });
}

/**
 * Both of Intuit's formats: the classic `{ eventNotifications: [{ realmId, dataChangeEvent:
 * { entities } }] }`, and the CloudEvents list (`[{ type: "qbo.payment.created.v1",
 * intuitaccountid, intuitentityid }]`) Intuit moved to in 2025.
 */
function notificationsOf(body: unknown): Notification[] {
  const byRealm = new Map<string, Notification>();
  const add = (realmId: unknown, entity: Notification['entities'][number]) => {
    if (typeof realmId !== 'string' || !realmId || !entity.id) return;
    const notification = byRealm.get(realmId) ?? { realmId, entities: [] };
    notification.entities.push(entity);
    byRealm.set(realmId, notification);
  };
  if (Array.isArray(body)) {
    for (const event of body as Array<Record<string, unknown>>) {
      const [, name, operation] = /^qbo\.(\w+)\.(\w+)\.v\d+$/i.exec(String(event?.type ?? '')) ?? [];
      if (!name) continue;
      const entity = name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
      // In the classic format's words: created → Create, voided → Void.
      const classic = CLOUD_EVENT_OPERATIONS[String(operation).toLowerCase()] ?? String(operation);
      add(event.intuitaccountid, { name: entity, id: String(event.intuitentityid ?? ''), operation: classic, lastUpdated: String(event.time ?? '') });
    }
  } else {
    const list = (body as { eventNotifications?: unknown })?.eventNotifications;
    if (!Array.isArray(list)) throw new Error('no eventNotifications');
    for (const notification of list as Array<Record<string, any>>) {
      for (const entity of notification?.dataChangeEvent?.entities ?? []) {
        add(notification.realmId, { name: String(entity?.name ?? ''), id: String(entity?.id ?? ''), operation: String(entity?.operation ?? ''), lastUpdated: String(entity?.lastUpdated ?? '') });
      }
    }
  }
  return [...byRealm.values()];
}
