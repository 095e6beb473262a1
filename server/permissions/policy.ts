import { roleLabels, type Action, type Role, type RoleSource } from '../contracts/permissions';

// The one table of who may do what. Pure: roles in, actions out.

const readOnly: Action[] = ['directory.view', 'requests.view', 'requirements.view', 'carriers.view', 'settings.view'];
const inviter: Action[] = [...readOnly, 'requests.create', 'requests.manage'];

const allowed: Record<Role, ReadonlySet<Action>> = {
  no_access: new Set(),
  read_only: new Set(readOnly),
  inviter: new Set(inviter),
  compliance_manager: new Set<Action>([
    ...inviter,
    'requests.delete',
    'review.certificates',
    'requirements.edit',
    'carriers.import',
    'settings.edit',
    'roles.manage',
    'serviceAccount.connect',
  ]),
};

/** Actions that also need the user to be a Procore company admin. */
const adminOnly: ReadonlySet<Action> = new Set<Action>(['serviceAccount.connect']);

export function roleAllows(role: Role, action: Action, isCompanyAdmin = true): boolean {
  return allowed[role].has(action) && (isCompanyAdmin || !adminOnly.has(action));
}

export function actionsOf(role: Role, isCompanyAdmin: boolean): Action[] {
  return [...allowed[role]].filter((a) => isCompanyAdmin || !adminOnly.has(a));
}

/** What Procore told us about a user in a company. */
export interface ProcoreFacts {
  templateId: string | null;
  isCompanyAdmin: boolean;
  isInsuranceManager: boolean;
}

/**
 * A user's role: company admins are always compliance managers (the app cannot lock itself
 * out), then a per-user override, then the mapping of their Procore template, then the default
 * (insurance managers manage compliance; everyone else reads).
 */
export function resolveRole(
  facts: ProcoreFacts,
  override: Role | null,
  mappings: ReadonlyMap<string, Role>,
): { role: Role; source: RoleSource } {
  if (facts.isCompanyAdmin) return { role: 'compliance_manager', source: 'company_admin' };
  if (override) return { role: override, source: 'override' };
  const mapped = facts.templateId === null ? undefined : mappings.get(facts.templateId);
  if (mapped) return { role: mapped, source: 'template' };
  return { role: facts.isInsuranceManager ? 'compliance_manager' : 'read_only', source: 'default' };
}

const deniedSentences: Partial<Record<Action, string>> = {
  'requests.create': 'request certificates',
  'requests.manage': 'change requests',
  'requests.delete': 'delete requests (archive it instead)',
  'review.certificates': 'review certificates',
  'requirements.edit': 'change insurance requirements',
  'carriers.import': 'import the carrier rating table',
  'settings.edit': 'change these settings',
  'roles.manage': 'change who may do what',
  'serviceAccount.connect': 'connect the service account for background work (Procore company admins only)',
};

export function deniedMessage(role: Role, action: Action, askWho: string): string {
  if (role === 'no_access') return `You have no access to COI Compliance in this company. ${askWho}`;
  const what = deniedSentences[action] ?? 'see this';
  return `Your role (${roleLabels[role].toLowerCase()}) cannot ${what}. ${askWho}`;
}
