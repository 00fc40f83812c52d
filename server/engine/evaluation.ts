// The shape of what the engine produces, the contract between the engine, the server (which stores
// records), the console (which shows views) and the exports.
//
// - An Evaluation is the record that is stored and hashed: points per node, status, what each
//   criterion read and decided, totals, the band as published (id and label), hashes. It repeats no
//   node titles or wording the version holds, and its keys are written in canonical order.
// - An EvaluationView is what a person reads: the record with titles, band labels, an explanation
//   per criterion and the trace in words and numbers, rendered from the record and the version by
//   explainEvaluation (explain.ts), in Node and in the browser alike. Records stored by engine 1
//   already have this shape.
import type { FactValue, LocalizedText } from './schemaTypes';
import type { LeafRecord } from './conditions/compile';

export type { LeafRecord };
export type NodeStatus = 'scored' | 'notApplicable' | 'notScored';

/** What a criterion read and decided, enough to recompute its points by hand. */
export interface TraceRecord {
  /** Leaves of the applicability condition when the item was found not to apply ([] when a parent did not apply). */
  applicability?: LeafRecord[];
  /** Every leaf of the method's conditions, in document order. */
  conditions?: LeafRecord[];
  /** Indices of the case, the parts, the tier or the option that decided the points. */
  matched?: number[];
  /** Traces of nested scorings: composite parts, best-of options. */
  parts?: TraceRecord[];
  /** Points of a nested scoring, exact. */
  points?: string;
  /** Facts read as numbers (absent as null). */
  read?: Record<string, FactValue | null>;
}

export interface NodeRecord {
  children?: NodeRecord[];
  code: string;
  /** The node's stable id, where it has one besides its code. */
  id?: string;
  /** This agency's maximum for the node (0 when it does not apply). */
  max: number;
  /** Exact points, as decimal text. */
  points: string;
  /** Absent when scored. */
  status?: Exclude<NodeStatus, 'scored'>;
  trace?: TraceRecord;
  /** Scored 0 by the evaluator for missing evidence: the reason (the trace still shows what the method gave). */
  zeroed?: string;
}

export interface EvaluationHashes {
  /** SHA-256 of the canonical JSON of the submission (and the cohort values it was compared with). */
  input: string;
  /** SHA-256 of the canonical JSON of the rule-set version. */
  version: string;
  /** SHA-256 of the canonical JSON of this evaluation without its result hash. */
  result: string;
}

export interface EvaluationContext {
  /** Best value in the cohort per relative-to-best slot, as exact decimal text. */
  best: Record<string, string>;
  /** The assessed year, when a condition compares with a date of it. */
  year?: number;
}

/** What every evaluation says, in the record and in the view alike. */
interface EvaluationHead {
  agencyId: string;
  agencyName: string;
  ruleSet: string;
  version: string;
  /** Cohort id, or null when the agency falls in no cohort of the version (then nothing is scored). */
  cohort: string | null;
  /** The total rounded per the numeric policy. */
  total: number;
  totalExact: string;
  /** The agency's maximum: the cohort's maximum, or less under `reduceMax` when items do not apply. */
  max: number;
  /** total ÷ max × 100, rounded per the numeric policy. */
  percentage: number;
  /** The band reached, with its label as published; null below every band. */
  band: BandResult | null;
  /** The version's own result fields, e.g. { dti: 0.8002 }. */
  results: Record<string, number>;
  /** Under `rescale`, the applicable maximum the raw points were scaled from. */
  rescaledFrom?: number;
  /** What the evaluation read beyond the submission: the cohort's best values (relative-to-best). */
  context: EvaluationContext;
  engineVersion: string;
  hashes: EvaluationHashes;
}

/** The stored record of one submission evaluated under one version. */
export interface Evaluation extends EvaluationHead {
  nodes: NodeRecord[];
}

/** A cohort ranking needs no trace: what the scoring-only path gives for one submission. */
export interface Score extends Pick<
  EvaluationHead,
  'agencyId' | 'agencyName' | 'cohort' | 'total' | 'totalExact' | 'max' | 'percentage' | 'band' | 'results'
> {
  /** Exact points of the ranking's tie-breaker nodes, in their order. */
  tieBreakers: string[];
}

// ——— views ———

/** One condition of a json-rules-engine tree as it was evaluated for one submission. */
export interface ConditionTrace {
  fact: string;
  path?: string;
  operator: string;
  /** The value compared against (after resolving a fact reference). */
  value: unknown;
  /** The value read from the facts. */
  factValue: unknown;
  holds: boolean;
}

/** A criterion's trace in words and numbers. */
export interface CriterionTrace {
  method: string;
  /** Fact values the criterion read. */
  values: Record<string, FactValue | undefined>;
  /** Every leaf condition, whether or not it decided the outcome. */
  conditions: ConditionTrace[];
  /** The case, part(s), tier or option that decided the points, by index and label. */
  matched?: { index: number; label?: LocalizedText }[];
  /** The arithmetic as written out, e.g. "41 ÷ 50 × 20 = 16.4". */
  formula?: string;
  /** For relative-to-best: the best value in the cohort. */
  best?: string;
  /** Sub-traces of composite and best-of methods. */
  parts?: CriterionTrace[];
}

export interface NodeResult {
  code: string;
  id?: string;
  kind: 'group' | 'index' | 'component' | 'criterion';
  title: LocalizedText;
  status: NodeStatus;
  /** Points rounded per the numeric policy. */
  points: number;
  /** Exact decimal points, as a string. */
  pointsExact: string;
  /** This agency's maximum for the node (0 when not applicable). */
  max: number;
  provisional?: boolean;
  /** The article, clause or annex item of the decision, and the evidence the agency provides for it. */
  legalRef?: string;
  evidence?: LocalizedText;
  explanation?: LocalizedText;
  /** Scored 0 by the evaluator for missing evidence: the reason. */
  zeroed?: string;
  trace?: CriterionTrace;
  children?: NodeResult[];
}

export interface BandResult {
  id: string;
  label: LocalizedText;
  color?: string;
}

/** An evaluation as a person reads it (and as engine 1 stored it). */
export interface EvaluationView extends EvaluationHead {
  nodes: NodeResult[];
}

// ——— rankings ———

export interface RankingEntry {
  agencyId: string;
  agencyName: string;
  /** null when the cohort is assessed but not ranked. */
  rank: number | null;
  total: number;
  percentage: number;
  band: BandResult | null;
  results: Record<string, number>;
}

export interface CohortRanking {
  cohort: string;
  name: LocalizedText;
  ranked: boolean;
  max: number;
  /** Mean of the cohort's totals, rounded per the numeric policy. */
  average: number;
  entries: RankingEntry[];
}

export interface Ranking {
  ruleSet: string;
  version: string;
  versionHash: string;
  cohorts: CohortRanking[];
  /** The overall average as the version declares it (ranking.average): the mean of the cohort means (how Son La publishes it) or of all units. */
  average: number;
  /** SHA-256 of the canonical JSON of this ranking without the hash. */
  hash: string;
}
