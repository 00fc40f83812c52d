// A criterion's scoring when its method stayed the same: each method's own settings in its own
// words, anything else in general words. The criteria section adds the criterion's name.
import { tiersText } from '../conditionText';
import { D } from '../decimal';
import { bi, type Bilingual } from '../naming';
import type { Case, Scoring } from '../schemaTypes';
import { num } from '../text';
import type { VersionChangeKind } from './change';
import { arrow, cond, same } from './support';

export interface ScoringChange {
  kind: VersionChangeKind;
  path: string;
  before: unknown;
  after: unknown;
  message: Bilingual;
}

const pct = (ratio: number, lang: 'vi' | 'en') => `${num(D(ratio).times(100), lang)}%`;

/** Changes inside a scoring method whose method stayed the same. */
export function scoringChanges(a: Scoring, b: Scoring, path: string): ScoringChange[] {
  const out: ScoringChange[] = [];
  const push = (kind: VersionChangeKind, at: string, before: unknown, after: unknown, message: Bilingual) =>
    out.push({ kind, path: at, before, after, message });
  if (a.method === 'yesNo' && b.method === 'yesNo') {
    if (!same(a.when, b.when))
      push(
        'conditionChanged',
        `${path}/when`,
        a.when,
        b.when,
        bi(`điều kiện ${arrow(cond(a.when, 'vi'), cond(b.when, 'vi'))}`, `condition ${arrow(cond(a.when, 'en'), cond(b.when, 'en'))}`),
      );
  } else if ((a.method === 'cases' && b.method === 'cases') || (a.method === 'parts' && b.method === 'parts')) {
    const key = a.method === 'cases' ? 'cases' : 'parts';
    const la = (a as { cases?: unknown; parts?: unknown })[key] as Case[];
    const lb = (b as { cases?: unknown; parts?: unknown })[key] as Case[];
    const word = key === 'cases' ? bi('trường hợp', 'case') : bi('phần', 'part');
    const worth = (c: Case, lang: 'vi' | 'en') =>
      c.points !== undefined ? `${num(c.points, lang)} ${lang === 'vi' ? 'điểm' : 'points'}` : `${num(c.fraction ?? 0, lang)} × max`;
    if (la.length !== lb.length) {
      const all = (l: typeof la, lang: 'vi' | 'en') => l.map((c) => `${cond(c.when, lang)}: ${worth(c, lang)}`).join('; ');
      push(
        'scoringChanged',
        `${path}/${key}`,
        la,
        lb,
        bi(`các ${word.vi}: ${arrow(all(la, 'vi'), all(lb, 'vi'))}`, `${word.en}s: ${arrow(all(la, 'en'), all(lb, 'en'))}`),
      );
    } else
      lb.forEach((c, k) => {
        const o = la[k];
        if (!same(o.when, c.when))
          push(
            'conditionChanged',
            `${path}/${key}/${k}/when`,
            o.when,
            c.when,
            bi(
              `${word.vi} ${k + 1}: điều kiện ${arrow(cond(o.when, 'vi'), cond(c.when, 'vi'))}`,
              `${word.en} ${k + 1}: condition ${arrow(cond(o.when, 'en'), cond(c.when, 'en'))}`,
            ),
          );
        if (o.points !== c.points || o.fraction !== c.fraction)
          push(
            'pointsChanged',
            `${path}/${key}/${k}`,
            o.points ?? o.fraction,
            c.points ?? c.fraction,
            bi(
              `${word.vi} ${k + 1}: ${arrow(worth(o, 'vi'), worth(c, 'vi'))}`,
              `${word.en} ${k + 1}: ${arrow(worth(o, 'en'), worth(c, 'en'))}`,
            ),
          );
      });
  } else if (a.method === 'tiers' && b.method === 'tiers') {
    if (
      !same(
        a.tiers.map(({ label: _l, ...t }) => t),
        b.tiers.map(({ label: _l, ...t }) => t),
      )
    )
      push(
        'thresholdsChanged',
        `${path}/tiers`,
        a.tiers,
        b.tiers,
        bi(
          `các bậc ${arrow(tiersText(a.tiers, 'vi'), tiersText(b.tiers, 'vi'))}`,
          `tiers ${arrow(tiersText(a.tiers, 'en'), tiersText(b.tiers, 'en'))}`,
        ),
      );
    if (!same(a.value, b.value))
      push('scoringChanged', `${path}/value`, a.value, b.value, bi('giá trị được đo thay đổi', 'the measured value changed'));
  }
  if ((a.method === 'proportional' || a.method === 'gatedProportional') && a.method === b.method) {
    const q = b as typeof a;
    const term = (x: string | number, lang: 'vi' | 'en') => (typeof x === 'number' ? num(x, lang) : x);
    if (a.numerator !== q.numerator || a.denominator !== q.denominator)
      push(
        'scoringChanged',
        path,
        { numerator: a.numerator, denominator: a.denominator },
        { numerator: q.numerator, denominator: q.denominator },
        bi(
          `tỷ lệ ${arrow(`${a.numerator} ÷ ${term(a.denominator, 'vi')}`, `${q.numerator} ÷ ${term(q.denominator, 'vi')}`)}`,
          `ratio ${arrow(`${a.numerator} ÷ ${term(a.denominator, 'en')}`, `${q.numerator} ÷ ${term(q.denominator, 'en')}`)}`,
        ),
      );
  }
  if (a.method === 'gatedProportional' && b.method === 'gatedProportional' && a.gate !== b.gate) {
    push(
      'thresholdsChanged',
      `${path}/gate`,
      a.gate,
      b.gate,
      bi(`ngưỡng tối thiểu ${arrow(pct(a.gate, 'vi'), pct(b.gate, 'vi'))}`, `minimum ratio ${arrow(pct(a.gate, 'en'), pct(b.gate, 'en'))}`),
    );
  } else if (a.method === 'countCap' && b.method === 'countCap' && (a.unit !== b.unit || a.cap !== b.cap)) {
    const f = (s: typeof a, lang: 'vi' | 'en') => `${num(s.unit, lang)} × n${s.cap !== undefined ? `, ≤ ${num(s.cap, lang)}` : ''}`;
    push('pointsChanged', path, a, b, bi(`cách tính ${arrow(f(a, 'vi'), f(b, 'vi'))}`, `points ${arrow(f(a, 'en'), f(b, 'en'))}`));
  } else if (a.method === 'deduction' && b.method === 'deduction' && (a.perUnit !== b.perUnit || a.floor !== b.floor)) {
    const f = (s: typeof a, lang: 'vi' | 'en') => `−${num(s.perUnit, lang)} × n, ≥ ${num(s.floor, lang)}`;
    push('pointsChanged', path, a, b, bi(`mức trừ ${arrow(f(a, 'vi'), f(b, 'vi'))}`, `deduction ${arrow(f(a, 'en'), f(b, 'en'))}`));
  }
  // Whatever else differs (facts read, nested formulas …) is still reported, in general words.
  const handled: Record<string, string[]> = {
    yesNo: ['when'],
    cases: ['cases'],
    parts: ['parts'],
    tiers: ['tiers', 'value'],
    proportional: ['numerator', 'denominator'],
    gatedProportional: ['gate', 'numerator', 'denominator'],
    countCap: ['unit', 'cap'],
    deduction: ['perUnit', 'floor'],
  };
  const rest = (s: Scoring) => Object.fromEntries(Object.entries(s).filter(([k]) => !(handled[s.method] ?? []).includes(k)));
  if (!same(rest(a), rest(b))) push('scoringChanged', path, a, b, bi('cách tính điểm thay đổi', 'the scoring changed'));
  return out;
}
