// What changed between two versions of a rule set, item by item and in plain words, so that an
// administrator can check an amendment against the new decision ("Tiêu chí 2.1.3: điểm tối đa
// 5 → 4"). Criteria are matched by code. The list follows the document order of the newer version,
// section by section, with the removed items of each section after the others.
import { canonicalJson } from './canonical';
import { D } from './decimal';
import { conditionText, tiersText } from './conditionText';
import { about, bi, nodeName, text, type Bilingual } from './naming';
import type { Bands, Cohort, Condition, Fact, LocalizedText, Node, RuleSetVersion, Scoring } from './schemaTypes';
import { num } from './text';
import { walkNodes } from './tree';

export type VersionChangeKind =
  | 'titleChanged'
  | 'legalBasisChanged'
  | 'effectiveChanged'
  | 'numericChanged'
  | 'factAdded'
  | 'factRemoved'
  | 'factChanged'
  | 'cohortAdded'
  | 'cohortRemoved'
  | 'cohortMaxChanged'
  | 'cohortMembershipChanged'
  | 'cohortChanged'
  | 'bandsChanged'
  | 'rankingChanged'
  | 'resultFieldChanged'
  | 'added'
  | 'removed'
  | 'moved'
  | 'kindChanged'
  | 'maxChanged'
  | 'cohortsChanged'
  | 'methodChanged'
  | 'thresholdsChanged'
  | 'pointsChanged'
  | 'conditionChanged'
  | 'scoringChanged'
  | 'provisionalChanged'
  | 'legalRefChanged';

export interface VersionChange {
  /** The node code, fact id, cohort id or band id concerned; "" for the version itself. */
  code: string;
  kind: VersionChangeKind;
  /** JSON Pointer in the newer version (in the older one for removed items). */
  path?: string;
  before?: unknown;
  after?: unknown;
  message: Bilingual;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const arrow = (a: string, b: string) => `${a} → ${b}`;
const numOr = (v: number | undefined, lang: 'vi' | 'en', none: string) => (v === undefined ? none : num(v, lang));
const cond = (c: Condition | undefined, lang: 'vi' | 'en') => (c ? conditionText(c, lang) : lang === 'vi' ? '(không)' : '(none)');
const pct = (ratio: number, lang: 'vi' | 'en') => `${num(D(ratio).times(100), lang)}%`;
const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);
const list = (items: readonly string[] | undefined, lang: 'vi' | 'en') =>
  items && items.length > 0 ? items.join(', ') : lang === 'vi' ? 'tất cả' : 'all';

/**
 * A renamed label. When only the English wording changed, the Vietnamese message says so instead
 * of showing the same name twice.
 */
function renamed(a: LocalizedText, b: LocalizedText, vi: string, en: string): Bilingual {
  const enA = text(a, 'en');
  const enB = text(b, 'en');
  const english = `${en} "${enA}" → "${enB}"`;
  if (a.vi === b.vi) return bi(`${vi} tiếng Anh "${enA}" → "${enB}"`, english);
  return bi(`${vi} "${a.vi}" → "${b.vi}"`, enA === enB ? `${en} (Vietnamese) "${a.vi}" → "${b.vi}"` : english);
}

/** Pairs items of two lists by key: those of `b` in order (with their match in `a`), then those only in `a`. */
function pair<T>(a: readonly T[], b: readonly T[], key: (x: T) => string) {
  const inA = new Map<string, { item: T; index: number }>();
  a.forEach((item, index) => !inA.has(key(item)) && inA.set(key(item), { item, index }));
  const inB = new Set(b.map(key));
  return {
    matched: b.map((item, index) => ({ item, index, before: inA.get(key(item)) })),
    removed: [...inA.values()].filter(({ item }) => !inB.has(key(item))),
  };
}

