// Exact decimal arithmetic with the digits of decimal.js (50 significant digits, half-up), at a
// fraction of its cost. Points must never drift (0.1 × 3 is 0.3), and a result stored by an earlier
// engine must replay to the same digits, so every operation returns what decimal.js would:
//
// - the fast form is a safe integer mantissa and a scale (value = m ÷ 10^s). Sums, products and
//   terminating quotients that fit it are exact, and decimal.js returns the same exact value for
//   them because they have at most 16 digits, far below its 50;
// - anything else takes the wide form, a BigInt mantissa rounded after each operation to 50
//   significant digits, half away from zero: the correctly rounded result that decimal.js computes.
//
// test/engine/exact.test.ts checks both forms against decimal.js on generated operands.

/** Significant digits kept by an inexact operation, as the engine's decimal.js configuration did. */
const PRECISION = 50;

export type RoundingMode = 'halfUp' | 'halfEven' | 'down' | 'up';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
/** Scales up to 22 keep 10^s an exact double, so a fast value converts to a number in one division. */
const MAX_FAST_SCALE = 22;
const P10: number[] = Array.from({ length: MAX_FAST_SCALE + 1 }, (_, i) => 10 ** i);
/** 10^-k as doubles, for approximations. */
const TENTHS: number[] = Array.from({ length: 120 }, (_, i) => 10 ** -i);

const B10: bigint[] = [1n];
const pow10 = (k: number): bigint => {
  while (B10.length <= k) B10.push(B10[B10.length - 1] * 10n);
  return B10[k];
};
const LIMIT = pow10(PRECISION);

const isSafe = Number.isSafeInteger;

/** Decimal digits of a positive BigInt. */
function digits(x: bigint): number {
  const approx = Number(x);
  if (!Number.isFinite(approx)) return x.toString().length;
  let d = Math.floor(Math.log10(approx)) + 1;
  if (d < 1) d = 1;
  if (x >= pow10(d)) d++;
  else if (d > 1 && x < pow10(d - 1)) d--;
  return d;
}

const absBig = (x: bigint): bigint => (x < 0n ? -x : x);

export class Exact {
  /** Fast form: the mantissa (b is null). */
  readonly m: number;
  /** Scale: the value is mantissa ÷ 10^s (s may be negative in the wide form only). */
  readonly s: number;
  /** Wide form: the mantissa as a BigInt. */
  readonly b: bigint | null;

  private constructor(m: number, s: number, b: bigint | null) {
    this.m = m;
    this.s = s;
    this.b = b;
  }

  static readonly ZERO = new Exact(0, 0, null);
  static readonly ONE = new Exact(1, 0, null);
  static readonly HUNDRED = new Exact(100, 0, null);

  /** A JSON number or decimal text; numbers are read as their shortest decimal form (0.1 is 0.1). */
  static of(value: number | string | Exact): Exact {
    if (value instanceof Exact) return value;
    if (typeof value === 'number') return fromNumber(value);
    return fromText(value);
  }

  /** From a wide mantissa: back to the fast form whenever it fits. */
  static wide(b: bigint, s: number): Exact {
    if (b === 0n) return Exact.ZERO;
    if (s >= 0 && s <= MAX_FAST_SCALE && b <= MAX_SAFE_BIG && b >= -MAX_SAFE_BIG) return new Exact(Number(b), s, null);
    return new Exact(0, s, b);
  }

  static fast(m: number, s: number): Exact {
    return m === 0 ? Exact.ZERO : new Exact(m, s, null);
  }

  private big(): bigint {
    return this.b ?? BigInt(this.m);
  }

  /** The value as a double within a relative error of about 1e-15: for ordering, never for output. */
  approx(): number {
    const m = this.b === null ? this.m : Number(this.b);
    return this.s >= 0 && this.s < TENTHS.length ? m * TENTHS[this.s] : m / 10 ** this.s;
  }

  isZero(): boolean {
    return this.b === null && this.m === 0;
  }

  isNegative(): boolean {
    return this.b === null ? this.m < 0 : this.b < 0n;
  }

