import fs from 'node:fs';
import path from 'node:path';
import { SignJWT, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, jwtVerify, errors as joseErrors, type CryptoKey } from 'jose';

export const JWT_ISSUER = 'ubos-graph';
export const JWT_AUDIENCE = 'ubos-graph-api';
/** Audit checkpoints are signed with the same key, for their own audience and type. */
export const CHECKPOINT_AUDIENCE = 'ubos-audit-checkpoint';
const CHECKPOINT_TYPE = 'ubos-audit-checkpoint+jwt';
/**
 * Service tokens: a workflow step acting for one tenant, as `workflow:<run id>`, or an
 * integration's sync (QuickBooks) as `integration:<connection id>`. Minted by the
 * worker with the platform key, for their own audience and type, and short-lived: never
 * accepted as a user token, nor a user token as one, and nobody without the private key can
 * make one.
 */
export const SERVICE_AUDIENCE = 'ubos-graph-service';
const SERVICE_TYPE = 'ubos-service+jwt';
/**
 * Event delivery tokens: the worker handing one outbox event of one tenant to the gateway,
 * which passes it to the subgraphs' handlers. Their own type: never a user or a step token.
 */
const DELIVERY_TYPE = 'ubos-event-delivery+jwt';
const JWT_ALGORITHM = 'EdDSA';

export type Role = 'OWNER' | 'ADMIN' | 'MEMBER';

/** What a user token says: one user acting in exactly one organization. */
export interface UserTokenClaims {
  userId: string;
  organizationId: string;
  role: Role;
  /**
   * The session the token was issued for (login, sign-up, refresh): the gateway refuses the
   * token once the session ends. Tokens signed without one (the printed demo token, tests) are
   * refused once their user's tokens are invalidated (password change, logout everywhere).
   */
  sessionId?: string;
}

/** A verified user token: its claims and when it was issued (epoch seconds, 0 when absent). */
export interface VerifiedUserToken extends UserTokenClaims {
  issuedAt: number;
}

/** The kinds of service principal: a workflow run, or an integration's connection. */
export type ServicePrincipalKind = 'workflow' | 'integration';

/**
 * What a service token says: a workflow run (or, with kind `integration`, an integration's
 * connection, whose id is `runId`) acting in exactly one organization.
 */
export interface ServiceTokenClaims {
  organizationId: string;
  runId: string;
  /** Default `workflow`. */
  kind?: ServicePrincipalKind;
}

/** What an event delivery token says: this event of this organization. */
export interface DeliveryTokenClaims {
  organizationId: string;
  eventId: string;
}

export interface TokenService {
  sign(claims: UserTokenClaims, expiresIn?: string): Promise<string>;
  verify(token: string): Promise<VerifiedUserToken>;
  /** A service token for a workflow run (default lifetime 5 minutes). */
  signService(claims: ServiceTokenClaims, expiresIn?: string): Promise<string>;
  /** Verifies a service token; InvalidTokenError for anything else, user tokens included. */
  verifyService(token: string): Promise<ServiceTokenClaims>;
  /** A token for delivering one outbox event to the subgraphs' handlers (1 minute). */
  signDelivery(claims: DeliveryTokenClaims): Promise<string>;
  /** Verifies a delivery token; InvalidTokenError for anything else. */
  verifyDelivery(token: string): Promise<DeliveryTokenClaims>;
  /**
   * Signs a document (an audit checkpoint) with the platform key. It has its own audience and
   * `typ` and no expiry, so it is never accepted as a user token, nor a user token as it.
   * `iat` is the given one when the claims carry it, else now.
   */
  signCheckpoint(claims: Record<string, unknown>): Promise<string>;
  /** Verifies a document of signCheckpoint and returns its claims; InvalidTokenError otherwise. */
  verifyCheckpoint(jws: string): Promise<Record<string, unknown>>;
  publicKeyPem: string;
}

export class InvalidTokenError extends Error {}

