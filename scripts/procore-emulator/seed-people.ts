import type { Company, Membership, PermissionTemplate, Project, User } from './types';

// Fixed companies, projects, templates and users. Ids are hard-coded so tests, docs and the
// app's fixtures can name them.

export const COMPANY_A = 4271001;
export const COMPANY_B = 4271002;
export const COMPANY_NOT_INSTALLED = 4271003;

export const USER_ADMIN = 10861001;
export const USER_PM = 10861002;
export const USER_COMPLIANCE = 10861003;
export const USER_READ_ONLY = 10861004;
export const USER_SECOND_COMPANY = 10861005;
export const USER_SUPERINTENDENT = 10861006;
export const USER_ACCOUNTANT = 10861007;
export const USER_DMSA = 10861099;

const SEED_TIME = '2025-01-15T12:00:00Z';

export function seedCompanies(): Company[] {
  const defs: [number, string, boolean][] = [
    [COMPANY_A, 'Summit Ridge Builders', true],
    [COMPANY_B, 'Harbor Point Construction', true],
    [COMPANY_NOT_INSTALLED, 'Northwind General Contractors', false],
  ];
  return defs.map(([id, name, installed], i) => ({
    id,
    name,
    is_active: true,
    logo_url: null,
    pcn_business_experience: null,
    app_installed: installed,
    own_vendor_id: 18000001 + i,
  }));
}

/** The six named projects, plus `extraProjects` more in the first company (benchmarks). */
export function seedProjects(extraProjects = 0): Project[] {
  const defs: [number, number, string, string, string][] = [
    [2783001, COMPANY_A, 'Riverside Medical Center', 'Denver', 'CO'],
    [2783002, COMPANY_A, 'Oak Street Lofts', 'Boulder', 'CO'],
    [2783003, COMPANY_A, 'Westgate Elementary School Renovation', 'Aurora', 'CO'],
    [2783004, COMPANY_B, 'Pier 9 Office Tower', 'Seattle', 'WA'],
    [2783005, COMPANY_B, 'Harbor Logistics Warehouse', 'Tacoma', 'WA'],
    [2783006, COMPANY_NOT_INSTALLED, 'Lakeview Apartments', 'Madison', 'WI'],
  ];
  for (let i = 0; i < extraProjects; i++) defs.push([2783100 + i, COMPANY_A, `Benchmark Project ${i + 1}`, 'Denver', 'CO']);
  return defs.map(([id, companyId, name, city, state], i) => ({
    id,
    company_id: companyId,
    name,
    display_name: `${100 + i} - ${name}`,
    project_number: String(100 + i),
    address: `${1200 + i * 37} Main Street`,
    city,
    state_code: state,
    country_code: 'US',
    zip: String(80202 + i),
    stage: i % 3 === 2 ? 'Pre-Construction' : 'Course of Construction',
    active: true,
    created_at: SEED_TIME,
    updated_at: SEED_TIME,
  }));
}

const TEMPLATE_DEFS: [string, PermissionTemplate['type'], PermissionTemplate['category'], PermissionTemplate['level']][] = [
  ['Company Admin', 'global', 'internal', 'Admin'],
  ['Project Manager', 'global', 'internal', 'Standard'],
  ['Compliance Manager', 'global', 'internal', 'Admin'],
  ['Read Only', 'global', 'internal', 'Read Only'],
  ['Subcontractor', 'global', 'external', 'Read Only'],
  ['Superintendent', 'global', 'internal', 'Standard'],
  ['Accountant', 'company_tools', 'internal', 'Read Only'],
];

/** A project's own template (Procore's project-specific templates), on the first project of each company. */
export const PROJECT_TEMPLATE_NAME = "Owner's Representative";

