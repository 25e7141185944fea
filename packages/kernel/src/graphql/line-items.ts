import { badUserInput } from '../errors.js';

/** A line as the graph receives it (`LineItemInput`). */
export interface LineItemInput {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  taxRate?: number | null;
}

/** A priced line, as stored (in the parent's `line_items` JSONB) and served. */
export interface PricedLineItem {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  taxRate: number;
  /** quantity × unit price, rounded half-up to the minor unit. */
  subtotalMinor: number;
  /** subtotal × tax rate, rounded half-up to the minor unit: tax is computed per line. */
  taxMinor: number;
  totalMinor: number;
}

export interface PricedLines {
  lineItems: PricedLineItem[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export const MAX_LINE_ITEMS = 200;
const MAX_DECIMALS = 6;
const MAX_QUANTITY = 1_000_000_000;
const CURRENCY = /^[A-Z]{3}$/;

/** An ISO-4217 code such as USD: three capital letters. */
export function parseCurrency(value: unknown, field: string): string {
  if (typeof value !== 'string' || !CURRENCY.test(value)) throw badUserInput(`${field} must be an ISO-4217 code such as USD`, field);
  return value;
}

/**
 * A decimal as an exact scaled integer: 1.25 becomes 125n with scale 2. Floats such as 1.005
 * are not exact in binary, so the digits of their shortest decimal form are used instead;
 * multiplying floats would round some halves the wrong way.
 */
function toScaled(value: number): { digits: bigint; scale: number } | null {
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null; // negative, exponent form, NaN or Infinity
  const fraction = match[2] ?? '';
  if (fraction.length > MAX_DECIMALS) return null;
  return { digits: BigInt(match[1] + fraction), scale: fraction.length };
}

/** numerator / 10^scale, rounded half-up (all values here are non-negative). */
function roundHalfUp(numerator: bigint, scale: number): bigint {
  const divisor = 10n ** BigInt(scale);
  return (numerator * 2n + divisor) / (divisor * 2n);
}

function toSafeNumber(value: bigint, field: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw badUserInput(`${field} is too large`, field);
  return Number(value);
}

/**
 * Validates and prices line items (ARCHITECTURE section 4): amounts are integer minor units,
 * a tax rate is a fraction (0.2 = 20%), and tax is computed per line, rounded half-up.
 * Errors name the input at fault, e.g. `input.lineItems.2.quantity`.
 */
export function priceLineItems(items: readonly LineItemInput[] | null | undefined, field = 'input.lineItems', options: { allowEmpty?: boolean } = {}): PricedLines {
  if (!Array.isArray(items)) throw badUserInput(`${field} must be a list of line items`, field);
  if (items.length === 0 && !options.allowEmpty) throw badUserInput(`${field} needs at least one line item`, field);
  if (items.length > MAX_LINE_ITEMS) throw badUserInput(`${field} may have at most ${MAX_LINE_ITEMS} line items`, field);
  let subtotal = 0n;
  let tax = 0n;
  const lineItems = items.map((item, index): PricedLineItem => {
    const at = `${field}.${index}`;
    const description = typeof item.description === 'string' ? item.description.trim() : '';
    if (!description) throw badUserInput(`${at}.description must not be empty`, `${at}.description`);
    if (description.length > 500) throw badUserInput(`${at}.description must be at most 500 characters`, `${at}.description`);
    const quantity = toScaled(item.quantity);
    if (!quantity || quantity.digits === 0n || item.quantity > MAX_QUANTITY) {
      throw badUserInput(`${at}.quantity must be a positive number up to ${MAX_QUANTITY} with at most ${MAX_DECIMALS} decimals`, `${at}.quantity`);
    }
    if (!Number.isSafeInteger(item.unitPriceMinor) || item.unitPriceMinor < 0) {
      throw badUserInput(`${at}.unitPriceMinor must be a non-negative integer of minor units`, `${at}.unitPriceMinor`);
    }
    const taxRateValue = item.taxRate ?? 0;
    const rate = toScaled(taxRateValue);
    if (!rate || taxRateValue > 1) throw badUserInput(`${at}.taxRate must be a fraction from 0 to 1 (0.2 is 20%) with at most ${MAX_DECIMALS} decimals`, `${at}.taxRate`);
    const lineSubtotal = roundHalfUp(quantity.digits * BigInt(item.unitPriceMinor), quantity.scale);
    const lineTax = roundHalfUp(lineSubtotal * rate.digits, rate.scale);
    subtotal += lineSubtotal;
    tax += lineTax;
    return {
      description,
      quantity: item.quantity,
      unitPriceMinor: item.unitPriceMinor,
      taxRate: taxRateValue,
      subtotalMinor: toSafeNumber(lineSubtotal, `${at}.unitPriceMinor`),
      taxMinor: toSafeNumber(lineTax, `${at}.unitPriceMinor`),
      totalMinor: toSafeNumber(lineSubtotal + lineTax, `${at}.unitPriceMinor`),
    };
  });
  return {
    lineItems,
    subtotalMinor: toSafeNumber(subtotal, field),
    taxMinor: toSafeNumber(tax, field),
    totalMinor: toSafeNumber(subtotal + tax, field),
  };
}

/**
 * Whether freshly priced lines equal stored ones, field by field: stored lines come back from
 * JSONB with their keys reordered, so comparing serialisations would see a change in every
 * update.
 */
export function samePricedLines(a: readonly PricedLineItem[], b: unknown): boolean {
  if (!Array.isArray(b) || a.length !== b.length) return false;
  const fields = ['description', 'quantity', 'unitPriceMinor', 'taxRate', 'subtotalMinor', 'taxMinor', 'totalMinor'] as const;
  return a.every((line, index) => fields.every((field) => line[field] === (b[index] as Partial<PricedLineItem> | undefined)?.[field]));
}

