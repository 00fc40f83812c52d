// The shape of what the engine produces. These types are the contract between the engine,
// the server (which stores them), the console (which shows them) and the exports.
import type { Band, FactValue, LocalizedText } from './schemaTypes';

export type NodeStatus = 'scored' | 'notApplicable' | 'notScored';

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

/** What the engine did for one criterion: enough for a person to recompute it by hand. */
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
  explanation?: LocalizedText;
  trace?: CriterionTrace;
  children?: NodeResult[];
}

export interface BandResult {
  id: string;
  label: LocalizedText;
  color?: string;
}

export interface EvaluationHashes {
  /** SHA-256 of the canonical JSON of the submission (and the cohort values it was compared with). */
  input: string;
  /** SHA-256 of the canonical JSON of the rule-set version. */
  version: string;
  /** SHA-256 of the canonical JSON of this evaluation without its hashes. */
  result: string;
}

export interface EvaluationContext {
  /** Best value in the cohort per relative-to-best slot, as exact decimal text. */
  best: Record<string, string>;
}

export interface Evaluation {
  agencyId: string;
  agencyName: string;
  ruleSet: string;
  version: string;
  /** Cohort id, or null when the agency falls in no cohort of the version (then nothing is scored). */
  cohort: string | null;
  total: number;
  totalExact: string;
  /** The agency's maximum: the cohort's maximum, or less under `reduceMax` when items do not apply. */
  max: number;
  /** total ÷ max × 100, rounded per the numeric policy. */
  percentage: number;
  band: BandResult | null;
  /** The version's own result fields, e.g. { dti: 0.8002 }. */
  results: Record<string, number>;
  nodes: NodeResult[];
  /**
   * Under `rescale`, the applicable maximum the raw points were scaled from
   * (total = raw × cohort maximum ÷ rescaledFrom). Absent when nothing was rescaled.
   */
  rescaledFrom?: number;
  /** What the evaluation read beyond the submission: the cohort's best values (relative-to-best). */
  context: EvaluationContext;
  engineVersion: string;
  hashes: EvaluationHashes;
}

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
  /** Mean of the cohort means (how Son La publishes its provincial average). */
  average: number;
  /** SHA-256 of the canonical JSON of this ranking without the hash. */
  hash: string;
}

export type { Band };