export function seedTemplates(companies: Company[], projects: Project[]): PermissionTemplate[] {
  return companies.flatMap((company, ci) => {
    const global = TEMPLATE_DEFS.map(([name, type, category, level], ti): PermissionTemplate => ({
      id: 5501000 + ci * 10 + ti,
      company_id: company.id,
      name,
      project_specific: false,
      type,
      category,
      project_id: null,
      level,
    }));
    const first = projects.find((p) => p.company_id === company.id);
    const own: PermissionTemplate[] = first
      ? [{ id: 5501000 + ci * 10 + 9, company_id: company.id, name: PROJECT_TEMPLATE_NAME, project_specific: true, type: 'project_specific', category: 'external', project_id: first.id, level: 'Read Only' }]
      : [];
    return [...global, ...own];
  });
}

/** Template id by company and template index (0 admin, 1 PM, 2 compliance, 3 read-only, 4 sub, 5 superintendent, 6 accountant, 9 the first project's own). */
export function templateId(companyId: number, index: number): number {
  const ci = [COMPANY_A, COMPANY_B, COMPANY_NOT_INSTALLED].indexOf(companyId);
  return 5501000 + ci * 10 + index;
}

function member(companyId: number, template: number, projectIds: number[], extra: Partial<Membership> = {}): Membership {
  return {
    company_id: companyId,
    permission_template_id: templateId(companyId, template),
    is_company_admin: template === 0,
    is_insurance_manager: false,
    project_ids: projectIds,
    ...extra,
  };
}

function user(id: number, first: string, last: string, domain: string, jobTitle: string, role: string, memberships: Membership[]): User {
  return {
    id,
    login: `${first}.${last}@${domain}`.toLowerCase(),
    first_name: first,
    last_name: last,
    name: `${first} ${last}`,
    job_title: jobTitle,
    role,
    is_service_account: false,
    memberships,
  };
}

export function seedUsers(projects: Project[]): User[] {
  const projectsOf = (companyId: number): number[] => projects.filter((p) => p.company_id === companyId).map((p) => p.id);
  const a = projectsOf(COMPANY_A);
  const b = projectsOf(COMPANY_B);
  const c = projectsOf(COMPANY_NOT_INSTALLED);
  const dmsa: User = {
    ...user(USER_DMSA, 'COI Compliance', 'Service Account', 'dmsa.procore.example', 'Service account', 'dmsa', [
      member(COMPANY_A, 0, a),
      member(COMPANY_B, 0, b),
    ]),
    name: 'COI Compliance (DMSA)',
    login: 'coi-compliance-dmsa@dmsa.procore.example',
    is_service_account: true,
  };
  return [
    user(USER_ADMIN, 'Alice', 'Morgan', 'summitridge.example.com', 'VP Operations', 'company admin', [
      member(COMPANY_A, 0, a),
      member(COMPANY_B, 0, b),
      member(COMPANY_NOT_INSTALLED, 0, c),
    ]),
    user(USER_PM, 'Pete', 'Alvarez', 'summitridge.example.com', 'Project Manager', 'project manager', [
      member(COMPANY_A, 1, a.slice(0, 2)),
    ]),
    user(USER_COMPLIANCE, 'Carla', 'Nguyen', 'summitridge.example.com', 'Risk & Compliance Manager', 'insurance manager', [
      member(COMPANY_A, 2, a, { is_insurance_manager: true }),
    ]),
    user(USER_READ_ONLY, 'Rita', 'Okafor', 'summitridge.example.com', 'Project Engineer', 'read-only', [
      member(COMPANY_A, 3, a.slice(0, 1)),
    ]),
    user(USER_SUPERINTENDENT, 'Sam', 'Ortiz', 'summitridge.example.com', 'Superintendent', 'superintendent', [
      member(COMPANY_A, 5, a.slice(0, 1)),
    ]),
    user(USER_ACCOUNTANT, 'Anna', 'Kowalski', 'summitridge.example.com', 'Project Accountant', 'accountant', [
      member(COMPANY_A, 6, []),
    ]),
    user(USER_SECOND_COMPANY, 'Ben', 'Carter', 'harborpoint.example.com', 'Operations Director', 'second company only', [
      member(COMPANY_B, 0, b),
    ]),
    dmsa,
  ];
}
