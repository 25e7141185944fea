import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { priceLineItems } from '@ubos/kernel';

function fieldOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.field : error;
  }
  return undefined;
}

describe('line-item pricing', () => {
  it('rounds each line half-up to the minor unit, then sums the lines', () => {
    // 1.5 × 333 = 499.5 -> 500; 500 × 0.2 = 100. 0.5 × 1 = 0.5 -> 1; tax 1 × 0.15 = 0.15 -> 0.
    const priced = priceLineItems([
      { description: 'Design', quantity: 1.5, unitPriceMinor: 333, taxRate: 0.2 },
      { description: 'Stamp', quantity: 0.5, unitPriceMinor: 1, taxRate: 0.15 },
      { description: 'Hours', quantity: 3, unitPriceMinor: 1005, taxRate: 0.075 },
    ]);
    expect(priced.lineItems.map((line) => [line.subtotalMinor, line.taxMinor, line.totalMinor])).toEqual([
      [500, 100, 600],
      [1, 0, 1],
      // 3015 × 0.075 = 226.125 -> 226
      [3015, 226, 3241],
    ]);
    expect(priced).toMatchObject({ subtotalMinor: 3516, taxMinor: 326, totalMinor: 3842 });
  });

  it('rounds exact halves up where binary floats would round them down', () => {
    // 1.005 × 100 is 100.49999999999999 in floating point; as a decimal it is 100.5 -> 101.
    expect(priceLineItems([{ description: 'x', quantity: 1.005, unitPriceMinor: 100 }]).subtotalMinor).toBe(101);
    // 0.1 + 0.2 style: 2.675 × 100 = 267.49999999999997 in floats; 267.5 -> 268.
    expect(priceLineItems([{ description: 'x', quantity: 2.675, unitPriceMinor: 100 }]).subtotalMinor).toBe(268);
    // tax of 250 at 0.05 is exactly 12.5 -> 13
    expect(priceLineItems([{ description: 'x', quantity: 1, unitPriceMinor: 250, taxRate: 0.05 }]).taxMinor).toBe(13);
  });

  it('agrees with exact decimal arithmetic on random lines', () => {
    const decimals = (max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 3 })).map(([digits, scale]) => Number((digits / 10 ** scale).toFixed(scale)));
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: decimals(100_000).filter((value) => value > 0), unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }), taxRate: fc.integer({ min: 0, max: 1_000_000 }).map((millionths) => Number((millionths / 1_000_000).toFixed(6))) }), { minLength: 1, maxLength: 20 }),
        (lines) => {
          const priced = priceLineItems(lines.map((line) => ({ description: 'line', ...line })));
          let subtotal = 0;
          let tax = 0;
          // value = numerator / denominator exactly; the rounded r must satisfy
          // -1/2 < r - value <= 1/2, i.e. halves go up and nothing is off by more than a half.
          const isHalfUpOf = (rounded: number, numerator: bigint, denominator: bigint) => {
            const twiceError = 2n * (BigInt(rounded) * denominator - numerator);
            return twiceError > -denominator && twiceError <= denominator;
          };
          const asFraction = (value: number): [bigint, bigint] => {
            const [whole, fraction = ''] = String(value).split('.');
            return [BigInt(whole! + fraction), 10n ** BigInt(fraction.length)];
          };
          for (const [index, line] of lines.entries()) {
            const got = priced.lineItems[index]!;
            const [quantity, quantityScale] = asFraction(line.quantity);
            expect(isHalfUpOf(got.subtotalMinor, quantity * BigInt(line.unitPriceMinor), quantityScale)).toBe(true);
            const [rate, rateScale] = asFraction(line.taxRate);
            expect(isHalfUpOf(got.taxMinor, BigInt(got.subtotalMinor) * rate, rateScale)).toBe(true);
            expect(got.totalMinor).toBe(got.subtotalMinor + got.taxMinor);
            subtotal += got.subtotalMinor;
            tax += got.taxMinor;
          }
          expect(priced).toMatchObject({ subtotalMinor: subtotal, taxMinor: tax, totalMinor: subtotal + tax });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the input at fault', () => {
    const line = { description: 'ok', quantity: 1, unitPriceMinor: 100, taxRate: 0.2 };
    expect(fieldOf(() => priceLineItems([]))).toBe('input.lineItems');
    expect(fieldOf(() => priceLineItems([line, { ...line, quantity: 0 }]))).toBe('input.lineItems.1.quantity');
    expect(fieldOf(() => priceLineItems([{ ...line, quantity: -1 }]))).toBe('input.lineItems.0.quantity');
    expect(fieldOf(() => priceLineItems([{ ...line, quantity: 1.0000001 }]))).toBe('input.lineItems.0.quantity');
    expect(fieldOf(() => priceLineItems([{ ...line, unitPriceMinor: 1.5 }]))).toBe('input.lineItems.0.unitPriceMinor');
    expect(fieldOf(() => priceLineItems([{ ...line, unitPriceMinor: -1 }]))).toBe('input.lineItems.0.unitPriceMinor');
    expect(fieldOf(() => priceLineItems([{ ...line, taxRate: 1.5 }]))).toBe('input.lineItems.0.taxRate');
    expect(fieldOf(() => priceLineItems([{ ...line, taxRate: -0.1 }]))).toBe('input.lineItems.0.taxRate');
    expect(fieldOf(() => priceLineItems([{ ...line, description: '  ' }]))).toBe('input.lineItems.0.description');
    expect(fieldOf(() => priceLineItems([{ ...line, quantity: 1_000_000_000, unitPriceMinor: Number.MAX_SAFE_INTEGER }]))).toBe('input.lineItems.0.unitPriceMinor');
    expect(fieldOf(() => priceLineItems([line], 'input.items'))).toBeUndefined();
  });
});
