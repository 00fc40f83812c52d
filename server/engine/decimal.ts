// All arithmetic on points goes through this Decimal clone: no binary floating-point drift, and
// configuring it here never touches a global Decimal that another library might share.
import DecimalJs from 'decimal.js';
import type { NumericPolicy } from './schemaTypes';

export const Decimal = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

/** A Decimal from a JSON number or decimal string. Numbers go through their shortest text form, so 0.1 is 0.1. */
export const D = (value: number | string | Decimal): Decimal => new Decimal(value);

const MODES: Record<NumericPolicy['rounding'], DecimalJs.Rounding> = {
  halfUp: DecimalJs.ROUND_HALF_UP,
  halfEven: DecimalJs.ROUND_HALF_EVEN,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
};

export const round = (value: Decimal, places: number, mode: NumericPolicy['rounding']): Decimal =>
  value.toDecimalPlaces(places, MODES[mode]);

/** The exact value as plain decimal text without trailing zeros ("16.4", "0", "-0.25"). */
export const exact = (value: Decimal): string => (value.isZero() ? '0' : value.toFixed());

/** A rounded Decimal as a JSON number: exact, because its shortest text form is the decimal itself. */
export const toNumber = (value: Decimal): number => (value.isZero() ? 0 : Number(value.toFixed()));

export const min = (a: Decimal, b: Decimal): Decimal => (a.lessThan(b) ? a : b);
export const max = (a: Decimal, b: Decimal): Decimal => (a.greaterThan(b) ? a : b);
