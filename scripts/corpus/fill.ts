// What goes where on the official form: the truth turned into values keyed by the fillable form's
// own field names and boxes. The fillable variants use these as they are; printed variants start
// from them and move values the way agency systems do (place.ts).
import type { LimitKey, Policy } from '../../server/contracts/extraction';
import type { Truth } from './facts';
import type { Box, Form } from './form';
import { formatAmount, formatDate, formatFlag, formatPhone } from './format';
import type { Look } from './look';
import type { Rng } from './rng';
import type { Align } from './sheet';
import { sectionFields, sectionOf, type Section } from './sections';

export interface Entry {
  field: string;
  text: string;
  box: Box;
  align: Align;
  section?: Section;
  /** Which policy line of its section (0 = the first policy). */
  line?: number;
  /** Set on limit amounts, printed with or without a "$" by the look. */
  amount?: number;
}

export interface Check {
  field: string;
  on: boolean;
  box: Box;
}

export interface Filled {
  entries: Entry[];
  checks: Check[];
}

const partyParts = ['FullName', 'MailingAddress_LineOne', 'MailingAddress_LineTwo', 'MailingAddress_CityName', 'MailingAddress_StateOrProvinceCode', 'MailingAddress_PostalCode'];

class Filler implements Filled {
  entries: Entry[] = [];
  checks: Check[] = [];

  constructor(
    readonly form: Form,
    readonly look: Look,
    readonly rng: Rng,
  ) {}

  /** A value in a field; `line` > 0 puts it that many rows below the field (a second policy). */
  text(field: string, text: string | null | undefined, align: Align = 'left', extra: Partial<Entry> = {}): void {
    const box = this.form.fields[field]?.box;
    if (!text || !box) return;
    const line = extra.line ?? 0;
    const name = line > 0 ? `${field}#${line}` : field;
    this.entries.push({ field: name, text, box: [box[0], box[1] - 12 * line, box[2], box[3] - 12 * line], align, ...extra });
  }

  amount(field: string, amount: number | null | undefined, extra: Partial<Entry> = {}): void {
    if (amount === null || amount === undefined) return;
    this.text(field, formatAmount(amount, this.look.amounts.commas), 'right', { ...extra, amount });
  }

  check(field: string, on: boolean): void {
    const box = this.form.fields[field]?.box;
    if (box) this.checks.push({ field, on, box });
  }
}

function header(f: Filler, t: Truth): void {
  f.text('Form_CompletionDate_A', formatDate(t.certificateDate, f.look), 'center');
  f.text('CertificateOfInsurance_CertificateNumberIdentifier_A', t.certificateNumber);
  f.text('CertificateOfInsurance_RevisionNumberIdentifier_A', t.revisionNumber);
  const p = t.producer;
  f.text('Producer_ContactPerson_FullName_A', p.contactName);
  f.text('Producer_ContactPerson_PhoneNumber_A', formatPhone(p.phone, f.look.phone));
  f.text('Producer_FaxNumber_A', formatPhone(p.fax, f.look.phone));
  f.text('Producer_ContactPerson_EmailAddress_A', p.email);
  const naicAlign = f.rng.pick(['left', 'center', 'right'] as const);
  for (const insurer of t.insurers) {
    f.text(`Insurer_FullName_${insurer.letter}`, insurer.name);
    f.text(`Insurer_NAICCode_${insurer.letter}`, insurer.naic, naicAlign);
  }
  f.text('CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A', t.descriptionOfOperations);
}

function party(f: Filler, prefix: string, p: Truth['insured']): void {
  const a = p.address;
  const values = [p.name, a?.line1, a?.line2, a?.city, a?.state, a?.postalCode];
  partyParts.forEach((part, i) => f.text(`${prefix}_${part}_A`, values[i]));
}

