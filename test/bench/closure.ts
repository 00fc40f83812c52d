// The limit: the generated rule set's arithmetic written by hand as one closure over plain numbers,
// with no engine, no trace, no exact decimals. Only the six methods the generator uses.
import type { Node, RuleSetVersion, Scoring } from '../../server/engine';

type Facts = Record<string, unknown>;
type Points = (f: Facts) => number;

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function criterion(s: Scoring, max: number): Points {
  switch (s.method) {
    case 'yesNo': {
      const [a, n] = (s.when as { all: { fact: string }[] }).all.map((c) => c.fact);
      return (f) => (f[a] === true && num(f[n]) >= 50 ? max : 0);
    }
    case 'cases': {
      const fact = (s.cases[0].when as { fact: string }).fact;
      return (f) => (num(f[fact]) >= 80 ? max : num(f[fact]) >= 40 ? max * 0.5 : 0);
    }
    case 'parts': {
      const a = (s.parts[0].when as { fact: string }).fact;
      const [n, b] = (s.parts[1].when as { any: { fact: string }[] }).any.map((c) => c.fact);
      return (f) => Math.min((f[a] === true ? max * 0.5 : 0) + (num(f[n]) > 70 || num(f[b]) > 70 ? max * 0.5 : 0), max);
    }
    case 'tiers': {
      const fact = (s.value as { fact: string }).fact;
      return (f) => {
        const v = num(f[fact]);
        return v >= 90 ? max : v >= 70 ? max * 0.8 : v >= 50 ? max * 0.5 : 0;
      };
    }
    case 'proportional': {
      const { numerator, denominator } = s as { numerator: string; denominator: string };
      return (f) => (num(f[denominator]) === 0 ? 0 : Math.min(num(f[numerator]) / num(f[denominator]), 1) * max);
    }
    case 'countCap': {
      const { fact, unit } = s;
      return (f) => Math.min(Math.max(num(f[fact]) * unit, 0), max);
    }
    default:
      throw new Error(`the closure has no ${s.method}`);
  }
}

/** total and band of one submission. */
export function handWritten(version: RuleSetVersion): (facts: Facts) => { total: number; band: string } {
  const indices = version.criteria.map((index: Node) => index.children!.map((c) => criterion(c.scoring!, c.max ?? 0)));
  const levels = [...version.bands.levels].sort((a, b) => b.min - a.min);
  const max = version.cohorts[0].maxScore;
  return (facts) => {
    let total = 0;
    for (const children of indices) {
      let sum = 0;
      for (const points of children) sum += points(facts);
      total += sum;
    }
    const percentage = (total / max) * 100;
    let band = '';
    for (const l of levels)
      if (percentage >= l.min) {
        band = l.id;
        break;
      }
    return { total: Math.round(total * 100) / 100, band };
  };
}
