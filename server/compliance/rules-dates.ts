import type { RequirementLine } from '../contracts/requirements';
import { lineNames } from './messages';
import { usDate, type PolicyRef, type Run } from './run';

// Policy periods and the insurer letter: checked once per certificate row, even when
// two requirement lines (workers' compensation and employers' liability) share it.

export function checkInsurerLetter(run: Run, line: RequirementLine, ref: PolicyRef): void {
  const pointer = `/policies/${ref.index}/insurerLetter`;
  const letter = ref.policy.insurerLetter;
  if (!run.trusted(letter, pointer, line, `The insurer letter for ${lineNames[line].toLowerCase()}`)) return;
  if (run.extraction.insurers.some((i) => i.letter === letter)) return;
  run.deficiency(
    'insurer_missing',
    line,
    pointer,
    letter,
    null,
    `${lineNames[line]} is written by insurer ${letter ?? ''}, but the certificate names no insurer ${letter ?? ''}.`,
    // The letter's absence is read from the whole list of insurers.
    ['/insurers/*'],
  );
}

export function checkPeriod(run: Run, line: RequirementLine, ref: PolicyRef): void {
  const name = lineNames[line];
  const base = `/policies/${ref.index}`;
  const eff = ref.policy.effectiveDate;
  const exp = ref.policy.expirationDate;
  const effOk = run.trusted(eff, `${base}/effectiveDate`, line, `${name} effective date`);
  const expOk = run.trusted(exp, `${base}/expirationDate`, line, `${name} expiration date`);
  if (effOk && expOk && eff && exp && eff >= exp) {
    run.review('dates_inconsistent', line, `${base}/expirationDate`, `${name} expires on or before the day it starts; please check the dates.`);
    return;
  }
  if (effOk && eff && eff > run.inForceOn) {
    run.deficiency(
      'policy_not_yet_effective',
      line,
      `${base}/effectiveDate`,
      run.inForceOn,
      eff,
      `${name} starts on ${usDate(eff)}; it must be in force by ${usDate(run.inForceOn)}.`,
    );
  }
  if (!expOk || !exp) return;
  if (exp <= run.ctx.today) {
    run.deficiency('policy_expired', line, `${base}/expirationDate`, run.ctx.today, exp, `${name} expired on ${usDate(exp)}.`);
  } else if (exp < run.mustRunUntil) {
    run.deficiency(
      'policy_expires_soon',
      line,
      `${base}/expirationDate`,
      run.mustRunUntil,
      exp,
      `${name} expires on ${usDate(exp)}, less than ${run.req.daysRemaining} days from now.`,
    );
  }
}