function metadata(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  if (!same(a.title, b.title))
    out.push({
      code: '',
      kind: 'titleChanged',
      path: '/title',
      before: a.title,
      after: b.title,
      message: renamed(a.title, b.title, 'Tên bộ chỉ số', 'Title'),
    });
  if (!same(a.legalBasis, b.legalBasis))
    out.push({
      code: '',
      kind: 'legalBasisChanged',
      path: '/legalBasis',
      before: a.legalBasis,
      after: b.legalBasis,
      message: bi(
        `Căn cứ: ${a.legalBasis.decision} ngày ${a.legalBasis.date} → ${b.legalBasis.decision} ngày ${b.legalBasis.date}`,
        `Legal basis: ${a.legalBasis.decision} of ${a.legalBasis.date} → ${b.legalBasis.decision} of ${b.legalBasis.date}`,
      ),
    });
  if (!same(a.effective, b.effective)) {
    const period = (e: RuleSetVersion['effective'], lang: 'vi' | 'en') =>
      `${e.from} – ${e.to ?? (lang === 'vi' ? 'không thời hạn' : 'open-ended')}`;
    out.push({
      code: '',
      kind: 'effectiveChanged',
      path: '/effective',
      before: a.effective,
      after: b.effective,
      message: bi(
        `Hiệu lực: ${arrow(period(a.effective, 'vi'), period(b.effective, 'vi'))}`,
        `In force: ${arrow(period(a.effective, 'en'), period(b.effective, 'en'))}`,
      ),
    });
  }
  const policy = (n: RuleSetVersion['numeric']) => ({
    places: n.places,
    rounding: n.rounding,
    roundCriteria: n.roundCriteria ?? false,
    classifyOn: n.classifyOn ?? 'exact',
    floorAtZero: n.floorAtZero ?? true,
  });
  const pa = policy(a.numeric);
  const pb = policy(b.numeric);
  for (const key of Object.keys(pb) as (keyof typeof pb)[]) {
    if (pa[key] === pb[key]) continue;
    const words: Record<string, Bilingual> = {
      places: bi('số chữ số thập phân', 'decimal places'),
      rounding: bi('cách làm tròn', 'rounding'),
      roundCriteria: bi('làm tròn từng tiêu chí', 'round each criterion'),
      classifyOn: bi('xếp loại theo tổng', 'classify on the total'),
      floorAtZero: bi('không âm', 'floor at zero'),
    };
    out.push({
      code: '',
      kind: 'numericChanged',
      path: `/numeric/${key}`,
      before: pa[key],
      after: pb[key],
      message: bi(
        `Quy tắc số: ${words[key].vi} ${arrow(String(pa[key]), String(pb[key]))}`,
        `Numeric policy: ${words[key].en} ${arrow(String(pa[key]), String(pb[key]))}`,
      ),
    });
  }
  return out;
}

const factLabel = (f: Fact): Bilingual => bi(`Chỉ tiêu "${text(f.label, 'vi')}" (${f.id})`, `Fact "${text(f.label, 'en')}" (${f.id})`);

