import { COMPANY_A, seedCompanies, seedProjects, seedTemplates, seedUsers } from './seed-people';
import { RUNTIME_VENDOR_ID_BASE, seedCommitments, seedDirectories, seedInsurances, seedTrades, seedVendors } from './seed-vendors';
import { createSmsState, type SmsState } from './sms-sink';
import type {
  AccessToken, AuthCode, Commitment, Company, Delivery, Hook, Insurance, Membership, PermissionTemplate, Project, Trade, User, Vendor,
} from './types';

export interface EmulatorState {
  companies: Company[];
  projects: Project[];
  users: User[];
  templates: PermissionTemplate[];
  trades: Trade[];
  vendors: Map<number, Vendor>;
  /** project id -> vendor ids in that project's directory */
  directories: Map<number, Set<number>>;
  commitments: Map<number, Commitment>;
  insurances: Map<number, Insurance>;
  hooks: Map<number, Hook>;
  /** REST calls answered (benchmarks). */
  restCalls: number;
  deliveries: Delivery[];
  tokens: Map<string, AccessToken>;
  /** refresh token -> access token it belongs to */
  refreshTokens: Map<string, string>;
  codes: Map<string, AuthCode>;
  /** The SMS sink: accounts, messages sent, failures to inject. */
  sms: SmsState;
  nextId(kind: IdKind): number;
}

export type IdKind = 'vendor' | 'commitment' | 'insurance' | 'hook' | 'trigger' | 'delivery' | 'event';

const ID_BASES: Record<IdKind, number> = {
  vendor: RUNTIME_VENDOR_ID_BASE,
  commitment: 13400001,
  insurance: 7800001,
  hook: 880001,
  trigger: 990001,
  delivery: 55000001,
  event: 66000001,
};

export function createState(firstCompanyVendors: number, extraProjects = 0): EmulatorState {
  const companies = seedCompanies();
  const projects = seedProjects(extraProjects);
  const trades = seedTrades();
  const vendorList = seedVendors(companies, trades, firstCompanyVendors);
  const directories = seedDirectories(projects, vendorList);
  const counters = { ...ID_BASES };
  return {
    companies,
    projects,
    users: seedUsers(projects),
    templates: seedTemplates(companies, projects),
    trades,
    vendors: new Map(vendorList.map((v) => [v.id, v])),
    directories,
    commitments: new Map(seedCommitments(projects, directories).map((c) => [c.id, c])),
    insurances: new Map(seedInsurances(COMPANY_A, vendorList).map((i) => [i.id, i])),
    hooks: new Map(),
    restCalls: 0,
    deliveries: [],
    tokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    sms: createSmsState(),
    nextId(kind) {
      const id = counters[kind];
      counters[kind] = id + 1;
      return id;
    },
  };
}

export function membershipOf(user: User, companyId: number): Membership | undefined {
  return user.memberships.find((m) => m.company_id === companyId);
}

/** Projects of a company the user may see: all for admins, their own for everyone else. */
export function visibleProjects(state: EmulatorState, user: User, companyId: number): Project[] {
  const membership = membershipOf(user, companyId);
  if (!membership) return [];
  return state.projects.filter(
    (p) => p.company_id === companyId && (membership.is_company_admin || membership.project_ids.includes(p.id)),
  );
}

export function projectIdsOfVendor(state: EmulatorState, vendorId: number): number[] {
  const ids: number[] = [];
  for (const [projectId, members] of state.directories) if (members.has(vendorId)) ids.push(projectId);
  return ids;
}

export function companyVendors(state: EmulatorState, companyId: number): Vendor[] {
  return [...state.vendors.values()].filter((v) => v.company_id === companyId);
}

export function nowIso(): string {
  return new Date().toISOString();
}
