import type { Rng } from './rng';
import { project, type Truth } from './facts';

type FormNumber = Truth['endorsementForms'][number];

interface Form {
  letters: string;
  number: string;
  edition: string | null;
}

const pool: Form[] = [
  { letters: 'CG', number: '20 10', edition: '04 13' },
  { letters: 'CG', number: '20 37', edition: '04 13' },
  { letters: 'CG', number: '20 01', edition: '12 19' },
  { letters: 'CG', number: '20 33', edition: null },
  { letters: 'CG', number: '24 04', edition: '05 09' },
  { letters: 'CA', number: '20 48', edition: '10 13' },
  { letters: 'CG', number: '25 03', edition: '05 09' },
  { letters: 'CG', number: '20 38', edition: '12 19' },
];

/** Print a form number the way agencies do: spaced, packed, or with the edition in brackets. */
export function printForm(rng: Rng, f: Form): string {
  const style = rng.int(0, 2);
  if (style === 1) return `${f.letters}${f.number.replace(' ', '')}${f.edition ? ' ' + f.edition.replace(' ', '') : ''}`;
  if (style === 2 && f.edition) return `${f.letters} ${f.number} (${f.edition.replace(' ', '/')})`;
  return `${f.letters} ${f.number}${f.edition ? ' ' + f.edition : ''}`;
}

export function pickForms(rng: Rng, count: number): Form[] {
  return rng.shuffle(pool).slice(0, count);
}

export function asTruth(f: Form): FormNumber {
  return { form: `${f.letters} ${f.number}`, edition: f.edition };
}

const sentences = [
  'Umbrella follows form over general liability, auto liability and employers liability.',
  'Coverage for ongoing and completed operations applies where required by written contract.',
  'Notice of cancellation will be given as the policy provisions require.',
  'The general aggregate limit applies per project as shown in the policy schedule.',
  'Subcontractor scope of work includes site preparation, installation and cleanup.',
  'Certificate issued for information to the holder for the work described below.',
];

export interface RemarkPart {
  text: string;
  forms: FormNumber[];
}

/** Remarks as sentences, each with the form numbers it names; `fillers` makes it run longer. */
export function writeRemarks(rng: Rng, truth: Truth, fillers: number): RemarkPart[] {
  const forms = pickForms(rng, rng.int(2, 4));
  const addr = truth.certificateHolder.address;
  const additional = forms.slice(0, -1);
  const parts: RemarkPart[] = [
    { text: `Project: ${project(rng)}${addr?.line1 ? `, ${addr.line1} ${addr.city ?? ''}` : ''}.`, forms: [] },
    {
      text: `${addr ? truth.certificateHolder.name : 'The certificate holder'} and the Owner are additional insureds on general liability per ${additional.map((f) => printForm(rng, f)).join(' and ')} where required by written contract.`,
      forms: additional.map(asTruth),
    },
    { text: `Primary and non-contributory wording applies per ${printForm(rng, forms[forms.length - 1]!)}.`, forms: [asTruth(forms[forms.length - 1]!)] },
  ];
  if (rng.chance(0.5)) parts.push({ text: 'Waiver of subrogation applies to workers compensation per WC 00 03 13.', forms: [{ form: 'WC 00 03 13', edition: null }] });
  for (let i = 0; i < fillers; i++) parts.push({ text: rng.pick(sentences), forms: [] });
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ').trim() }));
}
