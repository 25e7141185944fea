/**
 * Amounts between UBOS and QuickBooks. UBOS keeps integer minor units (cents, yen, fils);
 * QuickBooks takes and answers decimals in the currency's major unit. The number of minor-unit
 * digits is the currency's (ISO 4217: JPY 0, USD 2, KWD 3), as the platform's Intl data has
 * it, never an assumed 2: 1,000 yen is 1000 in both systems, 1.500 dinars is 1500 fils.
 */
const digitsCache = new Map<string, number>();

/** The currency's minor-unit digits; 2 for a code Intl does not know (it refuses malformed codes). */
export function minorUnitDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(code, digits);
  }
  return digits;
}

/** Minor units to QuickBooks' decimal (12345 USD → 123.45; 12345 JPY → 12345; 12345 KWD → 12.345). */
export function toQuickBooksAmount(minor: number, currency: string): number {
  const digits = minorUnitDigits(currency);
  // Through the decimal string, so no binary fraction is introduced (0.1 + 0.2).
  return Number((Math.round(minor) / 10 ** digits).toFixed(digits));
}

/** QuickBooks' decimal to minor units, rounded half away from zero at the currency's last digit. */
export function fromQuickBooksAmount(amount: number | string, currency: string): number {
  const digits = minorUnitDigits(currency);
  const value = Number(amount);
  if (!Number.isFinite(value)) throw new Error(`not an amount: ${String(amount)}`);
  const scaled = Number((Math.abs(value) * 10 ** digits).toFixed(6));
  return Math.sign(value) * Math.round(scaled);
}
