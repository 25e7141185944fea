import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, generateKeyPair, exportPKCS8, exportSPKI } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import {
  createTokenService,
  hashPassword,
  InternalContextSigner,
  InvalidInternalContextError,
  InvalidTokenError,
  JWT_AUDIENCE,
  JWT_ISSUER,
  verifyPassword,
} from '@ubos/kernel';

const keyDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ubos-keys-'));
const claims = { userId: 'u1', organizationId: 'o1', role: 'OWNER' as const };

describe('user tokens', () => {
  it('signs and verifies, and keeps the generated keys for the next start', async () => {
    const dir = keyDir();
    const tokens = await createTokenService({ keyDir: dir });
    const token = await tokens.sign(claims);
    const issuedAt = Math.floor(Date.now() / 1000);
    expect(await tokens.verify(token)).toEqual({ ...claims, issuedAt: expect.toSatisfy((at: number) => Math.abs(at - issuedAt) <= 5) });
    const restarted = await createTokenService({ keyDir: dir });
    expect(await restarted.verify(token)).toMatchObject(claims);
    // A token of a session names it; the gateway refuses it once the session ends.
    const sessionId = '0190f5a1-0000-7000-8000-0000000000ff';
    expect(await tokens.verify(await tokens.sign({ ...claims, sessionId }))).toMatchObject({ ...claims, sessionId });
  });

  it('pins the algorithm, issuer and audience, and refuses expired or foreign tokens', async () => {
    const tokens = await createTokenService({ keyDir: keyDir() });
    const other = await createTokenService({ keyDir: keyDir() });
    await expect(tokens.verify(await other.sign(claims))).rejects.toThrow(InvalidTokenError);
    await expect(tokens.verify(await tokens.sign(claims, '-1s'))).rejects.toThrow(InvalidTokenError);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'u1', org: 'o1', role: 'OWNER', iss: JWT_ISSUER, aud: JWT_AUDIENCE, exp: 9_999_999_999 })).toString('base64url')}.`;
    await expect(tokens.verify(unsigned)).rejects.toThrow(InvalidTokenError);
    const hmac = await new SignJWT({ org: 'o1', role: 'OWNER' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setExpirationTime('1h').sign(new TextEncoder().encode(tokens.publicKeyPem));
    await expect(tokens.verify(hmac)).rejects.toThrow(InvalidTokenError);
  });

  it('keeps a verified token only until it expires, and never accepts a changed one', async () => {
    const tokens = await createTokenService({ keyDir: keyDir() });
    const token = await tokens.sign(claims, '2s');
    expect(await tokens.verify(token)).toMatchObject(claims);
    expect(await tokens.verify(token)).toMatchObject(claims);
    // One character of the signature or of the payload changed: a different token, checked afresh.
    const [head, body, signature] = token.split('.');
    const flip = (text: string) => text.slice(0, -2) + (text.at(-2) === 'A' ? 'B' : 'A') + text.at(-1);
    await expect(tokens.verify(`${head}.${body}.${flip(signature!)}`)).rejects.toThrow(InvalidTokenError);
    await expect(tokens.verify(`${head}.${flip(body!)}.${signature}`)).rejects.toThrow(InvalidTokenError);
    // Past its expiry the kept token is refused like any expired one.
    const now = Date.now();
    vi.useFakeTimers({ now: now + 5_000, toFake: ['Date'] });
    try {
      await expect(tokens.verify(token)).rejects.toThrow(InvalidTokenError);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a token for another audience or issuer signed with the right key', async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const tokens = await createTokenService({ privateKeyPem: await exportPKCS8(pair.privateKey), publicKeyPem: await exportSPKI(pair.publicKey) });
    for (const [issuer, audience] of [['someone-else', JWT_AUDIENCE], [JWT_ISSUER, 'another-api']]) {
      const token = await new SignJWT({ org: 'o1', role: 'OWNER' }).setProtectedHeader({ alg: 'EdDSA' }).setSubject('u1').setIssuer(issuer!).setAudience(audience!).setExpirationTime('1h').sign(pair.privateKey);
      await expect(tokens.verify(token)).rejects.toThrow(InvalidTokenError);
    }
  });
});

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$/);
    expect(await hashPassword('correct horse')).not.toBe(hash);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong horse', hash)).toBe(false);
  });
});

describe('internal context signature', () => {
  const context = { requestId: 'r1', organizationId: 'o1', actor: { kind: 'anonymous' as const } };
  const signer = new InternalContextSigner('a-secret-of-thirty-two-characters');

  it('round-trips the context for the operation it was signed for', () => {
    const header = signer.sign(context, '{ a }', { x: 1 });
    expect(signer.verify(header, '{ a }', { x: 1 })).toEqual(context);
  });

  it('refuses a missing, forged, tampered, replayed or expired signature', () => {
    const header = signer.sign(context, '{ a }', { x: 1 });
    expect(() => signer.verify(undefined, '{ a }', { x: 1 })).toThrow(InvalidInternalContextError);
    expect(() => new InternalContextSigner('another-secret-of-32-characters!').verify(header, '{ a }', { x: 1 })).toThrow(InvalidInternalContextError);
    expect(() => signer.verify(header, '{ b }', { x: 1 })).toThrow(InvalidInternalContextError);
    expect(() => signer.verify(header, '{ a }', { x: 2 })).toThrow(InvalidInternalContextError);
    const [payload, mac] = header.split('.');
    const tampered = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('o1', 'o2')).toString('base64url');
    expect(() => signer.verify(`${tampered}.${mac}`, '{ a }', { x: 1 })).toThrow(InvalidInternalContextError);
    const expired = new InternalContextSigner('a-secret-of-thirty-two-characters', -1).sign(context, '{ a }', undefined);
    expect(() => signer.verify(expired, '{ a }', undefined)).toThrow(/expired/);
  });
});
