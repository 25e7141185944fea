import { createHash } from 'node:crypto';

/**
 * Where QuickBooks Online is and who we are to it. Read from the environment at each use, so a
 * test (or the demo) can point the same code at the local stand-in.
 */
export interface QuickBooksSettings {
  /** The accounting API, e.g. https://quickbooks.api.intuit.com (the stand-in's address in tests and the demo). */
  apiUrl: string;
  /** The OAuth 2 token and revocation endpoints' host. */
  oauthUrl: string;
  /** Where the user approves the connection in a browser. */
  authorizeUrl: string;
  clientId: string;
  clientSecret: string;
  /** The webhook verifier token: QuickBooks signs each notification with it (HMAC-SHA256). */
  webhookVerifier: string;
  /** Every request asks for this minor version of the v3 API (Intuit ignores anything below 75 since 2025). */
  minorVersion: number;
  timeoutMs: number;
}

export function quickBooksSettings(env: NodeJS.ProcessEnv = process.env): QuickBooksSettings {
  return {
    apiUrl: (env.UBOS_QUICKBOOKS_API_URL ?? 'https://quickbooks.api.intuit.com').replace(/\/$/, ''),
    oauthUrl: (env.UBOS_QUICKBOOKS_OAUTH_URL ?? 'https://oauth.platform.intuit.com').replace(/\/$/, ''),
    authorizeUrl: env.UBOS_QUICKBOOKS_AUTHORIZE_URL ?? 'https://appcenter.intuit.com/connect/oauth2',
    clientId: env.UBOS_QUICKBOOKS_CLIENT_ID ?? '',
    clientSecret: env.UBOS_QUICKBOOKS_CLIENT_SECRET ?? '',
    webhookVerifier: env.UBOS_QUICKBOOKS_WEBHOOK_VERIFIER ?? '',
    minorVersion: Number(env.UBOS_QUICKBOOKS_MINOR_VERSION ?? 75),
    timeoutMs: Number(env.UBOS_QUICKBOOKS_TIMEOUT_MS ?? 10_000),
  };
}

/**
 * The key that encrypts OAuth tokens at rest: UBOS_INTEGRATION_KEY (32 bytes, as 64 hex
 * characters or base64). Without it, integrations cannot be connected: a token is never
 * stored in clear.
 */
export function integrationKey(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const raw = env.UBOS_INTEGRATION_KEY?.trim();
  if (!raw) return undefined;
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('UBOS_INTEGRATION_KEY must be 32 bytes (64 hex characters or base64)');
  return key;
}

/** A short, stable fingerprint of the key, so an operator can tell which key encrypted a token. */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