/** The policy line of a coverage row: letter, flags, number and dates. */
function policyLine(f: Filler, section: Section, p: Policy, line: number): void {
  const names = sectionFields[section];
  const extra = { section, line };
  f.text(names.letter, p.insurerLetter, 'center', extra);
  // Only lines that share their flags (two layers of one umbrella) may print them once.
  if (line === 0 || !f.look.flagsOnce || section === 'other') {
    if (names.addl) f.text(names.addl, formatFlag(p.additionalInsured, f.look.flags), 'center', extra);
    f.text(names.subr, formatFlag(p.subrogationWaived, f.look.flags), 'center', extra);
  }
  f.text(names.number, p.policyNumber, 'left', extra);
  f.text(names.eff, formatDate(p.effectiveDate, f.look), 'center', extra);
  f.text(names.exp, formatDate(p.expirationDate, f.look), 'center', extra);
  if (names.description) f.text(names.description, p.description, 'left', extra);
}

/** Limits in words ("Included") are printed but are no amount, so the truth leaves them out. */
function limitsOf(f: Filler, section: Section, p: Policy): void {
  const names = sectionFields[section];
  for (const [key, field] of Object.entries(names.limits)) f.amount(field, p.limits[key as LimitKey]);
  const gl = section === 'gl';
  if (gl && p.limits.productsCompletedOperationsAggregate === undefined && f.rng.chance(0.7))
    f.text(names.limits.productsCompletedOperationsAggregate!, f.rng.pick(['Included', 'INCLUDED', 'Excluded']), 'right');
  const write = p.limits.other?.[0];
  if (write && names.writeIn) {
    f.text(names.writeIn[0], write.label);
    f.amount(names.writeIn[1], write.amount);
  }
}

function otherArea(f: Filler, policies: Policy[]): void {
  policies.forEach((p, line) => {
    policyLine(f, 'other', p, line);
    // Several OTHER policies take a row each; one policy may use all three limit rows.
    const items = policies.length > 1 ? (p.limits.other ?? []).slice(0, 1) : (p.limits.other ?? []);
    items.forEach((item, i) => {
      const row = 'ABC'[policies.length > 1 ? line : i]!;
      // A lone amount often stands without a label; the truth then calls it "Limit".
      if (item.label !== 'Limit' || f.rng.chance(0.5)) f.text(`OtherPolicy_CoverageCode_${row}`, item.label);
      f.amount(`OtherPolicy_CoverageLimitAmount_${row}`, item.amount);
    });
  });
}

export function fill(t: Truth, form: Form, look: Look, rng: Rng): Filled {
  const f = new Filler(form, look, rng);
  header(f, t);
  party(f, 'Producer', t.producer);
  party(f, 'NamedInsured', t.insured);
  party(f, 'CertificateHolder', t.certificateHolder);
  const bySection = new Map<Section, Policy[]>();
  for (const p of t.policies) bySection.set(sectionOf(p), [...(bySection.get(sectionOf(p)) ?? []), p]);
  for (const [section, policies] of bySection) {
    if (section === 'other') {
      otherArea(f, policies);
      continue;
    }
    policies.forEach((p, line) => policyLine(f, section, p, line));
    limitsOf(f, section, policies[0]!);
    sectionChecks(f, section, policies[0]!);
  }
  return f;
}

function sectionChecks(f: Filler, section: Section, p: Policy): void {
  const checks = sectionFields[section].checks(p);
  for (const [field, on] of Object.entries(checks)) f.check(field, on);
  if (section === 'umbrella' && p.retentionOrDeductible)
    f.text('ExcessUmbrella_Umbrella_DeductibleOrRetentionAmount_A', formatAmount(p.retentionOrDeductible.amount ?? 0, f.look.amounts.commas), 'right');
  if (section === 'wc' && p.excludedOfficers !== null && p.excludedOfficers !== undefined)
    f.text('WorkersCompensationEmployersLiability_AnyPersonsExcludedIndicator_A', p.excludedOfficers ? 'Y' : 'N', 'center');
}
