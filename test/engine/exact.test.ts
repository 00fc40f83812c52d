// The engine's exact arithmetic must give decimal.js's digits (50 significant digits, half-up), the
// arithmetic every stored evaluation was computed with: same text for every sum, product, quotient
// and rounding, on the fast form and the wide form alike.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import DecimalJs from 'decimal.js';
import { Exact, type RoundingMode } from '../../server/engine/exact';

const Reference = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
const MODES: Record<RoundingMode, DecimalJs.Rounding> = {
  halfUp: DecimalJs.ROUND_HALF_UP,
  halfEven: DecimalJs.ROUND_HALF_EVEN,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
};

const text = (d: InstanceType<typeof Reference>): string => (d.isZero() ? '0' : d.toFixed());

/** Operands as the engine meets them: points and counts with a few decimals, ratios, long stored texts. */
const decimalNumber = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([m, places]) => Number((m / 10 ** places).toFixed(places)));
const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((v) => v === 0 || Math.abs(v) > 1e-30); // subnormals never reach the engine
const longText = fc
  .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,30}$/), fc.stringMatching(/^[0-9]{0,40}$/))
  .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`);
const nearSafe = fc.integer({ min: 2 ** 52, max: Number.MAX_SAFE_INTEGER }).map((n) => n - (n % 10));
const operand = fc.oneof(
  { arbitrary: decimalNumber, weight: 4 },
  { arbitrary: anyDouble, weight: 2 },
  { arbitrary: longText, weight: 2 },
  { arbitrary: nearSafe, weight: 1 },
  { arbitrary: fc.constantFrom(0, 1, -1, 3, 7, 0.1, 0.2, 1e-7, 100, 1000), weight: 1 },
);

/** Operands that went through an operation first, so wide forms meet each other. */
const derived = fc.tuple(operand, operand, fc.constantFrom('plus', 'times', 'div')).map(([a, b, op]) => {
  const x = Exact.of(a);
  const y = Exact.of(b);
  if (op === 'div' && y.isZero()) return x;
  return op === 'plus' ? x.plus(y) : op === 'times' ? x.times(y) : x.div(y);
});

const both = (v: number | string | Exact) => {
  const e = Exact.of(v);
  return { e, d: new Reference(e.toString()) };
};

describe('exact decimals (the digits of decimal.js at 50 significant digits)', () => {
  it('reads numbers as their shortest decimal text and writes it back', () => {
    fc.assert(
      fc.property(fc.oneof(decimalNumber, anyDouble), (v) => {
        expect(Exact.of(v).toString()).toBe(text(new Reference(v)));
        expect(Exact.of(v).toNumber()).toBe(new Reference(v).toNumber() || 0);
      }),
      { numRuns: 5000 },
    );
  });

  it('adds, subtracts, multiplies and divides to the same digits', () => {
    fc.assert(
      fc.property(fc.oneof(operand, derived), fc.oneof(operand, derived), (a, b) => {
        const x = both(a);
        const y = both(b);
        expect(x.e.plus(y.e).toString()).toBe(text(x.d.plus(y.d)));
        expect(x.e.minus(y.e).toString()).toBe(text(x.d.minus(y.d)));
        expect(x.e.times(y.e).toString()).toBe(text(x.d.times(y.d)));
        if (!y.e.isZero()) expect(x.e.div(y.e).toString()).toBe(text(x.d.div(y.d)));
        expect(x.e.cmp(y.e)).toBe(x.d.comparedTo(y.d));
      }),
      { numRuns: 20_000 },
    );
  });

  it('rounds to places in every mode as toDecimalPlaces does', () => {
    fc.assert(
      fc.property(
        fc.oneof(operand, derived),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom<RoundingMode>('halfUp', 'halfEven', 'down', 'up'),
        (a, places, mode) => {
          const x = both(a);
          expect(x.e.round(places, mode).toString()).toBe(text(x.d.toDecimalPlaces(places, MODES[mode])));
          // decimal.js writes "-0.00" for a small negative rounded away; a published table never should.
          expect(x.e.toFixed(places)).toBe(x.d.toFixed(places).replace(/^-(?=0(\.0*)?$)/, ''));
          expect(x.e.decimalPlaces()).toBe(x.d.decimalPlaces());
          expect(x.e.toNumber()).toBe(x.d.toNumber() || 0);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('keeps sums of tenths exact where binary floating point drifts', () => {
    let sum = Exact.ZERO;
    for (let i = 0; i < 10; i++) sum = sum.plus(Exact.of(0.1));
    expect(sum.toString()).toBe('1');
    expect(Exact.of(0.1).plus(Exact.of(0.2)).toNumber()).toBe(0.3);
    expect(Exact.of(1).div(Exact.of(3)).toString()).toBe(`0.${'3'.repeat(50)}`);
    expect(Exact.of(2).div(Exact.of(3)).toString()).toBe(`0.${'6'.repeat(49)}7`);
  });

  it('refuses what is not a number', () => {
    expect(() => Exact.of(Number.NaN)).toThrow(RangeError);
    expect(() => Exact.of('12,5')).toThrow(SyntaxError);
    expect(() => Exact.of(1).div(Exact.ZERO)).toThrow(RangeError);
  });
});
