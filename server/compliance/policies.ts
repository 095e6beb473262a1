import type { Policy } from '../contracts/extraction';
import type { RequirementLine } from '../contracts/requirements';
import type { PolicyRef, Run } from './run';

// Which certificate row answers which requirement line. Employers' liability sits on the
// workers' compensation row; professional and pollution come from the free "other" row.

const otherRowPatterns: Partial<Record<RequirementLine, RegExp>> = {
  professional_liability: /professional|errors\s*(?:and|&)\s*omissions|\be\s*&\s*o\b|\be\s*and\s*o\b/i,
  pollution_liability: /pollution|environmental|\bcpl\b/i,
};

function rowMatches(policy: Policy, line: RequirementLine): boolean {
  switch (line) {
    case 'umbrella_liability':
      return policy.line === 'umbrella_liability' || policy.line === 'excess_liability';
    case 'employers_liability':
      return policy.line === 'workers_compensation';
    case 'professional_liability':
    case 'pollution_liability':
      return policy.line === 'other' && (otherRowPatterns[line]?.test(policy.description ?? '') ?? false);
    default:
      return policy.line === line;
  }
}

/** The row for a line; when several match, the first one still in force wins. */
export function findPolicy(run: Run, line: RequirementLine): PolicyRef | null {
  let first: PolicyRef | null = null;
  const policies = run.extraction.policies;
  for (let index = 0; index < policies.length; index++) {
    const policy = policies[index];
    if (!policy || !rowMatches(policy, line)) continue;
    const ref = { policy, index };
    if (policy.expirationDate === null || policy.expirationDate > run.ctx.today) return ref;
    first ??= ref;
  }
  return first;
}

const followFormPattern = /\bfollow(?:s|ing)?\s*(?:the\s*)?form\b/;

/** The certificate can't show the schedule of underlying, so a "follow form" remark is the evidence. */
export function followsForm(run: Run, umbrella: Policy): boolean {
  if (followFormPattern.test(run.remarks.normalised)) return true;
  return followFormPattern.test((umbrella.description ?? '').toLowerCase().replace(/[^a-z]+/g, ' '));
}
