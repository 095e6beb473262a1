import type { CaseDef } from './case-types';
import { policy } from './case-types';

// Certificate-wide rules: form, certificate date, holder, insured, remarks, carriers.

const holder = { name: 'Harbor Point Builders LLC', address: { line1: '1200 Commerce St., Ste 400', city: 'Boston', state: 'MA', postalCode: '02110-1345' } };

export const certificateCases: CaseDef[] = [
  { name: 'compliant-standard', about: 'Meets every default requirement (standard tier).', want: { outcome: 'compliant', d: [], r: [], tier: null } },
  {
    name: 'not-a-certificate',
    about: 'No recognisable form: review, not a crash or a guess.',
    change: (e) => {
      e.form = null;
      e.policies = [];
    },
    want: { outcome: 'needs_review', d: [], r: ['not_a_certificate'] },
  },
  {
    name: 'other-acord-form',
    about: 'An ACORD 24 property certificate is not a liability certificate.',
    change: (e) => {
      e.form = 'ACORD 24';
    },
    want: { outcome: 'needs_review', d: [], r: ['not_a_certificate'] },
  },
  {
    name: 'certificate-date-in-future',
    about: 'Certificate dated after today.',
    change: (e) => {
      e.certificateDate = '2025-03-20';
    },
    want: { outcome: 'deficient', d: ['certificate_date_in_future'], r: [] },
  },
  {
    name: 'certificate-date-missing',
    about: 'The DATE box could not be read.',
    change: (e) => {
      e.certificateDate = null;
    },
    want: { outcome: 'needs_review', d: [], r: ['value_missing'] },
  },
  {
    name: 'holder-matches-normalised',
    about: 'Holder name and address match despite case, punctuation, suffix and street abbreviations.',
    requirements: (s) => {
      s.certificateHolder = { name: 'HARBOR POINT BUILDERS', address: holder.address };
    },
    change: (e) => {
      e.certificateHolder = { name: 'Harbor Point Builders, LLC', address: { line1: '1200 Commerce Street Suite 400', city: 'BOSTON', state: 'MA', postalCode: '02110' } };
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'holder-mismatch',
    about: 'Certificate made out to the owner instead of the GC.',
    requirements: (s) => {
      s.certificateHolder = holder;
    },
    change: (e) => {
      e.certificateHolder.name = 'Riverside Health Partners';
    },
    want: { outcome: 'deficient', d: ['holder_mismatch'], r: [] },
  },
  {
    name: 'holder-address-mismatch',
    about: 'Right holder name, wrong postal code.',
    requirements: (s) => {
      s.certificateHolder = holder;
    },
    change: (e) => {
      e.certificateHolder.address = { line1: '1200 Commerce Street, Suite 400', city: 'Boston', state: 'MA', postalCode: '02111' };
    },
    want: { outcome: 'deficient', d: ['holder_address_mismatch'], r: [] },
  },
  {
    name: 'holder-uncertain',
    about: 'Holder shares some words with the required name: a person decides.',
    requirements: (s) => {
      s.certificateHolder = { name: 'Harbor Point Builders LLC' };
    },
    change: (e) => {
      e.certificateHolder.name = 'Harbor Point Construction Group';
    },
    want: { outcome: 'needs_review', d: [], r: ['holder_uncertain'] },
  },
  {
    name: 'insured-dba-matches',
    about: 'Named insured with a DBA matches the vendor on the DBA name.',
    change: (e) => {
      e.insured.name = 'Apex Holdings LLC DBA Apex Mechanical';
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'insured-mismatch',
    about: 'Certificate is for a different company.',
    change: (e) => {
      e.insured.name = 'Summit Plumbing LLC';
    },
    want: { outcome: 'deficient', d: ['insured_mismatch'], r: [] },
  },
  {
    name: 'insured-uncertain',
    about: 'Named insured resembles the vendor: a person decides.',
    change: (e) => {
      e.insured.name = 'Apex Mechanical Services Group';
    },
    want: { outcome: 'needs_review', d: [], r: ['insured_uncertain'] },
  },
  {
    name: 'insured-not-checked-without-vendor',
    about: 'Without a vendor name in context the insured is not compared.',
    change: (e) => {
      e.insured.name = 'Summit Plumbing LLC';
    },
    context: { vendorName: null },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'description-missing-project',
    about: 'Remarks do not name the project.',
    context: { projectName: 'Lakeside Parking Garage' },
    want: { outcome: 'deficient', d: ['description_missing_wording'], r: [] },
  },
  {
    name: 'description-fuzzy-match',
    about: 'Required phrases found despite an OCR typo, "&" and different case.',
    requirements: (s) => {
      s.descriptionMustContain = ['Harbor Point Builders, LLC', 'Riverside Health & Partners'];
    },
    change: (e) => {
      e.descriptionOfOperations = (e.descriptionOfOperations ?? '').replace('Riverside Medical', 'RIVERSDE MEDICAL');
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'description-missing-owner',
    about: 'A required party (the owner) is not named in the remarks.',
    requirements: (s) => {
      s.descriptionMustContain = ['Harbor Point Builders', 'Riverside Health Partners'];
    },
    change: (e) => {
      e.descriptionOfOperations = (e.descriptionOfOperations ?? '').replace(' and Riverside Health Partners are', ' is');
    },
    want: { outcome: 'deficient', d: ['description_missing_wording'], r: [] },
  },
  {
    name: 'description-no-project-in-context',
    about: 'Project name check skipped (and said so) when the context has none.',
    context: { projectName: null },
    want: { outcome: 'compliant', d: [], r: [], skipped: ['project_name_in_description'] },
  },
  {
    name: 'carrier-rating-below-minimum',
    about: 'GL carrier rated B++ IX against an A- VII floor.',
    change: (e) => {
      e.insurers[0] = { letter: 'A', name: 'Lowland Fire & Casualty, Inc.', naic: '55501' };
    },
    want: { outcome: 'deficient', d: ['carrier_rating_below_minimum'], r: [] },
  },
  {
    name: 'carrier-size-class-below-minimum',
    about: 'Letter grade A is fine but size class VI is below VII.',
    change: (e) => {
      e.insurers[0] = { letter: 'A', name: 'Thinline Specialty Insurance Co', naic: '55502' };
    },
    want: { outcome: 'deficient', d: ['carrier_rating_below_minimum'], r: [] },
  },
  {
    name: 'carrier-not-in-table-review',
    about: 'Carrier missing from the rating table: review (default setting).',
    change: (e) => {
      e.insurers[1] = { letter: 'B', name: 'Unknown Mutual', naic: '99999' };
    },
    want: { outcome: 'needs_review', d: [], r: ['carrier_unrated'] },
  },
  {
    name: 'carrier-not-in-table-deficiency',
    about: 'Carrier missing from the table with unratedCarrier = deficiency.',
    requirements: (s) => {
      s.unratedCarrier = 'deficiency';
    },
    change: (e) => {
      e.insurers[1] = { letter: 'B', name: 'Unknown Mutual', naic: '99999' };
    },
    want: { outcome: 'deficient', d: ['carrier_unrated'], r: [] },
  },
  {
    name: 'carrier-not-rated',
    about: 'Carrier in the table as NR-1.',
    change: (e) => {
      e.insurers[2] = { letter: 'C', name: 'Nova Start Insurance Co', naic: '55503' };
    },
    want: { outcome: 'needs_review', d: [], r: ['carrier_unrated'] },
  },
  {
    name: 'alien-insurer-flagged',
    about: "Lloyd's syndicate with an AA- number: rated A XV, flagged for a surplus-lines decision.",
    change: (e) => {
      e.insurers[3] = { letter: 'D', name: "Lloyd's Syndicate 2623 (Beazley)", naic: 'AA-1128623' };
    },
    want: { outcome: 'needs_review', d: [], r: ['surplus_lines_insurer'] },
  },
  {
    name: 'alien-insurer-not-flagged',
    about: 'Same certificate with surplus-lines flagging switched off.',
    requirements: (s) => {
      s.flagSurplusLines = false;
    },
    change: (e) => {
      e.insurers[3] = { letter: 'D', name: "Lloyd's Syndicate 2623 (Beazley)", naic: 'AA-1128623' };
    },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'blank-naic-flagged',
    about: 'Insurer printed without a NAIC number.',
    change: (e) => {
      e.insurers[3] = { letter: 'D', name: 'Summit Excess Insurance Co', naic: null };
    },
    want: { outcome: 'needs_review', d: [], r: ['surplus_lines_insurer'] },
  },
  {
    name: 'no-carrier-table',
    about: 'Without a carrier table the rating check is skipped and listed as skipped.',
    context: { carriers: undefined },
    want: { outcome: 'compliant', d: [], r: [], skipped: ['carrier_rating'] },
  },
  {
    name: 'low-confidence-limit',
    about: 'A short GL limit read with low confidence goes to review instead of failing.',
    change: (e) => {
      policy(e, 'general_liability').limits.eachOccurrence = 100_000;
      e.fields = { '/policies/0/limits/eachOccurrence': { page: 1, confidence: 0.42 } };
    },
    want: { outcome: 'needs_review', d: [], r: ['low_confidence'] },
  },
  {
    name: 'low-confidence-with-firm-deficiency',
    about: 'An unsure value and a certain shortfall: deficient, with the review reason kept.',
    change: (e) => {
      policy(e, 'general_liability').limits.eachOccurrence = 100_000;
      policy(e, 'automobile_liability').expirationDate = '2025-03-01';
      e.fields = { '/policies/0/limits/eachOccurrence': { page: 1, confidence: 0.42 } };
    },
    want: { outcome: 'deficient', d: ['policy_expired'], r: ['low_confidence'] },
  },
  {
    name: 'low-confidence-row',
    about: 'A whole row read with low confidence makes its flags unsure.',
    change: (e) => {
      policy(e, 'workers_compensation').subrogationWaived = false;
      e.fields = { '/policies/3': { page: 1, confidence: 0.5 } };
    },
    want: { outcome: 'needs_review', d: [], r: ['low_confidence'] },
  },
];