function facts(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  const { matched, removed } = pair(a.facts, b.facts, (f) => f.id);
  for (const { item: fact, index, before } of matched) {
    const path = `/facts/${index}`;
    const name = factLabel(fact);
    if (!before) {
      out.push({
        code: fact.id,
        kind: 'factAdded',
        path,
        after: fact,
        message: bi(`Thêm ${lowerFirst(name.vi)}, kiểu ${fact.type}`, `Added ${lowerFirst(name.en)}, of type ${fact.type}`),
      });
      continue;
    }
    const old = before.item;
    const changes: Bilingual[] = [];
    if (old.type !== fact.type) changes.push(bi(`kiểu ${arrow(old.type, fact.type)}`, `type ${arrow(old.type, fact.type)}`));
    const range = (f: Fact, lang: 'vi' | 'en') => `[${numOr(f.minimum, lang, '…')}, ${numOr(f.maximum, lang, '…')}]`;
    if (old.minimum !== fact.minimum || old.maximum !== fact.maximum)
      changes.push(bi(`giới hạn ${arrow(range(old, 'vi'), range(fact, 'vi'))}`, `range ${arrow(range(old, 'en'), range(fact, 'en'))}`));
    const optionsOf = (f: Fact) => (f.options ?? []).map((o) => o.value);
    const added = optionsOf(fact).filter((o) => !optionsOf(old).includes(o));
    const dropped = optionsOf(old).filter((o) => !optionsOf(fact).includes(o));
    if (added.length) changes.push(bi(`thêm lựa chọn ${added.join(', ')}`, `new options ${added.join(', ')}`));
    if (dropped.length) changes.push(bi(`bỏ lựa chọn ${dropped.join(', ')}`, `options removed ${dropped.join(', ')}`));
    if ((old.required ?? true) !== (fact.required ?? true))
      changes.push(fact.required === false ? bi('không còn bắt buộc', 'no longer required') : bi('trở thành bắt buộc', 'now required'));
    if ((old.enteredBy ?? 'agency') !== (fact.enteredBy ?? 'agency'))
      changes.push(
        bi(
          `người nhập ${arrow(old.enteredBy ?? 'agency', fact.enteredBy ?? 'agency')}`,
          `entered by ${arrow(old.enteredBy ?? 'agency', fact.enteredBy ?? 'agency')}`,
        ),
      );
    if ((old.evidence ?? 'optional') !== (fact.evidence ?? 'optional'))
      changes.push(
        bi(
          `tài liệu kiểm chứng ${arrow(old.evidence ?? 'optional', fact.evidence ?? 'optional')}`,
          `evidence ${arrow(old.evidence ?? 'optional', fact.evidence ?? 'optional')}`,
        ),
      );
    if (!same(old.cohorts, fact.cohorts))
      changes.push(
        bi(
          `hỏi khối ${arrow(list(old.cohorts, 'vi'), list(fact.cohorts, 'vi'))}`,
          `asked of ${arrow(list(old.cohorts, 'en'), list(fact.cohorts, 'en'))}`,
        ),
      );
    if (!same(old.label, fact.label)) changes.push(renamed(old.label, fact.label, 'tên', 'label'));
    if (changes.length)
      out.push({
        code: fact.id,
        kind: 'factChanged',
        path,
        before: old,
        after: fact,
        message: bi(`${name.vi}: ${changes.map((c) => c.vi).join('; ')}`, `${name.en}: ${changes.map((c) => c.en).join('; ')}`),
      });
  }
  for (const { item, index } of removed)
    out.push({
      code: item.id,
      kind: 'factRemoved',
      path: `/facts/${index}`,
      before: item,
      message: bi(`Bỏ ${lowerFirst(factLabel(item).vi)}`, `Removed ${lowerFirst(factLabel(item).en)}`),
    });
  return out;
}

