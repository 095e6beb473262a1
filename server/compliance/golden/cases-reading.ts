import type { Extraction, Reading } from '../../contracts/extraction';
import type { CaseDef } from './case-types';
import { policy, removeForm, removeRemark } from './case-types';

// How far the reading as a whole can be trusted (extraction.reading), and deciding values the
// reader was unsure of beyond the one a finding points at. A deficiency may reach the sub only
// when every value deciding it is firm; otherwise a person looks first.

const noRows = 'Lines are marked in the coverage grid, but no policy rows could be read.';
const fewRows = 'Four lines are marked in the coverage grid, but only one policy row could be read';
const notFitted = 'The pages could not be fitted to the ACORD 25 form.';
const followForm = 'Umbrella follows form over general liability, automobile liability and employers liability.';
const perProject = 'General aggregate applies per project (CG 25 03).';
const holder = { name: 'Harbor Point Builders LLC' };
/** A short GL limit decides its deficiency together with the umbrella limit that cannot make it up. */
const shortfallValues = ['/policies/0/limits/eachOccurrence', '/policies/2/limits/eachOccurrence'];

function read(e: Extraction, reading: Reading): void {
  e.reading = reading;
}

const unreadable = (e: Extraction, why = noRows) => read(e, { layout: 'acord25', coverage: 'unreadable', reasons: [why] });
const unrecognised = (e: Extraction) => read(e, { layout: 'unrecognised', coverage: 'read', reasons: [notFitted] });

