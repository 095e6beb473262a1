import type { z } from 'zod';
import { requirementLines, requirementSetSchema, type RequirementSet } from '../contracts/requirements';
import { ValidationError } from '../errors';

// Turns zod's issues into what a compliance manager can act on: where (a dotted path)
// and what is wrong (a sentence).

export interface RequirementIssue {
  path: string;
  message: string;
}

const lineContainers = new Set(['lines']);

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const parent = issue.path[issue.path.length - 1];
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    if (typeof parent === 'string' && lineContainers.has(parent)) {
      return `unknown coverage line ${keys}; use one of ${requirementLines.join(', ')}`;
    }
    return `unknown setting ${keys}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}

export function describeIssues(error: z.ZodError): RequirementIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(requirement set)',
    message: issueText(issue),
  }));
}

/** Parses API input into a requirement set, or throws a ValidationError listing every problem. */
export function parseRequirementSet(input: unknown): RequirementSet {
  const result = requirementSetSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = describeIssues(result.error);
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'The requirement set is not valid.';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new ValidationError(`${summary}${more}`, { issues });
}
