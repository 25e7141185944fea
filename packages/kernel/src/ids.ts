import { randomBytes } from 'node:crypto';
import { badUserInput } from './errors.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function formatUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// The last millisecond and sequence handed out by this process (RFC 9562, method 1: a counter
// in rand_a), so that ids made one after the other sort in that order even within a millisecond.
let lastMillis = -1;
let sequence = 0;

/**
 * A time-ordered UUID (RFC 9562 version 7). Without arguments, ids of this process are strictly
 * increasing: a 12-bit counter follows the millisecond. `at` and `entropy` make it
 * deterministic, which the demo seed uses so that every start produces the same ids.
 */
export function uuidv7(at?: number, entropy?: Uint8Array): string {
  const bytes = new Uint8Array(16);
  let millis: number;
  if (at === undefined && entropy === undefined) {
    const now = Date.now();
    if (now > lastMillis) {
      lastMillis = now;
      // A random start leaves room to count up while keeping ids of one millisecond unguessable.
      sequence = randomBytes(2).readUInt16BE(0) & 0x3ff;
    } else if (++sequence > 0xfff) {
      lastMillis++;
      sequence = 0;
    }
    millis = lastMillis;
    bytes.set(randomBytes(10), 6);
    bytes[6] = (sequence >> 8) & 0x0f;
    bytes[7] = sequence & 0xff;
  } else {
    millis = at ?? Date.now();
    bytes.set((entropy ?? randomBytes(10)).subarray(0, 10), 6);
  }
  let remaining = BigInt(millis);
  for (let index = 5; index >= 0; index--) {
    bytes[index] = Number(remaining & 0xffn);
    remaining >>= 8n;
  }
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
