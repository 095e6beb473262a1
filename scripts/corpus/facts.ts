import type { Extraction, Policy } from '../../server/contracts/extraction';
import { agencies, carriers, cities, contractors, holders, otherLines, people, projects, streets, suites } from './names';
import type { Rng } from './rng';

/** What a reader must return for a generated document: the extraction minus provenance and warnings. */
// Picked rather than omitted: the contract type is a loose object, and Omit would drop every key.
export type Truth = Pick<
  Extraction,
  | 'form'
  | 'edition'
  | 'source'
  | 'pages'
  | 'certificateDate'
  | 'certificateNumber'
  | 'revisionNumber'
  | 'producer'
  | 'insured'
  | 'insurers'
  | 'policies'
  | 'descriptionOfOperations'
  | 'endorsementForms'
  | 'certificateHolder'
>;
type Address = NonNullable<Truth['insured']['address']>;
type Letter = Truth['insurers'][number]['letter'];

function isoDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function address(rng: Rng): Address {
  const [city, state] = rng.pick(cities);
  return {
    line1: `${rng.int(10, 9999)} ${rng.pick(streets)}`,
    line2: rng.chance(0.35) ? rng.pick(suites) : null,
    city,
    state,
    postalCode: rng.chance(0.15) ? `${rng.digits(5)}-${rng.digits(4)}` : rng.digits(5),
  };
}

function policyNumber(rng: Rng): string {
  const style = rng.int(0, 3);
  if (style === 0) return `${rng.letters(3)}${rng.digits(7)}`;
  if (style === 1) return `${rng.letters(2)}-${rng.digits(6)}-${rng.digits(2)}`;
  if (style === 2) return `${rng.digits(10)}`;
  return `${rng.letters(1)}${rng.digits(2)}${rng.letters(2)}${rng.digits(5)}`;
}

function dates(rng: Rng): { effectiveDate: string; expirationDate: string } {
  const effectiveDate = isoDate(rng, 2023, 2025);
  const expirationDate = `${Number(effectiveDate.slice(0, 4)) + 1}${effectiveDate.slice(4)}`;
  return { effectiveDate, expirationDate };
}

function base(rng: Rng, line: Policy['line'], letters: Letter[], wc = false): Policy {
  return {
    line,
    insurerLetter: rng.pick(letters),
    policyNumber: policyNumber(rng),
    ...dates(rng),
    additionalInsured: wc ? false : rng.chance(0.7),
    subrogationWaived: rng.chance(0.6),
    limits: {},
  };
}

function million(rng: Rng, choices: number[]): number {
  return rng.pick(choices) * 1_000_000;
}

function generalLiability(rng: Rng, letters: Letter[]): Policy {
  const gl = base(rng, 'general_liability', letters);
  gl.basis = rng.chance(0.85) ? 'occurrence' : 'claims_made';
  gl.aggregateAppliesPer = rng.pick(['policy', 'project', 'location', 'policy'] as const);
  const occ = million(rng, [1, 1, 2]);
  gl.limits = {
    eachOccurrence: occ,
    damageToRentedPremises: rng.pick([100_000, 300_000, 500_000, 1_000_000]),
    medicalExpense: rng.pick([5_000, 10_000, 15_000]),
    personalAdvertisingInjury: occ,
    generalAggregate: occ * 2,
    productsCompletedOperationsAggregate: occ * 2,
  };
  // Some certificates print "Included" here; a limit in words is no amount, so it is left out.
  if (rng.chance(0.15)) delete gl.limits.productsCompletedOperationsAggregate;
  if (rng.chance(0.2)) gl.limits.other = [{ label: rng.pick(['Employee Benefits', 'Stop Gap', 'Premises/Operations']), amount: 1_000_000 }];
  return gl;
}

function automobile(rng: Rng, letters: Letter[]): Policy {
  const auto = base(rng, 'automobile_liability', letters);
  auto.autoSymbols = rng.chance(0.45)
    ? ['any_auto']
    : rng.pick([['hired_autos', 'non_owned_autos'], ['owned_autos', 'hired_autos', 'non_owned_autos'], ['scheduled_autos', 'hired_autos', 'non_owned_autos'], ['owned_autos']] as const).slice();
  auto.limits = { combinedSingleLimit: million(rng, [1, 1, 2]) };
  if (rng.chance(0.15)) auto.limits = { bodilyInjuryPerPerson: 500_000, bodilyInjuryPerAccident: 1_000_000, propertyDamagePerAccident: 250_000 };
  if (rng.chance(0.1)) auto.limits.other = [{ label: rng.pick(['Medical Payments', 'Uninsured Motorist']), amount: rng.pick([5_000, 10_000, 1_000_000]) }];
  return auto;
}

