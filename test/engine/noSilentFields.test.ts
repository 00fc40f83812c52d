// No silent fields: every property of schemas/ruleset.schema.json either changes something a person
// sees when it changes — an evaluation, a lint finding, the submission form, a test-case result, a
// published document, the diff — or is declared metadata only in the schema ("x-metadata", with
// the reason), and then changes no evaluation. A property the table below does not cover fails the
// test, so a field added to the format without being honoured cannot ship.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileVersion, evaluateSubmissions, explainEvaluation, rankEvaluations } from '../../server/engine';
import { diffVersions } from '../../server/engine/diff';
import { checkVersion } from '../../server/engine/lint';
import { lintCollection } from '../../server/engine/lint/collection';
import type { Node, RuleSetVersion, SubmissionInput } from '../../server/engine/schemaTypes';
import { deriveSubmissionSchema, validateSubmission } from '../../server/engine/submissionSchema';
import { runTestCases } from '../../server/engine/testCases';
import { validateVersion } from '../../server/engine/validate';
import { buildResultTable } from '../../server/files/resultTable';
import { everyField, everyFieldSubmissions } from './support/everyField';

const SCHEMA = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/ruleset.schema.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------
// Every property of the schema, named "Def.property" ("#.x" at the top; oneOf branches and array
// items as "Def|oneOf1.x", "Def.parts[].x"), with its schema.

interface Property {
  key: string;
  schema: Record<string, unknown>;
}

