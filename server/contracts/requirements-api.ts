import { z } from 'zod';
import { requirementSetSchema } from './requirements';
import type { Outcome } from '../compliance/types';
import type { RequirementChangePreview } from '../compliance/preview';

// The requirements API: requirement sets per company and project, the preview of a change,
// and the carrier rating table. Request bodies for sets are validated by parseRequirementSet
// (which names every problem with its path); CSV bodies by parseCarriersCsv.

/** Where the requirements in force come from: the project's own set, the company default, or the built-in template. */
export const requirementSources = ['project', 'company', 'built-in'] as const;
export type RequirementSource = (typeof requirementSources)[number];

export const requirementsViewSchema = z.object({
  companyId: z.string(),
  projectId: z.string().nullable(),
  source: z.enum(requirementSources),
  requirements: requirementSetSchema,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type RequirementsView = z.infer<typeof requirementsViewSchema>;

/** One request whose status would move under the proposed set. */
export interface PreviewVendorChange {
  requestId: string;
  vendorId: string;
  vendorName: string;
  projectName: string | null;
  before: Outcome;
  after: Outcome;
}

export interface RequirementsPreview {
  /** The set the proposal is compared with (what is in force now for this scope). */
  currentSource: RequirementSource;
  summary: Omit<RequirementChangePreview, 'changes'>;
  changes: PreviewVendorChange[];
}

/** A failed import answers 400 with details.errors: [{ line, message }] (CsvRowError). */
export const carrierSampleSchema = z.object({ naic: z.string(), name: z.string(), amBest: z.string() });
export const carriersViewSchema = z.object({ count: z.number().int(), sample: z.array(carrierSampleSchema) });
export type CarriersView = z.infer<typeof carriersViewSchema>;