/** One umbrella or excess layer, or two written by two insurers on two lines with one set of limits. */
function umbrellas(rng: Rng, letters: Letter[]): Policy[] {
  const umb = base(rng, rng.chance(0.7) ? 'umbrella_liability' : 'excess_liability', letters);
  umb.basis = rng.chance(0.8) ? 'occurrence' : 'claims_made';
  const amount = million(rng, [2, 5, 5, 10]);
  umb.limits = { eachOccurrence: amount, aggregate: amount };
  umb.retentionOrDeductible = rng.chance(0.6)
    ? { kind: rng.pick(['retention', 'deductible'] as const), amount: rng.pick([0, 10_000, 25_000]) }
    : null;
  if (letters.length < 2 || !rng.chance(0.2)) return [umb];
  const second: Policy = { ...umb, limits: { ...umb.limits }, policyNumber: policyNumber(rng), insurerLetter: rng.pick(letters.filter((l) => l !== umb.insurerLetter)) };
  return [umb, second];
}

function workers(rng: Rng, letters: Letter[]): Policy {
  const wc = base(rng, 'workers_compensation', letters, true);
  wc.statutory = rng.chance(0.9);
  wc.excludedOfficers = rng.chance(0.8) ? rng.chance(0.15) : null;
  const el = rng.pick([500_000, 1_000_000]);
  wc.limits = {
    employersLiabilityEachAccident: el,
    employersLiabilityDiseaseEachEmployee: el,
    employersLiabilityDiseasePolicyLimit: el,
  };
  return wc;
}

/** Rows in the OTHER area: one policy with up to three limit lines, or two with one line each. */
function others(rng: Rng, letters: Letter[]): Policy[] {
  const count = rng.chance(0.3) ? (rng.chance(0.3) ? 2 : 1) : 0;
  const descriptions = rng.shuffle(otherLines);
  return Array.from({ length: count }, (_, i) => {
    const other = base(rng, 'other', letters);
    other.description = descriptions[i]!;
    const each = rng.pick([250_000, 1_000_000, 2_000_000]);
    const lines = [
      { label: rng.pick(['Each Claim', 'Per Occurrence', 'Limit', 'Each Claim Limit']), amount: each },
      { label: rng.pick(['Aggregate', 'Annual Aggregate']), amount: each * 2 },
      { label: rng.pick(['Deductible', 'DED', 'Retention']), amount: rng.pick([1_000, 2_500, 10_000]) },
    ];
    other.limits = { other: lines.slice(0, count > 1 ? 1 : rng.int(1, 3)) };
    return other;
  });
}

function policies(rng: Rng, letters: Letter[]): Policy[] {
  const out = [generalLiability(rng, letters)];
  if (rng.chance(0.85)) out.push(automobile(rng, letters));
  if (rng.chance(0.7)) out.push(...umbrellas(rng, letters));
  if (rng.chance(0.85)) out.push(workers(rng, letters));
  out.push(...others(rng, letters));
  return out;
}

/** The fillable form has one line per coverage and one OTHER policy: what an AcroForm can carry. */
export function fitToForm(truth: Truth): void {
  const seen = new Set<string>();
  truth.policies = truth.policies.filter((p) => {
    const key = p.line === 'excess_liability' ? 'umbrella_liability' : p.line;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function insurers(rng: Rng): Truth['insurers'] {
  const count = rng.int(1, 6);
  const names = rng.shuffle(carriers).slice(0, count);
  return names.map((name, i) => ({
    letter: 'ABCDEF'[i] as Letter,
    name,
    naic: name.includes('Lloyds') ? 'AA-1122000' : rng.chance(0.12) ? null : rng.digits(5),
  }));
}

export function randomFacts(rng: Rng): Truth {
  const insurerList = insurers(rng);
  const letters = insurerList.map((i) => i.letter);
  const agency = rng.pick(agencies);
  const contact = rng.pick(people);
  return {
    form: 'ACORD 25',
    edition: '2016/03',
    source: 'text',
    pages: 1,
    certificateDate: isoDate(rng, 2024, 2025),
    certificateNumber: rng.chance(0.6) ? `${rng.digits(4)}${rng.letters(1)}${rng.digits(4)}` : null,
    revisionNumber: rng.chance(0.3) ? String(rng.int(1, 9)) : null,
    producer: {
      name: agency,
      address: address(rng),
      contactName: rng.chance(0.1) ? null : contact,
      phone: `${rng.int(2, 9)}${rng.digits(9)}`,
      fax: rng.chance(0.6) ? `${rng.int(2, 9)}${rng.digits(9)}` : null,
      email: `${contact.split(' ')[0]!.toLowerCase()}@${agency.split(' ')[0]!.toLowerCase()}ins.com`,
    },
    insured: { name: rng.pick(contractors), address: address(rng) },
    insurers: insurerList,
    policies: policies(rng, letters),
    descriptionOfOperations: null,
    endorsementForms: [],
    // Some holders are a bare phrase with no address ("Proof of Insurance").
    certificateHolder: rng.chance(0.08) ? { name: rng.pick(['Proof of Insurance', 'For Information Only']), address: null } : { name: rng.pick(holders), address: address(rng) },
  };
}

export const project = (rng: Rng) => rng.pick(projects);