function bandChanges(a: Bands, b: Bands, base: string, code: string, scope: Bilingual): VersionChange[] {
  const out: VersionChange[] = [];
  const prefix = (m: Bilingual) => bi(`${scope.vi}${m.vi}`, `${scope.en}${m.en}`);
  if (a.basis !== b.basis)
    out.push({
      code,
      kind: 'bandsChanged',
      path: `${base}/basis`,
      before: a.basis,
      after: b.basis,
      message: prefix(
        bi(
          `Xếp loại theo ${a.basis === 'points' ? 'điểm' : 'tỷ lệ %'} → ${b.basis === 'points' ? 'điểm' : 'tỷ lệ %'}`,
          `Bands on ${arrow(a.basis, b.basis)}`,
        ),
      ),
    });
  const { matched, removed } = pair(a.levels, b.levels, (l) => l.id);
  for (const { item: band, index, before } of matched) {
    const path = `${base}/levels/${index}`;
    if (!before) {
      out.push({
        code: band.id,
        kind: 'bandsChanged',
        path,
        after: band,
        message: prefix(
          bi(
            `Thêm xếp loại ${text(band.label, 'vi')} (từ ${num(band.min, 'vi')})`,
            `New band ${text(band.label, 'en')} (from ${num(band.min, 'en')})`,
          ),
        ),
      });
      continue;
    }
    if (before.item.min !== band.min)
      out.push({
        code: band.id,
        kind: 'bandsChanged',
        path: `${path}/min`,
        before: before.item.min,
        after: band.min,
        message: prefix(
          bi(
            `Ngưỡng xếp loại ${text(band.label, 'vi')}: ${arrow(num(before.item.min, 'vi'), num(band.min, 'vi'))}`,
            `Threshold of band ${text(band.label, 'en')}: ${arrow(num(before.item.min, 'en'), num(band.min, 'en'))}`,
          ),
        ),
      });
    if (!same(before.item.label, band.label))
      out.push({
        code: band.id,
        kind: 'bandsChanged',
        path: `${path}/label`,
        before: before.item.label,
        after: band.label,
        message: prefix(renamed(before.item.label, band.label, 'Tên xếp loại', 'Band name')),
      });
  }
  for (const { item, index } of removed)
    out.push({
      code: item.id,
      kind: 'bandsChanged',
      path: `${base}/levels/${index}`,
      before: item,
      message: prefix(bi(`Bỏ xếp loại ${text(item.label, 'vi')}`, `Band ${text(item.label, 'en')} removed`)),
    });
  return out;
}

function cohorts(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  const { matched, removed } = pair(a.cohorts, b.cohorts, (c) => c.id);
  const name = (c: Cohort) => bi(`Khối ${text(c.name, 'vi', c.id)}`, `Cohort ${text(c.name, 'en', c.id)}`);
  for (const { item: cohort, index, before } of matched) {
    const path = `/cohorts/${index}`;
    const n = name(cohort);
    if (!before) {
      out.push({
        code: cohort.id,
        kind: 'cohortAdded',
        path,
        after: cohort,
        message: bi(
          `Thêm ${lowerFirst(n.vi)} (tối đa ${num(cohort.maxScore, 'vi')} điểm; ${cond(cohort.membership, 'vi')})`,
          `Added ${lowerFirst(n.en)} (maximum ${num(cohort.maxScore, 'en')}; ${cond(cohort.membership, 'en')})`,
        ),
      });
      continue;
    }
    const old = before.item;
    if (old.maxScore !== cohort.maxScore)
      out.push({
        code: cohort.id,
        kind: 'cohortMaxChanged',
        path: `${path}/maxScore`,
        before: old.maxScore,
        after: cohort.maxScore,
        message: about(
          n,
          bi(
            `điểm tối đa ${arrow(num(old.maxScore, 'vi'), num(cohort.maxScore, 'vi'))}`,
            `maximum ${arrow(num(old.maxScore, 'en'), num(cohort.maxScore, 'en'))}`,
          ),
        ),
      });
    if (!same(old.membership, cohort.membership))
      out.push({
        code: cohort.id,
        kind: 'cohortMembershipChanged',
        path: `${path}/membership`,
        before: old.membership,
        after: cohort.membership,
        message: about(
          n,
          bi(
            `điều kiện thuộc khối ${arrow(cond(old.membership, 'vi'), cond(cohort.membership, 'vi'))}`,
            `membership ${arrow(cond(old.membership, 'en'), cond(cohort.membership, 'en'))}`,
          ),
        ),
      });
    if (old.ranked !== cohort.ranked)
      out.push({
        code: cohort.id,
        kind: 'cohortChanged',
        path: `${path}/ranked`,
        before: old.ranked,
        after: cohort.ranked,
        message: about(n, cohort.ranked ? bi('được xếp hạng', 'now ranked') : bi('không còn xếp hạng', 'no longer ranked')),
      });
    if ((old.notApplicable ?? 'rescale') !== (cohort.notApplicable ?? 'rescale'))
      out.push({
        code: cohort.id,
        kind: 'cohortChanged',
        path: `${path}/notApplicable`,
        before: old.notApplicable ?? 'rescale',
        after: cohort.notApplicable ?? 'rescale',
        message: about(
          n,
          bi(
            `mục không áp dụng: ${arrow(old.notApplicable ?? 'rescale', cohort.notApplicable ?? 'rescale')}`,
            `items not applicable: ${arrow(old.notApplicable ?? 'rescale', cohort.notApplicable ?? 'rescale')}`,
          ),
        ),
      });
    if (!same(old.name, cohort.name))
      out.push({
        code: cohort.id,
        kind: 'cohortChanged',
        path: `${path}/name`,
        before: old.name,
        after: cohort.name,
        message: renamed(old.name, cohort.name, 'Tên khối', 'Cohort name'),
      });
    // A cohort's bands are its own or the version's.
    const scope = bi(`${n.vi}: `, `${n.en}: `);
    if (old.bands && cohort.bands) out.push(...bandChanges(old.bands, cohort.bands, `${path}/bands`, cohort.id, scope));
    else if (old.bands || cohort.bands)
      out.push({
        code: cohort.id,
        kind: 'bandsChanged',
        path: `${path}/bands`,
        before: old.bands,
        after: cohort.bands,
        message: about(
          n,
          cohort.bands
            ? bi('dùng thang xếp loại riêng', 'now has its own bands')
            : bi('dùng thang xếp loại chung', 'now uses the common bands'),
        ),
      });
  }
  for (const { item, index } of removed)
    out.push({
      code: item.id,
      kind: 'cohortRemoved',
      path: `/cohorts/${index}`,
      before: item,
      message: bi(`Bỏ ${lowerFirst(name(item).vi)}`, `Removed ${lowerFirst(name(item).en)}`),
    });
  return out;
}

