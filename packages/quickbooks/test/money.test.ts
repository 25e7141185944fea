import { describe, expect, it } from 'vitest';
import { fromQuickBooksAmount, minorUnitDigits, toQuickBooksAmount } from '../src/money.js';

describe('amounts between UBOS minor units and QuickBooks decimals', () => {
  it('use the currency’s minor-unit digits, not an assumed 2', () => {
    expect([minorUnitDigits('JPY'), minorUnitDigits('USD'), minorUnitDigits('KWD'), minorUnitDigits('eur')]).toEqual([0, 2, 3, 2]);
    expect(toQuickBooksAmount(12_345, 'JPY')).toBe(12345);
    expect(toQuickBooksAmount(12_345, 'USD')).toBe(123.45);
    expect(toQuickBooksAmount(12_345, 'KWD')).toBe(12.345);
    expect(fromQuickBooksAmount(12345, 'JPY')).toBe(12_345);
    expect(fromQuickBooksAmount('123.45', 'USD')).toBe(12_345);
    expect(fromQuickBooksAmount(12.345, 'KWD')).toBe(12_345);
  });

  it('round-trip every amount exactly, with no binary fraction creeping in', () => {
    for (const currency of ['JPY', 'USD', 'KWD']) {
      for (const minor of [0, 1, 7, 10, 99, 101, 1005, 29_999, 1_000_001, 123_456_789]) {
        expect(fromQuickBooksAmount(toQuickBooksAmount(minor, currency), currency)).toBe(minor);
      }
    }
    expect(fromQuickBooksAmount(0.1 + 0.2, 'USD')).toBe(30);
    expect(fromQuickBooksAmount(-4.5, 'USD')).toBe(-450);
  });

  it('round a finer QuickBooks amount half away from zero at the currency’s last digit, and refuse a non-number', () => {
    expect(fromQuickBooksAmount(100.5, 'JPY')).toBe(101);
    expect(fromQuickBooksAmount(1.0005, 'KWD')).toBe(1001);
    expect(() => fromQuickBooksAmount('abc', 'USD')).toThrow();
  });
});