  /** Strictly greater than zero. */
  isPositive(): boolean {
    return this.b === null ? this.m > 0 : this.b > 0n;
  }

  negated(): Exact {
    return this.b === null ? Exact.fast(-this.m, this.s) : new Exact(0, this.s, -this.b);
  }

  abs(): Exact {
    return this.isNegative() ? this.negated() : this;
  }

  plus(y: Exact): Exact {
    if (this.b === null && y.b === null) {
      if (this.m === 0) return y;
      if (y.m === 0) return this;
      if (this.s === y.s) {
        const m = this.m + y.m;
        if (isSafe(m)) return Exact.fast(m, this.s);
      } else if (this.s > y.s) {
        const ym = y.m * P10[this.s - y.s];
        const m = this.m + ym;
        if (isSafe(ym) && isSafe(m)) return Exact.fast(m, this.s);
      } else {
        const xm = this.m * P10[y.s - this.s];
        const m = xm + y.m;
        if (isSafe(xm) && isSafe(m)) return Exact.fast(m, y.s);
      }
    }
    // Adding zero to a value within 50 digits changes nothing (decimal.js would round it to itself).
    if (y.b === null && y.m === 0 && this.within50()) return this;
    if (this.b === null && this.m === 0 && y.within50()) return y;
    // Only the operand with fewer decimals is scaled up.
    if (this.s === y.s) return round50(this.big() + y.big(), this.s);
    if (this.s > y.s) return round50(this.big() + y.big() * pow10(this.s - y.s), this.s);
    return round50(this.big() * pow10(y.s - this.s) + y.big(), y.s);
  }

  minus(y: Exact): Exact {
    return this.plus(y.negated());
  }

  times(y: Exact): Exact {
    if (this.b === null && y.b === null) {
      const m = this.m * y.m;
      const s = this.s + y.s;
      if (isSafe(m) && s <= MAX_FAST_SCALE) return Exact.fast(m, s);
    }
    if (y.b === null && y.m === 1 && y.s === 0 && this.within50()) return this;
    if (this.b === null && this.m === 1 && this.s === 0 && y.within50()) return y;
    return round50(this.big() * y.big(), this.s + y.s);
  }

  /** At most 50 significant digits: what every result of an operation has (only read text can have more). */
  private within50(): boolean {
    return this.b === null || (this.b < LIMIT && this.b > -LIMIT);
  }

  /** Quotient rounded to 50 significant digits; a terminating quotient that fits stays exact and fast. */
  div(y: Exact): Exact {
    if (y.isZero()) throw new RangeError('division by zero');
    if (this.b === null && y.b === null) {
      const q = fastQuotient(this.m, y.m, this.s - y.s);
      if (q) return q;
      return wideQuotient(BigInt(this.m), this.s, BigInt(y.m), y.s, digitsOf(Math.abs(this.m)), digitsOf(Math.abs(y.m)));
    }
    return wideQuotient(this.big(), this.s, y.big(), y.s);
  }

  /** -1, 0 or 1. */
  cmp(y: Exact): number {
    if (this.b === null && y.b === null) {
      if (this.s === y.s) return this.m < y.m ? -1 : this.m > y.m ? 1 : 0;
      const s = Math.max(this.s, y.s);
      const a = this.m * P10[s - this.s];
      const c = y.m * P10[s - y.s];
      if (isSafe(a) && isSafe(c)) return a < c ? -1 : a > c ? 1 : 0;
    }
    if (this.s === y.s && this.b !== null && this.b === y.b) return 0;
    // Against 0 or ±1 (points against a floor, a ratio against its cap), one exact comparison.
    if (y.b === null && y.s === 0 && this.b !== null && this.s >= 0 && (y.m === 0 || y.m === 1 || y.m === -1)) {
      const z = y.m === 0 ? 0n : y.m === 1 ? pow10(this.s) : -pow10(this.s);
      return this.b < z ? -1 : this.b > z ? 1 : 0;
    }
    // Values far apart compare as doubles (relative error below 1e-15); close ones exactly.
    const x = this.approx();
    const z = y.approx();
    if (Math.abs(x - z) > 1e-9 * Math.max(Math.abs(x), Math.abs(z))) return x < z ? -1 : 1;
    const s = Math.max(this.s, y.s);
    const a = this.big() * pow10(s - this.s);
    const c = y.big() * pow10(s - y.s);
    return a < c ? -1 : a > c ? 1 : 0;
  }