function ranking(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  if (a.ranking.by !== b.ranking.by)
    out.push({
      code: '',
      kind: 'rankingChanged',
      path: '/ranking/by',
      before: a.ranking.by,
      after: b.ranking.by,
      message: bi(`Xếp hạng theo ${arrow(a.ranking.by, b.ranking.by)}`, `Ranking by ${arrow(a.ranking.by, b.ranking.by)}`),
    });
  const tb = (r: RuleSetVersion['ranking']) => (r.tieBreakers ?? []).map((t) => `${t.node}${t.order === 'ascending' ? '↑' : ''}`);
  if (!same(tb(a.ranking), tb(b.ranking)))
    out.push({
      code: '',
      kind: 'rankingChanged',
      path: '/ranking/tieBreakers',
      before: a.ranking.tieBreakers,
      after: b.ranking.tieBreakers,
      message: bi(
        `Tiêu chí phụ khi bằng điểm: ${arrow(tb(a.ranking).join(', ') || '(không)', tb(b.ranking).join(', ') || '(không)')}`,
        `Tie-breakers: ${arrow(tb(a.ranking).join(', ') || '(none)', tb(b.ranking).join(', ') || '(none)')}`,
      ),
    });
  const { matched, removed } = pair(a.resultFields ?? [], b.resultFields ?? [], (r) => r.id);
  for (const { item, index, before } of matched) {
    if (before && same(before.item, item)) continue;
    const formula = (r: typeof item) => `${r.source} × ${r.multiplier}, ${r.places}`;
    out.push({
      code: item.id,
      kind: 'resultFieldChanged',
      path: `/resultFields/${index}`,
      before: before?.item,
      after: item,
      message: before
        ? bi(
            `Kết quả công bố ${text(item.label, 'vi')}: ${arrow(formula(before.item), formula(item))} chữ số`,
            `Published figure ${text(item.label, 'en')}: ${arrow(formula(before.item), formula(item))} places`,
          )
        : bi(
            `Thêm kết quả công bố ${text(item.label, 'vi')} (${formula(item)} chữ số)`,
            `New published figure ${text(item.label, 'en')} (${formula(item)} places)`,
          ),
    });
  }
  for (const { item, index } of removed)
    out.push({
      code: item.id,
      kind: 'resultFieldChanged',
      path: `/resultFields/${index}`,
      before: item,
      message: bi(`Bỏ kết quả công bố ${text(item.label, 'vi')}`, `Removed published figure ${text(item.label, 'en')}`),
    });
  return out;
}

