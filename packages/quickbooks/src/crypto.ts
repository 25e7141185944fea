import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { keyFingerprint } from './config.js';

/**
 * Tokens at rest: AES-256-GCM with a fresh 96-bit nonce per value, bound to its tenant and
 * purpose as additional data, so a ciphertext copied to another tenant's row (or from the
 * access to the refresh column) fails to decrypt. Format: v1.<key fingerprint>.<nonce>.<tag>.<ciphertext>.
 */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', keyFingerprint(key), nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function openSecret(key: Buffer, sealed: string, context: string): string {
  const [version, , nonce, tag, body] = sealed.split('.');
  if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** QuickBooks' webhook signature: base64 HMAC-SHA256 of the raw body with the verifier token, in `intuit-signature`. */
export function webhookSignature(verifier: string, body: string | Buffer): string {
  return createHmac('sha256', verifier).update(body).digest('base64');
}

export function verifyWebhookSignature(verifier: string, body: string | Buffer, signature: string | undefined): boolean {
  if (!verifier || !signature) return false;
  const expected = Buffer.from(webhookSignature(verifier, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
