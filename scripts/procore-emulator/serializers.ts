import { membershipOf, projectIdsOfVendor, type EmulatorState } from './store';
import type { Commitment, Insurance, Project, User, Vendor } from './types';

// Record -> Procore v1 payload. Views trim the vendor record the way Procore's `view` param does.

export function serializeProject(state: EmulatorState, project: Project): Record<string, unknown> {
  const company = state.companies.find((c) => c.id === project.company_id);
  const { company_id: _companyId, ...fields } = project;
  return {
    ...fields,
    county: null,
    latitude: null,
    longitude: null,
    phone: null,
    origin_id: null,
    origin_data: null,
    company: { id: project.company_id, name: company?.name ?? '' },
  };
}

function vendorRef(state: EmulatorState, companyId: number): { id: number; name: string } {
  const company = state.companies.find((c) => c.id === companyId);
  return { id: company?.own_vendor_id ?? 0, name: company?.name ?? '' };
}

/** A user as Procore shows them in a company, or on a project (with the project's template assignment). */
export function serializeUser(state: EmulatorState, user: User, companyId: number, projectId?: number): Record<string, unknown> {
  const membership = membershipOf(user, companyId);
  const companyTemplate = state.templates.find((t) => t.id === membership?.permission_template_id);
  const assigned = projectId === undefined ? undefined : membership?.project_templates?.[projectId];
  const template = state.templates.find((t) => t.id === (assigned ?? membership?.permission_template_id));
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    first_name: user.first_name,
    last_name: user.last_name,
    email_address: user.login,
    job_title: user.job_title,
    is_active: true,
    is_employee: !user.is_service_account,
    is_insurance_manager: membership?.is_insurance_manager ?? false,
    vendor: vendorRef(state, companyId),
    default_permission_template_id: companyTemplate?.id ?? null,
    company_permission_template_id: companyTemplate?.id ?? null,
    permission_template: template ? { id: template.id, name: template.name } : null,
  };
}

const MINIMAL_VIEWS = new Set(['minimal', 'name']);
const COMPACT_VIEWS = new Set(['compact', 'list', 'summary']);

export function serializeVendor(state: EmulatorState, vendor: Vendor, view = 'extended'): Record<string, unknown> {
  if (view === 'ids_only') return { id: vendor.id };
  if (MINIMAL_VIEWS.has(view)) return { id: vendor.id, name: vendor.name, is_active: vendor.is_active, logo: null };
  const trades = vendor.trade_ids.map((id) => state.trades.find((t) => t.id === id)).filter((t) => t !== undefined);
  if (COMPACT_VIEWS.has(view)) {
    return { id: vendor.id, name: vendor.name, abbreviated_name: vendor.abbreviated_name, is_active: vendor.is_active, email_address: vendor.email_address, trades, origin_id: vendor.origin_id };
  }
  const { company_id: _c, trade_ids: _t, ...fields } = vendor;
  return {
    ...fields,
    trade_name: trades[0]?.name ?? null,
    mobile_phone: null,
    fax_number: null,
    logo: null,
    notes: null,
    is_connected: false,
    connected_to_company_id: null,
    company_vendor: true,
    authorized_bidder: true,
    prequalified: false,
    labor_union: null,
    union_member: false,
    non_union_prevailing_wage: false,
    synced_to_erp: false,
    parent: null,
    vendor_group: null,
    trades,
    project_ids: projectIdsOfVendor(state, vendor.id),
    business_register: null,
    bidding: { affirmative_action: false, enr_certified: false, sdvo_business: false },
    attachments: [],
    origin_code: null,
    origin_data: null,
  };
}

export function serializeContract(state: EmulatorState, c: Commitment, view = 'extended'): Record<string, unknown> {
  const vendor = state.vendors.get(c.vendor_id);
  const project = state.projects.find((p) => p.id === c.project_id);
  const base = { id: c.id, number: c.number, title: c.title, status: c.status, executed: c.executed, vendor: { id: c.vendor_id, company: vendor?.name ?? '' } };
  if (view === 'compact') return base;
  const total = Number(c.grand_total);
  const extended: Record<string, unknown> = {
    ...base,
    description: c.description,
    grand_total: c.grand_total,
    revised_contract: c.grand_total,
    approved_change_orders: '0.0',
    pending_change_orders: '0.0',
    total_payments: '0.0',
    percentage_paid: '0.0',
    remaining_balance_outstanding: total.toFixed(1),
    retainage_percent: '10.0',
    accounting_method: 'amount',
    contract_date: c.contract_date,
    contract_start_date: c.contract_date,
    contract_estimated_completion_date: null,
    actual_completion_date: null,
    execution_date: c.executed ? c.contract_date : null,
    signed_contract_received_date: null,
    private: false,
    project: { id: c.project_id, name: project?.name ?? '' },
    origin_id: null,
    created_at: c.created_at,
    updated_at: c.updated_at,
    deleted_at: c.deleted_at,
  };
  if (c.kind === 'purchase_order') {
    Object.assign(extended, { ship_to_address: null, ship_via: null, bill_to_address: null, payment_terms: 'Net 30', delivery_date: null, assignee: null });
  }
  return extended;
}

/** The generic /commitments shape (both kinds). */
export function serializeCommitment(state: EmulatorState, c: Commitment): Record<string, unknown> {
  const vendor = state.vendors.get(c.vendor_id);
  return {
    id: c.id,
    title: c.title,
    number: c.number,
    status: c.status,
    description: c.description,
    executed: c.executed,
    delivery_date: null,
    created_at: c.created_at,
    private: false,
    type: c.kind === 'work_order' ? 'WorkOrderContract' : 'PurchaseOrderContract',
    grand_total: c.grand_total,
    vendor: { id: c.vendor_id, name: vendor?.name ?? '' },
  };
}

export function serializeInsurance(insurance: Insurance): Record<string, unknown> {
  const { company_id: _c, project_id: _p, created_at: _ca, updated_at: _ua, ...fields } = insurance;
  return { ...fields, division_template: null, insurance_sets: [] };
}
