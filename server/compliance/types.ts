import type { AmBest } from './am-best';

// The evaluator's input context and output verdict. Kept free of zod so that callers
// (services, the review screen, the bench) can depend on the shapes alone.

export interface Carrier {
  naic: string;
  name: string;
  amBest: AmBest;
}

/** Keyed by NAIC number exactly as printed (5 digits, or AA-nnnnnnn for alien insurers). */
export type CarrierTable = ReadonlyMap<string, Carrier>;

export interface EvaluationContext {
  /** YYYY-MM-DD; the evaluator never reads the clock. */
  today: string;
  projectStart?: string | null;
  projectEnd?: string | null;
  /** YYYY-MM-DD the project closed (Procore: inactive); starts the requirement set's completed-operations tail. */
  projectClosedOn?: string | null;
  projectName?: string | null;
  trade?: string | null;
  commitmentValue?: number | null;
  /** The subcontract's legal entity; the named insured is checked only when this is given. */
  vendorName?: string | null;
  /** Without a table the carrier rating check is skipped (and listed in skippedChecks). */
  carriers?: CarrierTable;
  /** Reader confidence below this for a deciding value sends the certificate to review. Default CONFIDENT (0.8). */
  confidenceThreshold?: number;
  /** Pointers a person corrected or confirmed: firm whatever the reader thought of them. */
  confirmed?: ReadonlySet<string>;
  /**
   * A person has looked the whole certificate over and said so: doubts about the reading as a
   * whole (layout, coverage grid) no longer hold the verdict. Doubts about single values still do.
   */
  reviewFinished?: boolean;
}

export type Outcome = 'compliant' | 'deficient' | 'needs_review';
export type Scalar = string | number | boolean | null;

export interface Deficiency {
  code: string;
  line: string | null;
  /** JSON pointer into the extraction, so the review screen can show the spot. */
  field: string | null;
  required: Scalar;
  found: Scalar;
  message: string;
}

export interface ReviewReason {
  code: string;
  line: string | null;
  field: string | null;
  message: string;
}

export interface Verdict {
  /**
   * deficient wins over needs_review: a firm shortfall already means a new certificate is needed.
   * Except while the reading as a whole is in doubt (layout not recognised, coverage grid
   * unreadable): the shortfalls found may be wrong or incomplete, so a person looks first.
   * Every deficiency rests on firm values; one that would rest on a doubtful value is a review reason.
   */
  outcome: Outcome;
  deficiencies: Deficiency[];
  reviewReasons: ReviewReason[];
  tier: string | null;
  requirementSet: string;
  /** The context date the verdict was reached for. */
  checkedAt: string;
  /** Checks that could not run for lack of context (e.g. no carrier table). */
  skippedChecks: string[];
}

/** Every deficiency code the evaluator can produce (stable: stored and shown to users). */
export const deficiencyCodes = [
  'line_missing',
  'insurer_missing',
  'limit_below_minimum',
  'policy_not_yet_effective',
  'policy_expired',
  'policy_expires_soon',
  'certificate_date_in_future',
  'claims_made',
  'per_project_aggregate_missing',
  'additional_insured_missing',
  'waiver_missing',
  'primary_noncontributory_missing',
  'endorsement_missing',
  'auto_symbols_insufficient',
  'wc_not_statutory',
  'umbrella_not_follow_form',
  'carrier_rating_below_minimum',
  'carrier_unrated',
  'holder_mismatch',
  'holder_address_mismatch',
  'insured_mismatch',
  'description_missing_wording',
] as const;

/** Every review-reason code: why a person must look before a verdict is final. */
export const reviewCodes = [
  'not_a_certificate',
  'value_missing',
  'low_confidence',
  'dates_inconsistent',
  'auto_split_limits',
  'wc_excluded_officers',
  'surplus_lines_insurer',
  'carrier_unrated',
  'holder_uncertain',
  'insured_uncertain',
  'layout_unrecognised',
  'coverage_unreadable',
] as const;