function properties(): Property[] {
  const out: Property[] = [];
  const walk = (s: any, where: string) => {
    if (!s || typeof s !== 'object') return;
    for (const [k, v] of Object.entries<any>(s.properties ?? {})) {
      out.push({ key: `${where}.${k}`, schema: v });
      walk(v, `${where}.${k}`);
    }
    for (const kw of ['oneOf', 'anyOf', 'allOf'] as const) (s[kw] ?? []).forEach((b: unknown, i: number) => walk(b, `${where}|${kw}${i}`));
    if (s.items) walk(s.items, `${where}[]`);
    if (s.then) walk(s.then, `${where}.then`);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${where}{}`);
  };
  walk({ properties: SCHEMA.properties }, '#');
  for (const [name, def] of Object.entries(SCHEMA.$defs)) walk(def, name);
  return out;
}

// ---------------------------------------------------------------------------------------------
// What a person sees of a version.

type Doc = RuleSetVersion & Record<string, any>;
type Subs = SubmissionInput[];

/** Hashes change with any byte of the document; what they seal is compared instead. */
const unsealed = (value: unknown): string =>
  JSON.stringify(value, (k, v) => (k === 'hashes' || k === 'hash' || k === 'versionHash' || k === 'computedAt' ? undefined : v));

const evaluated = (v: Doc, subs: Subs) => {
  const compiled = compileVersion(v);
  const records = evaluateSubmissions(compiled, subs);
  return { compiled, records, ranking: rankEvaluations(compiled, records) };
};

const OBSERVERS = {
  /** The stored records and ranking: points, statuses, traces, totals, bands, ranks, averages. */
  records: (v: Doc, subs: Subs) => {
    const { records, ranking } = evaluated(v, subs);
    return unsealed({ records, ranking });
  },
  /** The report card: titles, explanations, legal references, evidence. */
  views: (v: Doc, subs: Subs) => {
    const { compiled, records } = evaluated(v, subs);
    return unsealed(records.map((e) => explainEvaluation(compiled, e)));
  },
  /** Schema and lint findings. */
  findings: async (v: Doc) => JSON.stringify(await checkVersion(v)),
  /** The form an agency fills in, per cohort, and what it refuses of the sample submissions. */
  form: (v: Doc, subs: Subs) =>
    JSON.stringify([null, ...v.cohorts.map((c) => c.id)].map((cohort) => deriveSubmissionSchema(v, { cohort }))) +
    JSON.stringify(subs.map((s) => validateSubmission(v, s))),
  /** The version's own test cases. */
  tests: (v: Doc) => unsealed(runTestCases(compileVersion(v)).map(({ name, passed, failures }) => ({ name, passed, failures }))),
  /** The published result table (XLSX, CSV and PDF print it). */
  documents: (v: Doc, subs: Subs) => {
    const { compiled, records, ranking } = evaluated(v, subs);
    return unsealed(
      buildResultTable(
        v,
        ranking,
        records.map((e) => explainEvaluation(compiled, e)),
      ),
    );
  },
  /** Findings across versions: periods in force, links to other versions' nodes. */
  collection: (v: Doc) =>
    JSON.stringify(
      lintCollection([
        { where: 'next', version: NEXT },
        { where: 'this', version: v },
      ]),
    ),
  /** What the diff from the previous version says (how nodes pair across versions). */
  diff: (v: Doc) => JSON.stringify(diffVersions(PREVIOUS, v)),
} as const;
type Observer = keyof typeof OBSERVERS;

/** The version after this one, in force from 2025; and the one before, numbered differently. */
const NEXT: RuleSetVersion = { ...everyField(), version: '2025', effective: { from: '2025-01-01' } };
const PREVIOUS: RuleSetVersion = (() => {
  const v = { ...everyField(), version: '2023', effective: { from: '2023-01-01', to: '2023-12-31' } };
  // The same items under other codes and without ids, the main indices under other titles: only a link pairs those.
  const strip = (nodes: Node[]) => nodes.forEach((n) => (delete n.id, (n.code = `c${n.code}`), n.children && strip(n.children)));
  for (const index of v.criteria) index.title = { vi: `Tên cũ của ${index.title.vi}` };
  strip(v.criteria);
  v.ranking = { ...v.ranking, tieBreakers: [{ node: 'c1' }] };
  return v;
})();

// ---------------------------------------------------------------------------------------------
// The table: for each property, how to change it and where the change shows.

type Mutate = (v: Doc, subs: Subs) => void;
type Entry =
  /** `given` sets the stage (on both sides); `change` changes the property alone. */
  | { shows: Observer[]; change: Mutate; given?: Mutate }
  /** The schema allows one value only: there is nothing to vary, so nothing to ignore. */
  | { constant: true }
  /** Declared "x-metadata" in the schema; changing it changes no evaluation. */
  | { metadata: true; change: Mutate };

const node = (v: Doc, code: string): any => {
  const find = (nodes: Node[]): Node | undefined => {
    for (const n of nodes) {
      if (n.code === code) return n;
      const inner = n.children && find(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const found = find(v.criteria);
  if (!found) throw new Error(`no node ${code}`);
  return found;
};
const scoring = (v: Doc, code: string): any => node(v, code).scoring;
const fact = (v: Doc, id: string): any => v.facts.find((f) => f.id === id);
const each = (subs: Subs, change: (facts: Record<string, any>) => void) => subs.forEach((s) => change(s.facts as Record<string, any>));

const linkToC1: Mutate = (v) => (node(v, '1').continues = { ruleSet: 'moi-truong', version: '2023', node: 'c1' });

const shows = (observers: Observer | Observer[], change: Mutate, given?: Mutate): Entry => ({
  shows: ([] as Observer[]).concat(observers),
  change,
  given,
});
const metadata = (change: Mutate): Entry => ({ metadata: true, change });
const constant: Entry = { constant: true };

const TABLE: Record<string, Entry> = {
  '#.$schema': metadata((v) => (v.$schema = 'https://example.org/other.json')),
  '#.schemaVersion': constant,
  '#.ruleSet': shows('records', (v) => (v.ruleSet = 'khac')),
  '#.ruleSetTitle': shows('documents', (v) => (v.ruleSetTitle = { vi: 'Tên khác', en: 'Other name' })),
  '#.version': shows('records', (v) => (v.version = '2024.1')),
  '#.title': shows('documents', (v) => (v.title = { vi: 'Tiêu đề khác', en: 'Other title' })),
  '#.legalBasis': shows('documents', (v) => (v.legalBasis = { decision: '100/QĐ-UBND', date: '2024-02-01', issuer: 'UBND tỉnh' })),
  '#.effective': shows('collection', (v) => (v.effective = { from: '2024-01-01' })),
  '#.effective.from': shows('records', (v) => (v.effective.from = '2023-06-01')), // the default assessed year
  '#.effective.to': shows('collection', (v) => (v.effective.to = '2025-06-30')),
  '#.changeNote': metadata((v) => (v.changeNote = { vi: 'Ghi chú khác' })),
  '#.numeric': shows('records', (v) => (v.numeric = { arithmetic: 'decimal', places: 0, rounding: 'down' })),
  '#.agencyAttributes': shows('findings', (v) => (v.agencyAttributes = [])),
  '#.facts': shows('form', (v) => v.facts.push({ id: 'moi', type: 'boolean', label: { vi: 'Mới' } })),
  '#.cohorts': shows('records', (v) => v.cohorts.pop()),
  '#.bands': shows('records', (v) => (v.bands.levels[0].min = 90)),
  '#.ranking': shows('records', (v) => (v.ranking = { by: 'total' })),
  '#.resultFields': shows('records', (v) => (v.resultFields = [])),
  '#.criteria': shows('records', (v) => v.criteria.pop()),
  '#.tests': shows('tests', (v) => v.tests!.pop()),

  'LocalizedText.vi': shows('views', (v) => (node(v, '1.1').title.vi = 'Tên khác')),
  'LocalizedText.en': shows('views', (v) => (node(v, '1.1').title.en = 'Other name')),
  'LegalBasis.decision': shows('documents', (v) => (v.legalBasis.decision = '100/QĐ-UBND')),
  'LegalBasis.date': shows('documents', (v) => (v.legalBasis.date = '2024-02-01')),
  'LegalBasis.issuer': shows('documents', (v) => (v.legalBasis.issuer = 'Chủ tịch UBND tỉnh')),
  'LegalBasis.title': shows('documents', (v) => (v.legalBasis.title = { vi: 'Ban hành bộ chỉ số khác' })),
  'LegalBasis.url': metadata((v) => (v.legalBasis.url = 'https://example.gov.vn/khac')),

  'NumericPolicy.arithmetic': constant,
  'NumericPolicy.places': shows('records', (v) => (v.numeric.places = 1)),
  'NumericPolicy.rounding': shows('records', (v) => (v.numeric.rounding = 'down')),
  'NumericPolicy.roundCriteria': shows('records', (v) => (v.numeric.roundCriteria = true)),
  // Sở B has 52.63 points: 53 rounded to whole points, above a band starting at 52.8.
  'NumericPolicy.classifyOn': shows(
    'records',
    (v) => (v.numeric.classifyOn = 'rounded'),
    (v) => ((v.numeric.places = 0), (v.bands.levels[2].min = 52.8)),
  ),
  'NumericPolicy.floorAtZero': shows('records', (v) => (v.numeric.floorAtZero = false)),

  'AgencyAttribute.id': shows('findings', (v) => (v.agencyAttributes![0].id = 'khac')),
  'AgencyAttribute.type': shows('findings', (v) => (v.agencyAttributes![0].type = 'number')),
  'AgencyAttribute.label': metadata((v) => (v.agencyAttributes![0].label = { vi: 'Nhãn khác' })),
  'AgencyAttribute.options': shows(
    'findings',
    (v) => (v.agencyAttributes![1].options = [{ value: 'III', label: { vi: 'Hạng III' } }]),
    (v) => (node(v, '3.8').applicableWhen = { fact: 'agency', path: '$.hang', operator: 'equal', value: 'I' }),
  ),
  'Option.value': shows('form', (v) => (fact(v, 'chu_tri').options[2].value = 'vang')),
  'Option.label': shows('form', (v) => (fact(v, 'chu_tri').options[2].label = { vi: 'Vắng' })),

  'Fact.id': shows('form', (v) => (fact(v, 'ghi_chu').id = 'nhan_xet')),
  'Fact.type': shows('form', (v) => (fact(v, 'ghi_chu').type = 'number')),
  'Fact.label': shows('form', (v) => (fact(v, 'ghi_chu').label = { vi: 'Nhận xét' })),
  'Fact.help': shows('form', (v) => (fact(v, 'co_ke_hoach').help = { vi: 'Hướng dẫn khác' })),
  'Fact.unit': shows('form', (v) => (fact(v, 'tiep_nhan').unit = { vi: 'bộ hồ sơ' })),
  'Fact.minimum': shows('form', (v) => (fact(v, 'ty_le').minimum = 50)),
  'Fact.maximum': shows('form', (v) => (fact(v, 'ty_le').maximum = 90)),
  // The samples process at most what they receive: the reversed bound refuses some of them.
  'Fact.atMostFact': shows('form', (v) => {
    delete fact(v, 'da_xu_ly').atMostFact;
    fact(v, 'tiep_nhan').atMostFact = 'da_xu_ly';
  }),
  'Fact.options': shows('form', (v) => fact(v, 'chu_tri').options.pop()),
  'Fact.required': shows('form', (v) => (fact(v, 'ghi_chu').required = true)),
  'Fact.evidence': shows('form', (v) => (fact(v, 'ty_le').evidence = 'required')),
  'Fact.enteredBy': shows('form', (v) => (fact(v, 'ty_le').enteredBy = 'evaluator')),
  'Fact.cohorts': shows('form', (v) => (fact(v, 'ty_le').cohorts = ['tinh'])),
  'Fact.source': shows('form', (v) => (fact(v, 'co_ke_hoach').source = { vi: 'Sở Nội vụ' })),

  'Cohort.id': shows('records', (v) => (v.cohorts[0].id = 'so-nganh')),
  'Cohort.name': shows('records', (v) => (v.cohorts[0].name = { vi: 'Sở, ngành' })),
  'Cohort.membership': shows(
    'records',
    (v) => (v.cohorts[0].membership = { fact: 'agency', path: '$.kind', operator: 'equal', value: 'office' }),
  ),
  'Cohort.maxScore': shows('findings', (v) => (v.cohorts[0].maxScore = 90)),
  'Cohort.ranked': shows('records', (v) => (v.cohorts[0].ranked = false)),
  'Cohort.bands': shows('records', (v) => delete v.cohorts[1].bands),
  'Cohort.notApplicable': shows('records', (v) => (v.cohorts[0].notApplicable = 'reduceMax')),
  // Districts (110 points) on the version's bands: 93 points is Tốt, 84.55 % is not.
  'Bands.basis': shows(
    'records',
    (v) => (v.bands.basis = 'percentage'),
    (v) => delete v.cohorts[1].bands,
  ),
  'Bands.levels': shows('records', (v) => v.bands.levels.splice(2, 1)),
  'Band.id': shows('records', (v) => (v.bands.levels[0].id = 'xuat-sac')),
  'Band.label': shows('records', (v) => (v.bands.levels[0].label = { vi: 'Xuất sắc' })),
  'Band.min': shows('records', (v) => (v.bands.levels[0].min = 90)),
  'Band.color': shows('records', (v) => (v.bands.levels[0].color = '#000000')),

  // With maxima reduced where an item does not apply, Sở B has 50 of 95 points (52.63 %) and the
  // office 51 of 100 (51 %): the order depends on what ranks.
  'RankingPolicy.by': shows(
    'records',
    (v) => (v.ranking.by = 'percentage'),
    (v, subs) => {
      v.cohorts[0].notApplicable = 'reduceMax';
      Object.assign(subs[2].facts!, { diem_tham_dinh: 5, bao_cao_tre: 0, ty_le: 90 });
    },
  ),
  'RankingPolicy.order': constant,
  'RankingPolicy.ties': constant,
  'RankingPolicy.tieBreakers': shows('records', (v) => delete v.ranking.tieBreakers),
  'RankingPolicy.tieBreakers[].node': shows('records', (v) => (v.ranking.tieBreakers![0].node = '2')),
  'RankingPolicy.tieBreakers[].order': shows('records', (v) => (v.ranking.tieBreakers![0].order = 'ascending')),
  'RankingPolicy.average': shows('records', (v) => (v.ranking.average = 'meanOfUnits')),

  'ResultField.id': shows('records', (v) => (v.resultFields![0].id = 'dti')),
  'ResultField.label': shows('documents', (v) => (v.resultFields![0].label = { vi: 'Giá trị' })),
  'ResultField.source': shows('records', (v) => (v.resultFields![0].source = 'percentage')),
  'ResultField.multiplier': shows('records', (v) => (v.resultFields![0].multiplier = 0.001)),
  'ResultField.places': shows('records', (v) => (v.resultFields![0].places = 1)),
  'ResultField.rounding': shows('records', (v) => (v.resultFields![0].rounding = 'down')),

  'Node.code': shows('records', (v) => (node(v, '1.1').code = '1.9')),
  'Node.id': shows('records', (v) => (node(v, '1.1').id = 'ban-chi-dao')),
  'Node.kind': shows('documents', (v) => (node(v, '2').kind = 'group')),
  'Node.title': shows('views', (v) => (node(v, '1.2').title = { vi: 'Chủ trì' })),
  'Node.description': metadata((v) => (node(v, '1').description = { vi: 'Mô tả khác' })),
  'Node.max': shows('records', (v) => {
    node(v, '1.2').max = 5;
    node(v, '1').max = 35;
  }),
  'Node.maxByCohort': shows('records', (v) => delete node(v, '1.1').maxByCohort),
  'Node.capped': shows('findings', (v) => delete node(v, '3').capped),
  'Node.cohorts': shows('records', (v) => delete node(v, '2.6').cohorts),
  'Node.applicableWhen': shows('records', (v) => delete node(v, '3.8').applicableWhen),
  'Node.legalRef': shows('views', (v) => (node(v, '1.1').legalRef = 'Điều 5')),
  'Node.provisional': shows('views', (v) => (node(v, '1').provisional = false)),
  'Node.source': shows('findings', (v) => delete node(v, '1').source),
  'Node.evidence': shows('views', (v) => (node(v, '1.1').evidence = { vi: 'Biên bản họp' })),
  'Node.scoring': shows('records', (v) => (node(v, '1.1').scoring = { method: 'manual', fact: 'diem_tham_dinh' })),
  'Node.children': shows('records', (v) => node(v, '1').children.pop()),
  'Node.continues': shows('diff', (v) => (node(v, '1').continues = { ruleSet: 'moi-truong', node: 'c1' })),
  'Node.continues.ruleSet': shows('diff', (v) => (node(v, '1').continues!.ruleSet = 'khac'), linkToC1),
  'Node.continues.version': shows('diff', (v) => (node(v, '1').continues!.version = '2022'), linkToC1),
  'Node.continues.node': shows('diff', (v) => (node(v, '1').continues!.node = 'c2'), linkToC1),

  'Quantity|oneOf0.fact': shows('records', (v) => (scoring(v, '2.6').value.fact = 'so_ung_dung')),
  'Quantity|oneOf1.numerator': shows('records', (v) => (scoring(v, '2.3').value.numerator = 'ty_le')),
  'Quantity|oneOf1.denominator': shows('records', (v) => (scoring(v, '2.3').value.denominator = 200)),
  'Quantity|oneOf1.percent': shows('records', (v) => (scoring(v, '2.3').value.percent = false)),
  'Quantity|oneOf1.onZeroDenominator': shows('records', (v) => (scoring(v, '2.3').value.onZeroDenominator = 'notApplicable')),

  'Case.when': shows('records', (v) => (scoring(v, '1.2').cases[1].when.value = 'khong')),
  'Case.points': shows('records', (v) => (scoring(v, '1.2').cases[1].points = 2)),
  'Case.fraction': shows('records', (v) => (scoring(v, '1.2').cases[0].fraction = 0.8)),
  'Case.label': shows('views', (v) => (scoring(v, '1.2').cases[1].label = { vi: 'Phó chủ tịch' })),
  'Tier.from': shows('records', (v) => (scoring(v, '2.3').tiers[0].from = 96)),
  'Tier.to': shows('records', (v) => (scoring(v, '2.3').tiers[1].to = 60)),
  'Tier.points': shows('records', (v) => (scoring(v, '2.3').tiers[0].points = 8)),
  'Tier.fraction': shows('records', (v) => (scoring(v, '2.3').tiers[1].fraction = 0.3)),
  'Tier.label': shows('views', (v) => (scoring(v, '2.3').tiers[1].label = { vi: 'Trung bình' })),

  'YesNo.method': constant,
  'YesNo.when': shows('records', (v) => (scoring(v, '1.1').when = { fact: 'co_ke_hoach', operator: 'equal', value: false })),
  'Cases.method': constant,
  'Cases.cases': shows('records', (v) => scoring(v, '1.2').cases.pop()),
  'Parts.method': constant,
  'Parts.parts': shows('records', (v) => scoring(v, '1.3').parts.pop()),
  'Proportional.method': constant,
  'Proportional.numerator': shows('records', (v) => (scoring(v, '2.1').numerator = 'so_ung_dung')),
  'Proportional.denominator': shows('records', (v) => (scoring(v, '2.1').denominator = 100)),
  'Proportional.onZeroDenominator': shows('records', (v) => (scoring(v, '2.1').onZeroDenominator = 'full')),
  'GatedProportional.method': constant,
  'GatedProportional.numerator': shows('records', (v) => (scoring(v, '2.2').numerator = 'bang_thong')),
  'GatedProportional.denominator': shows('records', (v) => (scoring(v, '2.2').denominator = 200)),
  'GatedProportional.gate': shows('records', (v) => (scoring(v, '2.2').gate = 0.8)),
  'GatedProportional.onZeroDenominator': shows(
    'records',
    (v) => (scoring(v, '2.2').onZeroDenominator = 'full'),
    (v) => Object.assign(scoring(v, '2.2'), { numerator: 'da_xu_ly', denominator: 'tiep_nhan' }),
  ),
  'Tiers.method': constant,
  'Tiers.value': shows('records', (v) => (scoring(v, '2.3').value = { fact: 'ty_le' })),
  'Tiers.tiers': shows('records', (v) => scoring(v, '2.3').tiers.pop()),
  'CountCap.method': constant,
  'CountCap.fact': shows('records', (v) => (scoring(v, '2.4').fact = 'bao_cao_tre')),
  'CountCap.unit': shows('records', (v) => (scoring(v, '2.4').unit = 2)),
  'CountCap.cap': shows('records', (v) => (scoring(v, '2.4').cap = 2)),
  'Composite.method': constant,
  'Composite.parts': shows('records', (v) => scoring(v, '3.1').parts.pop()),
  'Composite.parts[].label': shows('views', (v) => (scoring(v, '3.1').parts[0].label = { vi: 'Kế hoạch năm' })),
  'Composite.parts[].max': shows('records', (v) => (scoring(v, '3.1').parts[0].max = 3)),
  'Composite.parts[].scoring': shows('records', (v) => (scoring(v, '3.1').parts[0].scoring.when.value = false)),
  'BestOf.method': constant,
  'BestOf.options': shows('records', (v) => scoring(v, '3.2').options.pop()),
  'BestOf.options[].label': shows('views', (v) => (scoring(v, '3.2').options[0].label = { vi: 'Theo tỷ lệ hoàn thành' })),
  'BestOf.options[].scoring': shows('records', (v) => (scoring(v, '3.2').options[0].scoring.denominator = 200)),
  'RelativeToBest.method': constant,
  'RelativeToBest.value': shows('records', (v) => (scoring(v, '2.5').value = { fact: 'ty_le' })),
  'RelativeToBest.onZeroDenominator': shows(
    'records',
    (v) => (scoring(v, '2.5').onZeroDenominator = 'full'),
    (_v, subs) => each(subs, (f) => (f.bang_thong = 0)),
  ),
  'Deduction.method': constant,
  'Deduction.fact': shows('records', (v) => (scoring(v, '3.4').fact = 'so_ung_dung')),
  'Deduction.perUnit': shows('records', (v) => (scoring(v, '3.4').perUnit = 0.5)),
  'Deduction.start': shows('records', (v) => {
    scoring(v, '3.3').start = 1.5;
    node(v, '3.3').max = 1.5;
  }),
  'Deduction.floor': shows('records', (v) => (scoring(v, '3.4').floor = -0.5)),
  'NotScored.method': constant,
  'NotScored.facts': shows('findings', (v) => (scoring(v, '3.6').facts = [])),
  'NotApplicable.method': constant,
  'NotApplicable.reason': shows('views', (v) => (scoring(v, '3.7').reason = { vi: 'Không còn áp dụng' })),
  'Manual.method': constant,
  'Manual.fact': shows(
    'records',
    (v) => (scoring(v, '3.5').fact = 'diem_khac'),
    (v) =>
      v.facts.push({
        id: 'diem_khac',
        type: 'number',
        label: { vi: 'Điểm khác' },
        minimum: 0,
        maximum: 5,
        enteredBy: 'evaluator',
        required: false,
      }),
  ),
  'Manual.min': shows('records', (v) => (scoring(v, '3.5').min = 1)),

  'AllCondition.all': shows('records', (v) => scoring(v, '1.1').when.all.push({ fact: 'chu_tri', operator: 'equal', value: 'chu_tich' })),
  'AllCondition.name': metadata((v) => (scoring(v, '1.1').when.name = 'ten-khac')),
  'AnyCondition.any': shows(
    'records',
    (v) => (scoring(v, '1.3').parts[0].when.any = [{ fact: 'chu_tri', operator: 'equal', value: 'khong' }]),
  ),
  'AnyCondition.name': metadata((v) => (scoring(v, '1.3').parts[0].when.name = 'ten-khac')),
  'NotCondition.not': shows('records', (v) => (scoring(v, '1.3').parts[1].when.not.value = 'chu_tich')),
  'NotCondition.name': metadata((v) => (scoring(v, '1.3').parts[1].when.name = 'ten-khac')),
  'FactCondition.fact': shows('records', (v) => (scoring(v, '1.1').when.all[0].fact = 'co_ke_hoach_khac')),
  'FactCondition.path': shows('records', (v) => ((v.cohorts[0].membership as any).any[0].path = '$.name')),
  'FactCondition.operator': shows('records', (v) => (scoring(v, '1.1').when.all[0].operator = 'notEqual')),
  'FactCondition.value': shows('records', (v) => (scoring(v, '1.1').when.all[0].value = false)),
  'FactCondition.value|anyOf2.fact': shows('records', (v) => (scoring(v, '3.8').when.value = { fact: 'co_ke_hoach' })),
  'FactCondition.value|anyOf2.path': shows(
    'records',
    (v) => (scoring(v, '3.8').when.value.path = '$.hang'),
    (v) => (scoring(v, '3.8').when = { fact: 'chu_tri', operator: 'equal', value: { fact: 'agency', path: '$.co_dich_vu_cong' } }),
  ),
  'FactCondition.value|anyOf3.periodDate': shows('records', (v) => (scoring(v, '1.4').when.value.periodDate = '01-31')),
  'FactCondition.value|anyOf3.yearOffset': shows('records', (v) => (scoring(v, '1.4').when.value.yearOffset = 1)),
  'FactCondition.name': metadata((v) => (scoring(v, '1.1').when.all[0].name = 'ten-khac')),

  'TestCase.name': shows('tests', (v) => (v.tests![0].name = 'Tên khác')),
  'TestCase.description': metadata((v) => (v.tests![0].description = 'Mô tả khác')),
  'TestCase.year': shows('tests', (v) => (v.tests![0].year = 2025)),
  'TestCase.agency': shows('tests', (v) => (v.tests![0].agency = { id: 'huyen-a', name: 'UBND huyện A', kind: 'district' })),
  'TestCase.facts': shows('tests', (v) => (v.tests![0].facts.co_ke_hoach = false)),
  'TestCase.peers': shows('tests', (v) => (v.tests![0].peers = [])),
  'TestCase.expect': shows('tests', (v) => (v.tests![0].expect = { cohort: 'huyen' })),
  'TestCase.expect.cohort': shows('tests', (v) => (v.tests![0].expect.cohort = 'huyen')),
  'TestCase.expect.total': shows('tests', (v) => (v.tests![0].expect.total = 1)),
  'TestCase.expect.max': shows('tests', (v) => (v.tests![0].expect.max = 1)),
  'TestCase.expect.percentage': shows('tests', (v) => (v.tests![0].expect.percentage = 1)),
  'TestCase.expect.band': shows('tests', (v) => (v.tests![0].expect.band = 'kha')),
  'TestCase.expect.points': shows('tests', (v) => (v.tests![0].expect.points = { '1.1': 0 })),
  'TestCase.expect.results': shows('tests', (v) => (v.tests![0].expect.results = { chi_so: 1 })),
  'TestCase.expect.average': shows('tests', (v) => (v.tests![0].expect.average = 1)),
  'TestCase.expect.cohortAverages': shows('tests', (v) => (v.tests![0].expect.cohortAverages = { tinh: 1 })),
};

// ---------------------------------------------------------------------------------------------

describe('no silent fields in the rule format', () => {
  const all = properties();

  it('the table covers every property of the schema, and names none that is not there', () => {
    const keys = new Set(all.map((p) => p.key));
    expect(
      all.map((p) => p.key).filter((k) => !(k in TABLE)),
      'properties the table does not cover',
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((k) => !keys.has(k)),
      'table entries for no property',
    ).toEqual([]);
  });

  it('the base version uses every field, lints clean and passes its own test case', async () => {
    const v = everyField();
    expect((await checkVersion(v)).filter((f) => f.severity === 'error')).toEqual([]);
    expect(runTestCases(compileVersion(v)).map((r) => r.passed)).toEqual([true]);
  });

  it.each(all.map((p) => [p.key, p] as const))('%s', async (key, property) => {
    const entry = TABLE[key];
    if (!entry) return; // reported by the coverage test above
    if ('constant' in entry) {
      expect('const' in property.schema, `${key} is declared constant: the schema must allow one value only`).toBe(true);
      return;
    }
    const base = everyField() as Doc;
    const changed = everyField() as Doc;
    const baseSubs = everyFieldSubmissions();
    const subs = everyFieldSubmissions();
    if ('given' in entry && entry.given) {
      entry.given(base, baseSubs);
      entry.given(changed, subs);
    }
    entry.change(changed, subs);
    // The change itself is a valid document: what is observed is the field, not a schema error.
    expect(
      validateVersion(changed).filter((f) => f.severity === 'error'),
      `${key}: the changed document is schema-valid`,
    ).toEqual([]);
    if ('metadata' in entry) {
      expect(typeof property.schema['x-metadata'], `${key} is metadata only: the schema says so ("x-metadata": why)`).toBe('string');
      expect(OBSERVERS.records(changed, subs), `${key} is metadata only: no evaluation changes`).toBe(OBSERVERS.records(base, baseSubs));
      return;
    }
    expect(property.schema['x-metadata'], `${key} is declared metadata only but is observed`).toBeUndefined();
    for (const observer of entry.shows) {
      const before = await OBSERVERS[observer](base, baseSubs);
      const after = await OBSERVERS[observer](changed, subs);
      expect(after, `${key}: changing it changes the ${observer}`).not.toBe(before);
    }
    // And the administrator reviewing the amendment is told of it (test cases are not rules).
    if (!key.startsWith('TestCase.') && key !== '#.tests')
      expect(diffVersions(base, changed).length, `${key}: the diff says that it changed`).toBeGreaterThan(0);
  });
});