export const readingCases: CaseDef[] = [
  {
    name: 'coverage-unreadable-no-rows',
    about: 'The grid could not be read: no line is called missing; each is a point for a person.',
    change: (e) => {
      unreadable(e);
      e.policies = [];
    },
    want: {
      outcome: 'needs_review',
      d: [],
      r: ['coverage_unreadable', 'coverage_unreadable', 'coverage_unreadable', 'coverage_unreadable', 'coverage_unreadable', 'coverage_unreadable'],
    },
  },
  {
    name: 'coverage-unreadable-short-row',
    about: 'Only a GL row was read from a doubtful grid, and it is short: neither the shortfall nor the absent lines reach the sub.',
    change: (e) => {
      unreadable(e, fewRows);
      e.policies = e.policies.filter((p) => p.line === 'general_liability');
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
    },
    want: {
      outcome: 'needs_review',
      d: [],
      r: ['coverage_unreadable', 'coverage_unreadable', 'coverage_unreadable', 'coverage_unreadable', 'coverage_unreadable', 'coverage_unreadable'],
    },
  },
  {
    name: 'coverage-unreadable-holder-mismatch',
    about: 'A firm holder mismatch on a certificate whose grid is in doubt: listed, but held for a person.',
    requirements: (s) => {
      s.certificateHolder = holder;
    },
    change: (e) => {
      unreadable(e);
      e.certificateHolder = { name: 'Riverside Health Partners', address: null };
    },
    want: { outcome: 'needs_review', d: ['holder_mismatch'], r: ['coverage_unreadable'] },
  },
  {
    name: 'coverage-unreadable-review-finished',
    about: 'The same certificate after a person finished reviewing it: the firm mismatch is a deficiency.',
    requirements: (s) => {
      s.certificateHolder = holder;
    },
    context: { reviewFinished: true },
    change: (e) => {
      unreadable(e);
      e.certificateHolder = { name: 'Riverside Health Partners', address: null };
    },
    want: { outcome: 'deficient', d: ['holder_mismatch'], r: [] },
  },
  {
    name: 'layout-unrecognised',
    about: 'Values that all meet the requirements, read from a layout the reader did not recognise.',
    change: unrecognised,
    want: { outcome: 'needs_review', d: [], r: ['layout_unrecognised'] },
  },
  {
    name: 'layout-unrecognised-shortfall',
    about: 'A short GL limit read from an unrecognised layout is a point for a person, not a deficiency.',
    change: (e) => {
      unrecognised(e);
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
    },
    want: { outcome: 'needs_review', d: [], r: ['layout_unrecognised', 'layout_unrecognised'] },
  },
  {
    name: 'layout-unrecognised-confirmed',
    about: 'A person confirmed the short limit and the umbrella limit that cannot make it up, but has not finished reviewing: listed, still held.',
    context: { confirmed: shortfallValues },
    change: (e) => {
      unrecognised(e);
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
    },
    want: { outcome: 'needs_review', d: ['limit_below_minimum'], r: ['layout_unrecognised'] },
  },
  {
    name: 'layout-unrecognised-confirmed-review-finished',
    about: 'Both values confirmed by a person who then finished reviewing: deficient.',
    context: { confirmed: shortfallValues, reviewFinished: true },
    change: (e) => {
      unrecognised(e);
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
    },
    want: { outcome: 'deficient', d: ['limit_below_minimum'], r: [] },
  },
  {
    name: 'layout-unrecognised-review-finished-unconfirmed',
    about: 'Finishing the review does not vouch for a shortfall nobody confirmed.',
    context: { reviewFinished: true },
    change: (e) => {
      unrecognised(e);
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
    },
    want: { outcome: 'needs_review', d: [], r: ['layout_unrecognised'] },
  },
  {
    name: 'reading-sound',
    about: 'Read from the form with a readable grid and high confidence: the shortfall is a deficiency.',
    change: (e) => {
      read(e, { layout: 'acord25', coverage: 'read', reasons: [] });
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
    },
    want: { outcome: 'deficient', d: ['limit_below_minimum'], r: [] },
  },
  {
    name: 'low-confidence-row-kind',
    about: 'No GL row, but the reader was unsure what kind of row the first one is.',
    change: (e) => {
      policy(e, 'general_liability').line = 'other';
      e.fields = { '/policies/0/line': { page: 1, confidence: 0.5 } };
    },
    want: { outcome: 'needs_review', d: [], r: ['low_confidence'] },
  },
  {
    name: 'low-confidence-insurer-list',
    about: 'GL names insurer E, but the reader was unsure of the insurers it listed.',
    change: (e) => {
      policy(e, 'general_liability').insurerLetter = 'E';
      e.fields = { '/insurers/3/letter': { page: 1, confidence: 0.4 } };
    },
    want: { outcome: 'needs_review', d: [], r: ['low_confidence'] },
  },
  {
    name: 'low-confidence-endorsement-list',
    about: 'CG 20 37 not found, but the reader was unsure of one of the forms it did find.',
    change: (e) => {
      removeForm(e, 'CG 20 37');
      e.descriptionOfOperations = (e.descriptionOfOperations ?? '').replace(', CG 20 37 04 13', '');
      e.fields = { '/endorsementForms/0/form': { page: 1, confidence: 0.5 } };
    },
    want: { outcome: 'needs_review', d: [], r: ['low_confidence'] },
  },
  {
    name: 'low-confidence-endorsement-aggregate',
    about: 'Aggregate per location and no CG 25 03 found, but the reader was unsure of the forms list.',
    change: (e) => {
      policy(e, 'general_liability').aggregateAppliesPer = 'location';
      removeRemark(e, perProject);
      removeForm(e, 'CG 25 03');
      e.fields = { '/endorsementForms/0/form': { page: 1, confidence: 0.5 } };
    },
    want: { outcome: 'needs_review', d: [], r: ['low_confidence'] },
  },
  {
    name: 'low-confidence-top-up-remarks',
    about: 'GL short; the umbrella could make it up if it follows form, and the remarks that would say so were read unsure.',
    change: (e) => {
      policy(e, 'general_liability').limits.eachOccurrence = 500_000;
      policy(e, 'umbrella_liability').limits = { eachOccurrence: 6_000_000, aggregate: 6_000_000 };
      removeRemark(e, followForm);
      e.fields = { '/descriptionOfOperations': { page: 1, confidence: 0.5 } };
    },
    want: { outcome: 'needs_review', d: [], r: ['low_confidence', 'low_confidence'] },
  },
  {
    name: 'low-confidence-insurer-letter-carrier',
    about: 'The GL carrier is rated too low, but the letter tying GL to it was read unsure.',
    change: (e) => {
      e.insurers[0] = { letter: 'A', name: 'Lowland Fire & Casualty, Inc.', naic: '55501' };
      e.fields = { '/policies/0/insurerLetter': { page: 1, confidence: 0.5 } };
    },
    want: { outcome: 'needs_review', d: [], r: ['low_confidence', 'low_confidence'] },
  },
];
