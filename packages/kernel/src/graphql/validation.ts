import { badUserInput } from '../errors.js';

/**
 * Input checks shared by the services. Each names the input path at fault (e.g.
 * `input.name`), which is what the caller sees in `extensions.field`.
 */
export function requiredText(value: unknown, field: string, max = 200): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw badUserInput(`${field} must not be empty`, field);
  const trimmed = value.trim();
  if (trimmed.length > max) throw badUserInput(`${field} must be at most ${max} characters`, field);
  return trimmed;
}

export function optionalText(value: unknown, field: string, max = 2000): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string') throw badUserInput(`${field} must be text`, field);
  const trimmed = value.trim();
  if (trimmed.length > max) throw badUserInput(`${field} must be at most ${max} characters`, field);
  return trimmed === '' ? null : trimmed;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function optionalEmail(value: unknown, field: string): string | null | undefined {
  const text = optionalText(value, field, 320);
  if (text === undefined || text === null) return text;
  if (!EMAIL.test(text)) throw badUserInput(`${field} is not a valid email address`, field);
  return text.toLowerCase();
}

export function optionalUrl(value: unknown, field: string): string | null | undefined {
  const text = optionalText(value, field, 2000);
  if (text === undefined || text === null) return text;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw badUserInput(`${field} must be an http(s) URL`, field);
  }
  return text;
}

/** Dates arrive as YYYY-MM-DD strings from the Date scalar. */
export function checkDateOrder(start: string | null | undefined, end: string | null | undefined, field: string): void {
  if (start && end && end < start) throw badUserInput(`${field} must not be before the start date`, field);
}

export interface MoneyInput {
  amountMinor: number;
  currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

export function money(value: MoneyInput, field: string): MoneyInput {
  if (!Number.isSafeInteger(value.amountMinor) || value.amountMinor < 0) {
    throw badUserInput(`${field}.amountMinor must be a non-negative integer of minor units`, `${field}.amountMinor`);
  }
  if (!CURRENCY.test(value.currency)) throw badUserInput(`${field}.currency must be an ISO-4217 code such as USD`, `${field}.currency`);
  return value;
}

export function requiredInput<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined) throw badUserInput(`${field} must not be null`, field);
  return value;
}
