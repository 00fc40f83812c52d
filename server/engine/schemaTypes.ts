/* eslint-disable */
// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.

/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "FactValue".
 */
export type FactValue = number | boolean | string | null;
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "SubmissionFile".
 */
export type SubmissionFile = SubmissionInput[];
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "FactId".
 */
export type FactId = string;
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Code".
 */
export type Code = string;
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Fact".
 */
export type Fact = {
  id: FactId;
  type: 'number' | 'integer' | 'boolean' | 'enum' | 'date' | 'text';
  label: LocalizedText;
  help?: LocalizedText;
  unit?: LocalizedText;
  minimum?: number;
  maximum?: number;
  atMostFact?: FactId;
  /**
   * @minItems 1
   */
  options?: [Option, ...Option[]];
  required?: boolean;
  /**
   * Whether the agency must attach evidence (tài liệu kiểm chứng) for this value.
   */
  evidence?: 'required' | 'optional' | 'none';
  /**
   * Evaluator-entered facts hold manual scores and appraisal-only data.
   */
  enteredBy?: 'agency' | 'evaluator';
  /**
   * Asked only of agencies in these cohorts; all cohorts when absent.
   */
  cohorts?: Id[];
  source?: LocalizedText;
};
/**
 * A json-rules-engine condition tree.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Condition".
 */
export type Condition = AllCondition | AnyCondition | NotCondition | FactCondition;
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Node".
 */
export type Node = {
  code: Code;
  id?: NodeId;
  /**
   * group → main index (index) → component index (component) → criterion.
   */
  kind: 'group' | 'index' | 'component' | 'criterion';
  title: LocalizedText;
  description?: LocalizedText;
  /**
   * Maximum points. For a parent, must equal the sum of its children unless `capped`.
   */
  max?: number;
  /**
   * Maximum points per cohort where cohorts differ, on any node: a criterion worth 10 for provincial agencies and 15 for districts. Fractions of cases, parts and tiers are fractions of the cohort's maximum.
   */
  maxByCohort?: {
    [k: string]: number;
  };
  /**
   * The children may add up to more than `max`; the parent is capped at `max`.
   */
  capped?: boolean;
  /**
   * Cohorts the node applies to; all when absent.
   *
   * @minItems 1
   */
  cohorts?: [Id, ...Id[]];
  applicableWhen?: Condition;
  /**
   * Article, clause or annex item of the decision.
   */
  legalRef?: string;
  /**
   * True when the item is a plausible sample, not read from the regulation's annex.
   */
  provisional?: boolean;
  /**
   * Where the item comes from, or why it is provisional.
   */
  source?: string;
  evidence?: LocalizedText;
  scoring?: Scoring;
  /**
   * @minItems 1
   */
  children?: [Node, ...Node[]];
  /**
   * The node of an earlier rule set or version this one continues (a DTI 2025 index continuing a DTI 2022 one): the diff pairs them and year-over-year comparisons compare them.
   */
  continues?: {
    ruleSet: Id;
    /**
     * The version continued; any version of the rule set when absent.
     */
    version?: string;
    node: NodeId;
  };
};
/**
 * A node's stable identity: kept when the node is renumbered, moved or copied into a new version.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "NodeId".
 */
export type NodeId = string;
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Scoring".
 */
export type Scoring =
  | YesNo
  | Cases
  | Parts
  | Proportional
  | GatedProportional
  | Tiers
  | CountCap
  | Composite
  | BestOf
  | RelativeToBest
  | Deduction
  | NotScored
  | NotApplicable
  | Manual;
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Case".
 */
export type Case = Points & {
  when: Condition;
  points?: number;
  fraction?: number;
  label: LocalizedText;
};
/**
 * Absolute points, or a fraction of the node's maximum.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Points".
 */
export type Points = {};
/**
 * A number read from the facts: one fact, or the ratio of two (× 100 when percent).
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Quantity".
 */
export type Quantity =
  | {
      fact: FactId;
    }
  | {
      numerator: FactId;
      denominator: FactId | number;
      percent?: boolean;
      /**
       * When the denominator is 0: 0 points, full points, or the item does not apply (it leaves the maximum).
       */
      onZeroDenominator?: 'zero' | 'full' | 'notApplicable';
    };
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Tier".
 */
