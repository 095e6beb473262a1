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

const fillers = [
  'Umbrella follows form over general liability, auto liability and employers liability.',
  'Coverage for ongoing and completed operations applies where required by written contract.',
  'Notice of cancellation will be delivered in accordance with the policy provisions.',
  'The general aggregate limit applies per project as shown in the policy schedule.',
  'Subcontractor scope of work includes site preparation, installation and cleanup.',
  'Certificate issued for information to the holder for the work described below.',
];

/** Remarks text naming some form numbers; `sentences` controls how long it runs. */
export function writeRemarks(rng: Rng, truth: Truth, sentences: number): { text: string; forms: FormNumber[] } {
  const forms = pickForms(rng, rng.int(2, 4));
  const addr = truth.certificateHolder.address;
  const parts = [
    `Project: ${project(rng)}, ${addr?.line1 ?? ''} ${addr?.city ?? ''}.`,
    `${truth.certificateHolder.name} and the Owner are additional insureds on general liability per ${forms
      .slice(0, -1)
      .map((f) => printForm(rng, f))
      .join(' and ')} where required by written contract.`,
    `Primary and non-contributory wording applies per ${printForm(rng, forms[forms.length - 1]!)}.`,
  ];
  const printed = [...forms];
  if (rng.chance(0.5)) {
    parts.push('Waiver of subrogation applies to workers compensation per WC 00 03 13.');
    printed.push({ letters: 'WC', number: '00 03 13', edition: null });
  }
  for (let i = 0; i < sentences; i++) parts.push(rng.pick(fillers));
  return { text: parts.join(' ').replace(/\s+/g, ' '), forms: printed.map(asTruth) };
}