/** Changes inside a scoring method whose method stayed the same. */
function scoringChanges(
  a: Scoring,
  b: Scoring,
  path: string,
): { kind: VersionChangeKind; path: string; before: unknown; after: unknown; message: Bilingual }[] {
  const out: { kind: VersionChangeKind; path: string; before: unknown; after: unknown; message: Bilingual }[] = [];
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
    const la = (a as { cases?: unknown; parts?: unknown })[key] as import('./schemaTypes').Case[];
    const lb = (b as { cases?: unknown; parts?: unknown })[key] as import('./schemaTypes').Case[];
    const word = key === 'cases' ? bi('trường hợp', 'case') : bi('phần', 'part');
    const worth = (c: import('./schemaTypes').Case, lang: 'vi' | 'en') =>
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

function criteria(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  const out: VersionChange[] = [];
  const flat = (v: RuleSetVersion) => [...walkNodes(v.criteria)];
  const before = new Map<string, { node: Node; path: string; parent: Node | null }>();
  for (const entry of flat(a)) if (!before.has(entry.node.code)) before.set(entry.node.code, entry);
  const after = flat(b);
  const inB = new Set(after.map((e) => e.node.code));
  for (const { node, path, parent } of after) {
    const name = nodeName(node);
    const old = before.get(node.code);
    const change = (kind: VersionChangeKind, at: string, was: unknown, now: unknown, message: Bilingual) =>
      out.push({ code: node.code, kind, path: at, before: was, after: now, message: about(name, message) });
    if (!old) {
      const max = node.max !== undefined ? bi(`, tối đa ${num(node.max, 'vi')} điểm`, `, maximum ${num(node.max, 'en')}`) : bi('', '');
      out.push({
        code: node.code,
        kind: 'added',
        path,
        after: node,
        message: bi(
          `Thêm ${lowerFirst(name.vi)} "${text(node.title, 'vi')}"${max.vi}`,
          `Added ${lowerFirst(name.en)} "${text(node.title, 'en')}"${max.en}`,
        ),
      });
      continue;
    }
    const was = old.node;
    if (was.kind !== node.kind)
      change(
        'kindChanged',
        `${path}/kind`,
        was.kind,
        node.kind,
        bi(`loại ${arrow(was.kind, node.kind)}`, `kind ${arrow(was.kind, node.kind)}`),
      );
    if ((old.parent?.code ?? null) !== (parent?.code ?? null)) {
      const p = (n: Node | null, lang: 'vi' | 'en') => n?.code ?? (lang === 'vi' ? 'gốc' : 'top level');
      change(
        'moved',
        path,
        old.parent?.code ?? null,
        parent?.code ?? null,
        bi(`chuyển từ ${p(old.parent, 'vi')} sang ${p(parent, 'vi')}`, `moved from ${p(old.parent, 'en')} to ${p(parent, 'en')}`),
      );
    }
    if (!same(was.title, node.title))
      change('titleChanged', `${path}/title`, was.title, node.title, renamed(was.title, node.title, 'tên', 'title'));
    if (was.max !== node.max)
      change(
        'maxChanged',
        `${path}/max`,
        was.max,
        node.max,
        bi(
          `điểm tối đa ${arrow(numOr(was.max, 'vi', '—'), numOr(node.max, 'vi', '—'))}`,
          `maximum ${arrow(numOr(was.max, 'en', '—'), numOr(node.max, 'en', '—'))}`,
        ),
      );
    const cohortsOfMax = [...new Set([...Object.keys(was.maxByCohort ?? {}), ...Object.keys(node.maxByCohort ?? {})])];
    for (const c of cohortsOfMax) {
      const x = was.maxByCohort?.[c];
      const y = node.maxByCohort?.[c];
      if (x !== y)
        change(
          'maxChanged',
          `${path}/maxByCohort/${c}`,
          x,
          y,
          bi(
            `điểm tối đa của khối ${c} ${arrow(numOr(x, 'vi', '—'), numOr(y, 'vi', '—'))}`,
            `maximum for cohort ${c} ${arrow(numOr(x, 'en', '—'), numOr(y, 'en', '—'))}`,
          ),
        );
    }
    if ((was.capped ?? false) !== (node.capped ?? false))
      change(
        'maxChanged',
        `${path}/capped`,
        was.capped ?? false,
        node.capped ?? false,
        node.capped ? bi('giới hạn ở điểm tối đa', 'now capped at its maximum') : bi('bỏ giới hạn điểm tối đa', 'no longer capped'),
      );
    if (!same(was.cohorts, node.cohorts))
      change(
        'cohortsChanged',
        `${path}/cohorts`,
        was.cohorts,
        node.cohorts,
        bi(
          `áp dụng cho khối ${arrow(list(was.cohorts, 'vi'), list(node.cohorts, 'vi'))}`,
          `applies to ${arrow(list(was.cohorts, 'en'), list(node.cohorts, 'en'))}`,
        ),
      );
    if (!same(was.applicableWhen, node.applicableWhen))
      change(
        'conditionChanged',
        `${path}/applicableWhen`,
        was.applicableWhen,
        node.applicableWhen,
        bi(
          `điều kiện áp dụng ${arrow(cond(was.applicableWhen, 'vi'), cond(node.applicableWhen, 'vi'))}`,
          `applicable when ${arrow(cond(was.applicableWhen, 'en'), cond(node.applicableWhen, 'en'))}`,
        ),
      );
    if (was.scoring && node.scoring) {
      if (was.scoring.method !== node.scoring.method)
        change(
          'methodChanged',
          `${path}/scoring/method`,
          was.scoring.method,
          node.scoring.method,
          bi(
            `phương pháp chấm ${arrow(was.scoring.method, node.scoring.method)}`,
            `method ${arrow(was.scoring.method, node.scoring.method)}`,
          ),
        );
      else
        for (const c of scoringChanges(was.scoring, node.scoring, `${path}/scoring`)) change(c.kind, c.path, c.before, c.after, c.message);
    }
    if ((was.provisional ?? false) !== (node.provisional ?? false))
      change(
        'provisionalChanged',
        `${path}/provisional`,
        was.provisional ?? false,
        node.provisional ?? false,
        node.provisional
          ? bi('trở thành tạm tính', 'now provisional')
          : bi('đã xác nhận theo văn bản', 'now confirmed from the regulation'),
      );
    if ((was.legalRef ?? '') !== (node.legalRef ?? ''))
      change(
        'legalRefChanged',
        `${path}/legalRef`,
        was.legalRef,
        node.legalRef,
        bi(
          `căn cứ ${arrow(was.legalRef ?? '—', node.legalRef ?? '—')}`,
          `legal reference ${arrow(was.legalRef ?? '—', node.legalRef ?? '—')}`,
        ),
      );
  }
  for (const { node, path } of flat(a)) {
    if (inB.has(node.code) || before.get(node.code)?.path !== path) continue;
    const name = nodeName(node);
    out.push({
      code: node.code,
      kind: 'removed',
      path,
      before: node,
      message: bi(`Bỏ ${lowerFirst(name.vi)} "${text(node.title, 'vi')}"`, `Removed ${lowerFirst(name.en)} "${text(node.title, 'en')}"`),
    });
  }
  return out;
}

/** The changes from version `a` to version `b`, both schema-valid. */
export function diffVersions(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  return [
    ...metadata(a, b),
    ...facts(a, b),
    ...cohorts(a, b),
    ...bandChanges(a.bands, b.bands, '/bands', '', bi('', '')),
    ...ranking(a, b),
    ...criteria(a, b),
  ];
}