  eq(y: Exact): boolean {
    return this.cmp(y) === 0;
  }
  lt(y: Exact): boolean {
    return this.cmp(y) < 0;
  }
  lte(y: Exact): boolean {
    return this.cmp(y) <= 0;
  }
  gt(y: Exact): boolean {
    return this.cmp(y) > 0;
  }
  gte(y: Exact): boolean {
    return this.cmp(y) >= 0;
  }

  /** Rounded to `places` decimal places (decimal.js's toDecimalPlaces). */
  round(places: number, mode: RoundingMode = 'halfUp'): Exact {
    if (this.s <= places) return this;
    const drop = this.s - places;
    if (this.b === null && drop <= MAX_FAST_SCALE) {
      const p = P10[drop];
      const r = this.m % p;
      let q = (this.m - r) / p;
      if (r !== 0 && roundsAway(mode, Math.abs(r) * 2 - p, q % 2 !== 0)) q += this.m < 0 ? -1 : 1;
      return Exact.fast(q, places);
    }
    const p = pow10(drop);
    const x = this.big();
    const r = x % p;
    let q = x / p;
    if (r !== 0n) {
      const twice = absBig(r) * 2n;
      if (roundsAway(mode, twice === p ? 0 : twice > p ? 1 : -1, q % 2n !== 0n)) q += x < 0n ? -1n : 1n;
    }
    return Exact.wide(q, places);
  }

  /** Decimal places of the value written without trailing zeros. */
  decimalPlaces(): number {
    if (this.s <= 0) return 0;
    const text = this.toString();
    const point = text.indexOf('.');
    return point < 0 ? 0 : text.length - point - 1;
  }

  /** Plain decimal text without trailing zeros: "16.4", "0", "-0.25" (decimal.js's toFixed()). */
  toString(): string {
    if (this.isZero()) return '0';
    const negative = this.isNegative();
    const body = this.b === null ? Math.abs(this.m).toString() : absBig(this.b).toString();
    let text: string;
    if (this.s <= 0) text = body + '0'.repeat(-this.s);
    else {
      const padded = body.length <= this.s ? '0'.repeat(this.s - body.length + 1) + body : body;
      const int = padded.slice(0, padded.length - this.s);
      const frac = padded.slice(padded.length - this.s).replace(/0+$/, '');
      text = frac ? `${int}.${frac}` : int;
    }
    return negative ? `-${text}` : text;
  }

  /** Text with exactly `places` decimals, rounded half-up ("82.50"). */
  toFixed(places: number): string {
    const text = this.round(places).toString();
    if (places === 0) return text;
    const point = text.indexOf('.');
    const have = point < 0 ? 0 : text.length - point - 1;
    return (point < 0 ? `${text}.` : text) + '0'.repeat(places - have);
  }

