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
  projectName?: string | null;
  trade?: string | null;
  commitmentValue?: number | null;
  /** The subcontract's legal entity; the named insured is checked only when this is given. */
  vendorName?: string | null;
  /** Without a table the carrier rating check is skipped (and listed in skippedChecks). */
  carriers?: CarrierTable;
  /** Reader confidence below this for a deciding value sends the certificate to review. Default 0.8. */
  confidenceThreshold?: number;
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
  /** deficient wins over needs_review: a firm shortfall already means a new certificate is needed. */
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