export type Tier = Points & {
  /**
   * Inclusive lower bound (từ X).
   */
  from?: number;
  /**
   * Exclusive upper bound (đến dưới Y).
   */
  to?: number;
  points?: number;
  fraction?: number;
  label?: LocalizedText;
};

/**
 * A state agency (cơ quan, đơn vị) being assessed. Extra attributes (e.g. hasPublicServices) feed cohort rules.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Agency".
 */
export interface Agency {
  id: string;
  name: string;
  nameEn?: string;
  /**
   * e.g. office, department, board, inspectorate, district, province.
   */
  kind: string;
  [k: string]: string | number | boolean | null | undefined;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "FactValues".
 */
export interface FactValues {
  [k: string]: FactValue;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Evidence".
 */
export interface Evidence {
  kind: 'link' | 'file' | 'explanation';
  url?: string;
  fileId?: string;
  note?: string;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "SubmissionInput".
 */
export interface SubmissionInput {
  agency: Agency;
  facts: FactValues;
  /**
   * Evidence per fact id or criterion code.
   */
  evidence?: {
    [k: string]: Evidence[];
  };
  /**
   * Criteria the evaluator scored 0 for missing evidence: criterion code → the reason.
   */
  zeroed?: {
    [k: string]: string;
  };
  /**
   * True for synthetic demonstration data.
   */
  demo?: boolean;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "LocalizedText".
 */
export interface LocalizedText {
  vi: string;
  en?: string;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "LegalBasis".
 */
export interface LegalBasis {
  /**
   * Number of the decision, e.g. 2245/QĐ-UBND.
   */
  decision: string;
  date: string;
  issuer: string;
  title?: LocalizedText;
  url?: string;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "NumericPolicy".
 */
export interface NumericPolicy {
  /**
   * Always decimal: no binary floating-point drift.
   */
  arithmetic: 'decimal';
  /**
   * Decimal places of published points.
   */
  places: number;
  rounding: 'halfUp' | 'halfEven' | 'down' | 'up';
  /**
   * Round each criterion's points before they are added up.
   */
  roundCriteria?: boolean;
  /**
   * Band and rank on the exact total or on the rounded one.
   */
  classifyOn?: 'exact' | 'rounded';
  /**
   * Deductions never take a group or the total below zero.
   */
  floorAtZero?: boolean;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "AgencyAttribute".
 */
export interface AgencyAttribute {
  /**
   * Attribute name as in the agency records (agency.schema.json allows the same names).
   */
  id: string;
  type: 'text' | 'boolean' | 'number' | 'enum';
  label: LocalizedText;
  options?: Option[];
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Option".
 */
export interface Option {
  value: string;
  label: LocalizedText;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Cohort".
 */
export interface Cohort {
  id: Id;
  name: LocalizedText;
  membership: Condition;
  /**
   * Declared maximum of the cohort (the scale).
   */
  maxScore: number;
  /**
   * False: assessed and banded, but not ranked.
   */
  ranked: boolean;
  bands?: Bands;
  /**
   * rescale: points of applicable items are scaled back to the cohort maximum; reduceMax: the agency's maximum shrinks.
   */
  notApplicable?: 'rescale' | 'reduceMax';
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "AllCondition".
 */
export interface AllCondition {
  /**
   * @minItems 1
   */
  all: [Condition, ...Condition[]];
  name?: string;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "AnyCondition".
 */
export interface AnyCondition {
  /**
   * @minItems 1
   */
  any: [Condition, ...Condition[]];
  name?: string;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "NotCondition".
 */
export interface NotCondition {
  not: Condition;
  name?: string;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "FactCondition".
 */
export interface FactCondition {
  fact: string;
  path?: string;
  /**
   * A json-rules-engine operator (equal, in, greaterThanInclusive …, optionally decorated: not:equal, everyFact:in …) or one of ours: dateBefore, dateOnOrBefore, dateAfter, dateOnOrAfter, dateEqual.
   */
  operator: string;
  value:
    | (string | number | boolean | null)
    | (string | number | boolean)[]
    | {
        fact: string;
        path?: string;
      }
    | {
        /**
         * Month and day, MM-DD.
         */
        periodDate: string;
        yearOffset?: number;
      };
  name?: string;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Bands".
 */
export interface Bands {
  /**
   * Thresholds on the total points or on the percentage of the maximum.
   */
  basis: 'points' | 'percentage';
  /**
   * Highest band first; each band covers [min, min of the band above).
   *
   * @minItems 1
   */
  levels: [Band, ...Band[]];
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Band".
 */
export interface Band {
  id: Id;
  label: LocalizedText;
  /**
   * Inclusive lower bound.
   */
  min: number;
  color?: string;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "RankingPolicy".
 */
export interface RankingPolicy {
  by: 'total' | 'percentage';
  order?: 'descending';
  /**
   * Tied agencies share a rank and the next rank is skipped (1, 2, 2, 4).
   */
  ties?: 'shareAndSkip';
  tieBreakers?: {
    node: Code;
    order?: 'descending' | 'ascending';
  }[];
  /**
   * The published overall average: the mean of the cohorts' means (Son La 2024: (73.2 + 76.4) ÷ 2 = 74.8), or the mean over every unit.
   */
  average?: 'meanOfCohortMeans' | 'meanOfUnits';
}
/**
 * A published figure derived from the result, e.g. the DTI value = total × 0.001 to 4 places.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "ResultField".
 */
export interface ResultField {
  id: FactId;
  label: LocalizedText;
  source: 'total' | 'percentage';
  multiplier: number;
  places: number;
  rounding?: 'halfUp' | 'halfEven' | 'down' | 'up';
}
/**
 * Condition met → full points, else 0.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "YesNo".
 */
export interface YesNo {
  method: 'yesNo';
  when: Condition;
}
/**
 * Partial credit by case: the first case that holds gives its points; none → 0.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Cases".
 */
export interface Cases {
  method: 'cases';
  /**
   * @minItems 1
   */
  cases: [Case, ...Case[]];
}
/**
 * Additive parts: every part that holds adds its points; capped at the maximum.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Parts".
 */
export interface Parts {
  method: 'parts';
  /**
   * @minItems 1
   */
  parts: [Case, ...Case[]];
}
/**
 * points = numerator ÷ denominator × max.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Proportional".
 */
export interface Proportional {
  method: 'proportional';
  numerator: FactId;
  denominator: FactId | number;
  /**
   * When the denominator is 0: 0 points, full points, or the item does not apply (it leaves the maximum).
   */
  onZeroDenominator?: 'zero' | 'full' | 'notApplicable';
}
/**
 * Below the gate ratio → 0, else numerator ÷ denominator × max.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "GatedProportional".
 */
export interface GatedProportional {
  method: 'gatedProportional';
  numerator: FactId;
  denominator: FactId | number;
  /**
   * Minimum ratio (inclusive) for any points.
   */
  gate: number;
  /**
   * When the denominator is 0: 0 points, full points, or the item does not apply (it leaves the maximum).
   */
  onZeroDenominator?: 'zero' | 'full' | 'notApplicable';
}
/**
 * The first tier whose [from, to) holds the value gives its points; none → 0.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Tiers".
 */
export interface Tiers {
  method: 'tiers';
  value: Quantity;
  /**
   * @minItems 1
   */
  tiers: [Tier, ...Tier[]];
}
/**
 * count × unit points, at most the cap (default: the maximum).
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "CountCap".
 */
export interface CountCap {
  method: 'countCap';
  fact: FactId;
  unit: number;
  cap?: number;
}
/**
 * Sum of sub-formulas, each against its own maximum; capped at the node's maximum.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Composite".
 */
export interface Composite {
  method: 'composite';
  /**
   * @minItems 1
   */
  parts: [
    {
      label: LocalizedText;
      max: number;
      scoring: Scoring;
    },
    ...{
      label: LocalizedText;
      max: number;
      scoring: Scoring;
    }[]
  ];
}
/**
 * Each alternative is scored against the node's maximum; the highest counts.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "BestOf".
 */
export interface BestOf {
  method: 'bestOf';
  /**
   * @minItems 1
   */
  options: [
    {
      label: LocalizedText;
      scoring: Scoring;
    },
    ...{
      label: LocalizedText;
      scoring: Scoring;
    }[]
  ];
}
/**
 * value ÷ best value in the cohort × max; needs the whole cohort.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "RelativeToBest".
 */
export interface RelativeToBest {
  method: 'relativeToBest';
  value: Quantity;
  /**
   * When the best value of the cohort is 0 (or nobody has one): 0 points, full points, or the item does not apply.
   */
  onZeroDenominator?: 'zero' | 'full' | 'notApplicable';
}
/**
 * −perUnit per counted event, from `start` (0 by default), never below `floor`: "2 points, −0.25 per late report, not below 0" is start 2, perUnit 0.25, floor 0. The item adds `start` to its parent's maximum.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Deduction".
 */
export interface Deduction {
  method: 'deduction';
  fact: FactId;
  perUnit: number;
  /**
   * Points before any deduction; the node's maximum when above 0.
   */
  start?: number;
  /**
   * The lowest points the item can reach, at most `start`.
   */
  floor: number;
}
/**
 * Collected for information, weight 0.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "NotScored".
 */
export interface NotScored {
  method: 'notScored';
  facts?: FactId[];
}
/**
 * The item is kept for its numbering but does not apply; it leaves the maximum.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "NotApplicable".
 */
export interface NotApplicable {
  method: 'notApplicable';
  reason: LocalizedText;
}
/**
 * Points given by the evaluator in an evaluator-entered fact, within [min, max].
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "Manual".
 */
export interface Manual {
  method: 'manual';
  fact: FactId;
  min?: number;
}
/**
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "TestCase".
 */
export interface TestCase {
  name: string;
  description?: string;
  /**
   * The assessed year (dates relative to it); the year the version takes effect when absent.
   */
  year?: number;
  agency: Agency;
  facts: FactValues;
  /**
   * Other submissions of the same cohort, for methods that compare with the best.
   */
  peers?: SubmissionInput[];
  expect: {
    cohort?: string | null;
    total?: number;
    max?: number;
    percentage?: number;
    band?: string | null;
    points?: {
      [k: string]: number;
    };
    results?: {
      [k: string]: number;
    };
    /**
     * The overall average of the case and its peers, as the ranking policy declares it.
     */
    average?: number;
    /**
     * Each cohort's average over the case and its peers.
     */
    cohortAverages?: {
      [k: string]: number;
    };
  };
}
/**
 * One version of a rule set (bộ chỉ số): everything a regulation decides — facts, cohorts, criteria tree with scoring methods, bands, ranking, numeric policy and embedded test cases.
 *
 * This interface was referenced by `ChisoSchemas`'s JSON-Schema
 * via the `definition` "RuleSetVersion".
 */
export interface RuleSetVersion {
  /**
   * Version of this document format.
   */
  schemaVersion: 1;
  ruleSet: Id;
  ruleSetTitle?: LocalizedText;
  /**
   * Version label, unique within the rule set, e.g. 2021.1.
   */
  version: string;
  title: LocalizedText;
  legalBasis: LegalBasis;
  /**
   * Period in which the version is in force; `to` is inclusive and open-ended when absent.
   */
  effective: {
    from: string;
    to?: string;
  };
  changeNote?: LocalizedText;
  numeric: NumericPolicy;
  /**
   * Attributes of an agency that cohort rules and applicability conditions may read (fact `agency`, path `$.name`).
   */
  agencyAttributes?: AgencyAttribute[];
  facts: Fact[];
  /**
   * @minItems 1
   */
  cohorts: [Cohort, ...Cohort[]];
  bands: Bands;
  ranking: RankingPolicy;
  resultFields?: ResultField[];
  /**
   * @minItems 1
   */
  criteria: [Node, ...Node[]];
  tests?: TestCase[];
}
