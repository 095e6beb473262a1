import { addressNormalisers, type AddressPart } from './compile';
import { usDate, type Run } from './run';
import { containsPhrase, nameSimilarity, normaliseName, preparePhrase } from './text';

const partNames: Record<AddressPart, string> = { line1: 'street address', city: 'city', state: 'state', postalCode: 'ZIP code' };

// Checks on the certificate as a whole: its date, who holds it, who it insures and what
// the description of operations says.

/** At or above: the same party despite typos. Between this and doubtful: a person decides. */
const sameName = 0.85;
const doubtfulName = 0.5;

export function checkCertificateDate(run: Run): void {
  const date = run.extraction.certificateDate;
  if (!run.trusted(date, '/certificateDate', null, 'The certificate date')) return;
  if (date && date > run.ctx.today) {
    run.deficiency(
      'certificate_date_in_future',
      null,
      '/certificateDate',
      run.ctx.today,
      date,
      `The certificate is dated ${usDate(date)}, which is in the future.`,
    );
  }
}

type NameMatch = 'same' | 'doubtful' | 'different';

function compareNames(a: string, b: string): NameMatch {
  if (a === b) return 'same';
  const s = nameSimilarity(a, b);
  if (s >= sameName) return 'same';
  return s >= doubtfulName ? 'doubtful' : 'different';
}

function checkHolderAddress(run: Run): void {
  const want = run.req.holder?.address;
  if (!want) return;
  const got = run.extraction.certificateHolder.address;
  if (!run.trusted(got, '/certificateHolder/address', null, "The certificate holder's address")) return;
  for (const { part, raw, norm } of want) {
    const found = got?.[part];
    if (found && addressNormalisers[part](found) === norm) continue;
    const pointer = `/certificateHolder/address/${part}`;
    if (!run.trusted(found, pointer, null, `The certificate holder's ${partNames[part]}`)) continue;
    run.deficiency(
      'holder_address_mismatch',
      null,
      pointer,
      raw,
      found ?? null,
      `The certificate holder's ${partNames[part]} is "${found ?? ''}"; this project requires "${raw}".`,
      ['/certificateHolder/address'],
    );
  }
}

export function checkHolder(run: Run): void {
  const want = run.req.holder;
  if (!want) return;
  const name = run.extraction.certificateHolder.name;
  if (!run.trusted(name, '/certificateHolder/name', null, 'The certificate holder')) return;
  const match = compareNames(normaliseName(name ?? ''), want.normalised);
  if (match === 'doubtful') {
    run.review('holder_uncertain', null, '/certificateHolder/name', `The certificate holder "${name}" looks close to "${want.original}"; please confirm it.`);
  } else if (match === 'different') {
    run.deficiency(
      'holder_mismatch',
      null,
      '/certificateHolder/name',
      want.original,
      name,
      `The certificate holder is "${name}"; it must be "${want.original}".`,
    );
  }
  checkHolderAddress(run);
}

/** A "DBA" name counts too: the vendor may be known by either. */
export function checkInsured(run: Run): void {
  const vendor = run.ctx.vendorName;
  if (!vendor) return;
  const name = run.extraction.insured.name;
  if (!run.trusted(name, '/insured/name', null, 'The named insured')) return;
  const want = normaliseName(vendor);
  const candidates = (name ?? '').split(/\b(?:d\/?b\/?a|doing business as)\b/i).map(normaliseName);
  const results = candidates.map((c) => compareNames(c, want));
  if (results.includes('same')) return;
  if (results.includes('doubtful')) {
    run.review('insured_uncertain', null, '/insured/name', `The named insured "${name}" looks close to "${vendor}"; please confirm it is the same company.`);
    return;
  }
  run.deficiency('insured_mismatch', null, '/insured/name', vendor, name, `The named insured is "${name}"; the subcontract is with "${vendor}".`);
}

export function checkDescription(run: Run): void {
  const phrases = [...run.req.phrases];
  if (run.req.nameProject) {
    if (run.ctx.projectName) phrases.push(preparePhrase(run.ctx.projectName));
    else run.skip('project_name_in_description');
  }
  if (phrases.length === 0) return;
  const missing = phrases.filter((p) => !containsPhrase(run.remarks, p));
  if (missing.length === 0) return;
  if (run.unsure('/descriptionOfOperations', null, 'The description of operations')) return;
  for (const p of missing) {
    run.deficiency(
      'description_missing_wording',
      null,
      '/descriptionOfOperations',
      p.original,
      null,
      `The description of operations does not mention "${p.original}".`,
    );
  }
}