  /** The nearest double, as JSON.parse would read the exact text. */
  toNumber(): number {
    if (this.isZero()) return 0;
    if (this.b === null) return this.s === 0 ? this.m : this.m / P10[this.s];
    return Number(this.toString());
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Whether a rounding drops toward the next digit away from zero. `half` compares the rest with ½. */
function roundsAway(mode: RoundingMode, half: number, odd: boolean): boolean {
  switch (mode) {
    case 'down':
      return false;
    case 'up':
      return true;
    case 'halfUp':
      return half >= 0;
    case 'halfEven':
      return half > 0 || (half === 0 && odd);
  }
}

function round50(x: bigint, s: number): Exact {
  if (x < LIMIT && x > -LIMIT) return Exact.wide(x, s);
  const a = absBig(x);
  const drop = digits(a) - PRECISION;
  const p = pow10(drop);
  let q = a / p;
  if ((a % p) * 2n >= p) q += 1n;
  return Exact.wide(x < 0n ? -q : q, s - drop);
}

/** Whether n ÷ d terminates: d without the factors it shares with n has no prime factor but 2 and 5. */
function terminates(n: number, d: number): boolean {
  let a = d;
  let b = n < 0 ? -n : n;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  let rest = d / a;
  while (rest % 2 === 0) rest /= 2;
  while (rest % 5 === 0) rest /= 5;
  return rest === 1;
}

/** n ÷ d × 10^-s when the quotient terminates within a safe mantissa; null otherwise. */
function fastQuotient(n: number, d: number, s: number): Exact | null {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  let r = n % d;
  let q = (n - r) / d;
  if (r !== 0 && !terminates(r, d)) return null;
  let scale = s;
  while (r !== 0) {
    const r10 = r * 10;
    const next = q * 10;
    if (!isSafe(r10) || !isSafe(next) || scale >= MAX_FAST_SCALE) return null;
    const rem = r10 % d;
    q = next + (r10 - rem) / d;
    if (!isSafe(q)) return null;
    r = rem;
    scale++;
  }
  if (scale < 0) {
    // A divisor with more decimals than the dividend: the quotient is an integer (|scale| ≤ 22).
    const m = q * P10[-scale];
    return isSafe(m) ? Exact.fast(m, 0) : Exact.wide(BigInt(q) * pow10(-scale), 0);
  }
  return Exact.fast(q, scale);
}

/** Decimal digits of a positive safe integer. */
function digitsOf(n: number): number {
  let d = 1;
  while (d < 16 && n >= P10[d]) d++;
  return d;
}

/** (A ÷ 10^sa) ÷ (B ÷ 10^sb), correctly rounded to 50 significant digits, half away from zero. */
function wideQuotient(A: bigint, sa: number, B: bigint, sb: number, digitsA?: number, digitsB?: number): Exact {
  if (A === 0n) return Exact.ZERO;
  const negative = A < 0n !== B < 0n;
  let a = absBig(A);
  let b = absBig(B);
  // Scale so that the integer quotient has 51 or 52 digits: enough to round to 50.
  const k = PRECISION + 1 - (digitsA ?? digits(a)) + (digitsB ?? digits(b));
  if (k >= 0) a *= pow10(k);
  else b *= pow10(-k);
  const q = a / b;
  const rest = a - q * b;
  const drop = q >= pow10(PRECISION + 1) ? 2 : 1;
  const p = pow10(drop);
  let rounded = q / p;
  // The dropped part is (q mod p + rest ÷ b) ÷ p; round up when it is at least one half.
  if (2n * ((q % p) * b + rest) >= p * b) rounded += 1n;
  return Exact.wide(negative ? -rounded : rounded, sa - sb + k - drop);
}

function fromNumber(v: number): Exact {
  if (!Number.isFinite(v)) throw new RangeError(`${v} is not a finite number`);
  if (isSafe(v)) return Exact.fast(v, 0);
  // The fewest decimals that read back as v: unique below 15 significant digits.
  for (let k = 1; k <= 15; k++) {
    const r = Math.round(v * P10[k]);
    if (Math.abs(r) >= 1e15) break;
    if (r / P10[k] === v) return Exact.fast(r, k);
  }
  return fromText(String(v));
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function fromText(text: string): Exact {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new SyntaxError(`"${text}" is not a decimal number`);
  const [, sign, int, frac = '', exp = '0'] = match;
  // Up to 15 digits a double holds the integer exactly.
  if (exp === '0' && int.length + frac.length <= 15 && frac.length <= MAX_FAST_SCALE) {
    const m = Number(int + frac);
    return Exact.fast(sign === '-' ? -m : m, frac.length);
  }
  const mantissa = BigInt((int + frac).replace(/^0+(?=\d)/, '') || '0');
  return Exact.wide(sign === '-' ? -mantissa : mantissa, frac.length - Number(exp));
}

export const min = (a: Exact, b: Exact): Exact => (a.lt(b) ? a : b);
export const max = (a: Exact, b: Exact): Exact => (a.gt(b) ? a : b);
