import type { CompiledLine } from './compile';
import { andList, lineNames, lower, symbolNames } from './messages';
import { followsForm } from './policies';
import type { PolicyRef, Run } from './run';

// Coverage terms of one row: basis, aggregate, checkboxes and the wording and forms
// that back them up.

function checkBasis(run: Run, c: CompiledLine, ref: PolicyRef): void {
  if (!c.req.occurrenceRequired) return;
  const pointer = `/policies/${ref.index}/basis`;
  const basis = ref.policy.basis;
  if (!run.trusted(basis, pointer, c.line, `Whether ${lower(lineNames[c.line])} is occurrence or claims-made`)) return;
  if (basis === 'occurrence') return;
  run.deficiency('claims_made', c.line, pointer, 'occurrence', basis ?? null, `${lineNames[c.line]} is claims-made; this project requires an occurrence policy.`);
}

function checkProjectAggregate(run: Run, c: CompiledLine, ref: PolicyRef): void {
  if (!c.req.perProjectAggregateRequired) return;
  const per = ref.policy.aggregateAppliesPer;
  // CG 25 03 makes the aggregate per project whatever box is ticked; CG 25 04 (per location) does not.
  if (per === 'project' || run.hasForm('CG 25 03')) return;
  const pointer = `/policies/${ref.index}/aggregateAppliesPer`;
  if (!run.trusted(per, pointer, c.line, 'What the general aggregate applies per')) return;
  run.deficiency(
    'per_project_aggregate_missing',
    c.line,
    pointer,
    'project',
    per ?? null,
    `${lineNames[c.line]} aggregate applies per ${per ?? ''}; this project requires a per-project aggregate (PRO-JECT box or CG 25 03).`,
    ['/endorsementForms/*', '/descriptionOfOperations'],
  );
}

function checkFlag(run: Run, c: CompiledLine, ref: PolicyRef, kind: 'ai' | 'wos'): void {
  const ai = kind === 'ai';
  if (ai ? !c.req.additionalInsuredRequired : !c.req.waiverOfSubrogationRequired) return;
  const column = ai ? 'additionalInsured' : 'subrogationWaived';
  const pointer = `/policies/${ref.index}/${column}`;
  const value = ref.policy[column];
  const label = ai ? 'ADDL INSD' : 'SUBR WVD';
  if (!run.trusted(value, pointer, c.line, `The ${label} box for ${lower(lineNames[c.line])}`)) return;
  if (value) return;
  const what = ai ? 'additional insured' : 'waiver of subrogation';
  run.deficiency(
    ai ? 'additional_insured_missing' : 'waiver_missing',
    c.line,
    pointer,
    true,
    false,
    `${lineNames[c.line]} does not show ${what} (${label} is not marked); this project requires it.`,
  );
}

const pncPattern = /\bprimary\b.{0,40}?\bnon ?contributory\b/;

function checkPrimaryNonContributory(run: Run, c: CompiledLine): void {
  if (!c.req.primaryNonContributoryRequired) return;
  if (run.hasForm('CG 20 01') || pncPattern.test(run.remarks.normalised)) return;
  if (run.unsure('/descriptionOfOperations', c.line, 'The description of operations')) return;
  run.deficiency(
    'primary_noncontributory_missing',
    c.line,
    '/descriptionOfOperations',
    'primary and non-contributory',
    null,
    `The certificate does not say ${lower(lineNames[c.line])} is primary and non-contributory; this project requires it.`,
    ['/endorsementForms/*'],
  );
}

function checkEndorsements(run: Run, c: CompiledLine): void {
  for (const e of c.endorsements) {
    if (e.groups.some((g) => g.every((f) => run.hasForm(f)))) continue;
    const partial = [...new Set(e.groups.flat())].filter((f) => run.hasForm(f));
    run.deficiency(
      'endorsement_missing',
      c.line,
      '/endorsementForms',
      e.text,
      partial.length ? partial.join(', ') : null,
      `The certificate does not show the ${lower(lineNames[c.line])} endorsements for ${lower(e.label)}: ${e.text}.`,
      // Forms are read from the remarks as well as from their own list.
      ['/endorsementForms/*', '/descriptionOfOperations'],
    );
  }
}

function checkAutoSymbols(run: Run, c: CompiledLine, ref: PolicyRef): void {
  const groups = c.req.autoSymbols;
  if (!groups) return;
  const pointer = `/policies/${ref.index}/autoSymbols`;
  const symbols = ref.policy.autoSymbols;
  if (!run.trusted(symbols, pointer, c.line, 'The covered-auto boxes')) return;
  const have = new Set(symbols);
  if (groups.some((g) => g.every((s) => have.has(s)))) return;
  const wanted = groups.map((g) => g.map((s) => symbolNames[s]).join(' + ')).join(', or ');
  const found = symbols?.length ? andList(symbols.map((s) => symbolNames[s] ?? s)) : null;
  run.deficiency(
    'auto_symbols_insufficient',
    c.line,
    pointer,
    wanted,
    found,
    `Automobile liability covers ${found ?? 'no marked autos'}; this project requires ${wanted}.`,
    [`${pointer}/*`],
  );
}

function checkWorkersComp(run: Run, c: CompiledLine, ref: PolicyRef): void {
  if (c.line !== 'workers_compensation') return;
  const base = `/policies/${ref.index}`;
  if (ref.policy.excludedOfficers === true) {
    run.review(
      'wc_excluded_officers',
      c.line,
      `${base}/excludedOfficers`,
      "Workers' compensation excludes some owners or officers; check the remarks and any exemption document.",
    );
  }
  if (!c.req.statutoryRequired) return;
  const statutory = ref.policy.statutory;
  if (!run.trusted(statutory, `${base}/statutory`, c.line, "The PER STATUTE box for workers' compensation")) return;
  if (statutory) return;
  run.deficiency('wc_not_statutory', c.line, `${base}/statutory`, true, false, "Workers' compensation is not marked PER STATUTE; this project requires statutory limits.");
}

function checkFollowForm(run: Run, c: CompiledLine, ref: PolicyRef): void {
  if (!c.req.followFormRequired || followsForm(run, ref.policy)) return;
  if (run.unsure('/descriptionOfOperations', c.line, 'The description of operations')) return;
  run.deficiency(
    'umbrella_not_follow_form',
    c.line,
    '/descriptionOfOperations',
    'follow form',
    null,
    'The certificate does not say the umbrella/excess policy follows form; this project requires it.',
    [`/policies/${ref.index}/description`],
  );
}

export function checkCoverage(run: Run, c: CompiledLine, ref: PolicyRef): void {
  checkBasis(run, c, ref);
  checkProjectAggregate(run, c, ref);
  checkFlag(run, c, ref, 'ai');
  checkFlag(run, c, ref, 'wos');
  checkPrimaryNonContributory(run, c);
  checkEndorsements(run, c);
  checkAutoSymbols(run, c, ref);
  checkWorkersComp(run, c, ref);
  checkFollowForm(run, c, ref);
}