async function loadOrCreateKeys(options: { privateKeyPem?: string; publicKeyPem?: string; keyDir?: string }) {
  if (options.privateKeyPem && options.publicKeyPem) return { privateKeyPem: options.privateKeyPem, publicKeyPem: options.publicKeyPem };
  if (options.privateKeyPem || options.publicKeyPem) {
    throw new Error('Set both UBOS_JWT_PRIVATE_KEY and UBOS_JWT_PUBLIC_KEY, or neither');
  }
  if (!options.keyDir) throw new Error('No JWT keys configured and no key directory to generate them into');
  const privatePath = path.join(options.keyDir, 'jwt-private.pem');
  const publicPath = path.join(options.keyDir, 'jwt-public.pem');
  if (fs.existsSync(privatePath) && fs.existsSync(publicPath)) {
    return { privateKeyPem: fs.readFileSync(privatePath, 'utf8'), publicKeyPem: fs.readFileSync(publicPath, 'utf8') };
  }
  const pair = await generateKeyPair(JWT_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const keys = { privateKeyPem: await exportPKCS8(pair.privateKey), publicKeyPem: await exportSPKI(pair.publicKey) };
  fs.mkdirSync(options.keyDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(privatePath, keys.privateKeyPem, { mode: 0o600 });
  fs.writeFileSync(publicPath, keys.publicKeyPem);
  return keys;
}

const ROLES = new Set<string>(['OWNER', 'ADMIN', 'MEMBER']);
/** Verified user tokens kept per token service (a few hundred bytes each). */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Signs and verifies user tokens. Verification pins the algorithm, issuer and audience, so a
 * token signed with another algorithm (or `none`) or minted for another service is refused.
 */
export async function createTokenService(options: { privateKeyPem?: string; publicKeyPem?: string; keyDir?: string }): Promise<TokenService> {
  const pems = await loadOrCreateKeys(options);
  // A user sends the same token with every request, and checking its Ed25519 signature was a
  // tenth of a by-id read's CPU. A token that verified is kept (by its whole text, with its
  // claims) until it expires: what it says cannot change, and whether its session still stands
  // is asked separately on every request (gateway/src/sessions.ts). Only genuine tokens are
  // kept, so the bound is on real sessions; past it the oldest go first.
  const verifiedTokens = new Map<string, { claims: VerifiedUserToken; expiresAt: number }>();
  const remember = (token: string, claims: VerifiedUserToken, expiresAt: number) => {
    if (verifiedTokens.size >= VERIFIED_TOKENS_KEPT) verifiedTokens.delete(verifiedTokens.keys().next().value!);
    verifiedTokens.set(token, { claims, expiresAt });
  };
  const privateKey: CryptoKey = await importPKCS8(pems.privateKeyPem, JWT_ALGORITHM);
  const publicKey: CryptoKey = await importSPKI(pems.publicKeyPem, JWT_ALGORITHM);
  return {
    publicKeyPem: pems.publicKeyPem,
    async sign(claims, expiresIn = '12h') {
      return new SignJWT({ org: claims.organizationId, role: claims.role, ...(claims.sessionId ? { sid: claims.sessionId } : {}) })
        .setProtectedHeader({ alg: JWT_ALGORITHM, typ: 'JWT' })
        .setSubject(claims.userId)
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey);
    },
    async verify(token) {
      const known = verifiedTokens.get(token);
      if (known) {
        if (known.expiresAt > Date.now()) return known.claims;
        verifiedTokens.delete(token);
      }
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          algorithms: [JWT_ALGORITHM],
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
          requiredClaims: ['sub', 'exp'],
        });
        if (typeof payload.org !== 'string' || typeof payload.role !== 'string' || !ROLES.has(payload.role) || !payload.sub) {
          throw new InvalidTokenError('token lacks organization or role');
        }
        if (payload.sid !== undefined && (typeof payload.sid !== 'string' || !/^[0-9a-f-]{36}$/.test(payload.sid))) throw new InvalidTokenError('malformed session');
        const claims: VerifiedUserToken = Object.freeze({
          userId: payload.sub,
          organizationId: payload.org,
          role: payload.role as Role,
          ...(payload.sid ? { sessionId: payload.sid as string } : {}),
          issuedAt: typeof payload.iat === 'number' ? payload.iat : 0,
        });
        remember(token, claims, payload.exp! * 1000);
        return claims;
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        if (error instanceof joseErrors.JOSEError) throw new InvalidTokenError(error.code);
        throw error;
      }
    },
    async signService(claims, expiresIn = '5m') {
      return new SignJWT({ org: claims.organizationId })
        .setProtectedHeader({ alg: JWT_ALGORITHM, typ: SERVICE_TYPE })
        .setSubject(`${claims.kind ?? 'workflow'}:${claims.runId}`)
        .setIssuer(JWT_ISSUER)
        .setAudience(SERVICE_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey);
    },
    async verifyService(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          algorithms: [JWT_ALGORITHM],
          issuer: JWT_ISSUER,
          audience: SERVICE_AUDIENCE,
          typ: SERVICE_TYPE,
          requiredClaims: ['sub', 'exp'],
        });
        const [, kind, runId] = /^(workflow|integration):([0-9a-f-]{36})$/.exec(payload.sub ?? '') ?? [];
        if (typeof payload.org !== 'string' || !kind || !runId) throw new InvalidTokenError('service token lacks organization or run');
        return { organizationId: payload.org, runId, kind: kind as ServicePrincipalKind };
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        if (error instanceof joseErrors.JOSEError) throw new InvalidTokenError(error.code);
        throw error;
      }
    },
    async signDelivery(claims) {
      return new SignJWT({ org: claims.organizationId })
        .setProtectedHeader({ alg: JWT_ALGORITHM, typ: DELIVERY_TYPE })
        .setSubject(`event:${claims.eventId}`)
        .setIssuer(JWT_ISSUER)
        .setAudience(SERVICE_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(privateKey);
    },
    async verifyDelivery(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          algorithms: [JWT_ALGORITHM],
          issuer: JWT_ISSUER,
          audience: SERVICE_AUDIENCE,
          typ: DELIVERY_TYPE,
          requiredClaims: ['sub', 'exp'],
        });
        const eventId = payload.sub?.startsWith('event:') ? payload.sub.slice('event:'.length) : '';
        if (typeof payload.org !== 'string' || !/^[0-9a-f-]{36}$/.test(eventId)) throw new InvalidTokenError('delivery token lacks organization or event');
        return { organizationId: payload.org, eventId };
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        if (error instanceof joseErrors.JOSEError) throw new InvalidTokenError(error.code);
        throw error;
      }
    },
    async signCheckpoint(claims) {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: JWT_ALGORITHM, typ: CHECKPOINT_TYPE }).setIssuer(JWT_ISSUER).setAudience(CHECKPOINT_AUDIENCE);
      return (typeof claims.iat === 'number' ? jwt.setIssuedAt(claims.iat) : jwt.setIssuedAt()).sign(privateKey);
    },
    async verifyCheckpoint(jws) {
      try {
        const { payload } = await jwtVerify(jws, publicKey, {
          algorithms: [JWT_ALGORITHM],
          issuer: JWT_ISSUER,
          audience: CHECKPOINT_AUDIENCE,
          typ: CHECKPOINT_TYPE,
          requiredClaims: ['iat'],
        });
        return payload as Record<string, unknown>;
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) throw new InvalidTokenError(error.code);
        throw error;
      }
    },
  };
}

/**
 * The platform's token service from the configuration: the PEM keys when given, otherwise a
 * key pair kept under the data folder (shared by the gateway, identity and timeline).
 */
export function tokensFromConfig(config: { jwtPrivateKey?: string; jwtPublicKey?: string; dataDir: string }): Promise<TokenService> {
  return createTokenService({ privateKeyPem: config.jwtPrivateKey, publicKeyPem: config.jwtPublicKey, keyDir: path.join(config.dataDir, 'keys') });
}
