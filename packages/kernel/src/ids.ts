import { randomBytes } from 'node:crypto';
import { badUserInput } from './errors.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function formatUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A time-ordered UUID (RFC 9562 version 7). `entropy` makes it deterministic, which the
 * demo seed uses so that every start produces the same ids.
 */
export function uuidv7(at: number = Date.now(), entropy: Uint8Array = randomBytes(10)): string {
  const bytes = new Uint8Array(16);
  let millis = BigInt(at);
  for (let index = 5; index >= 0; index--) {
    bytes[index] = Number(millis & 0xffn);
    millis >>= 8n;
  }
  bytes.set(entropy.subarray(0, 10), 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  return formatUuid(bytes);
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** Validates an id argument; `field` names the argument in the error, e.g. `input.clientId`. */
export function parseId(value: unknown, field: string): string {
  if (!isUuid(value)) throw badUserInput(`${field} is not a valid id`, field);
  return value.toLowerCase();
}
