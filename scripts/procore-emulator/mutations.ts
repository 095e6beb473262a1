import type { RestDeps } from './rest-deps';
import { nowIso } from './store';
import type { Commitment, CommitmentKind, CommitmentStatus, Vendor } from './types';

// Record creation shared by the REST API and the __emulator tooling; both fire the webhooks a
// real Procore would.

export interface NewVendor {
  company_id: number;
  project_id?: number | null;
  name: string;
  trade?: string | null;
  email?: string | null;
  user_id: number;
}

export function createVendor(deps: RestDeps, input: NewVendor): Vendor {
  const { state } = deps;
  const id = state.nextId('vendor');
  const trade = input.trade ? state.trades.find((t) => t.name.toLowerCase() === input.trade?.toLowerCase()) : undefined;
  const stamp = nowIso();
  const email = input.email ?? null;
  const vendor: Vendor = {
    id,
    company_id: input.company_id,
    name: input.name,
    legal_name: input.name,
    abbreviated_name: input.name.split(/\s+/).map((w) => w[0] ?? '').join('').toUpperCase(),
    address: '',
    city: '',
    state_code: '',
    country_code: 'US',
    zip: '',
    business_phone: '',
    email_address: email,
    website: null,
    is_active: true,
    license_number: null,
    trade_ids: trade ? [trade.id] : [],
    primary_contact: email ? { id: id + 1_000_000, first_name: 'Primary', last_name: 'Contact', email_address: email } : null,
    origin_id: null,
    created_at: stamp,
    updated_at: stamp,
  };
  state.vendors.set(id, vendor);
  deps.emit({ resource_name: 'Company Vendors', event_type: 'create', resource_id: id, company_id: input.company_id, project_id: null, user_id: input.user_id });
  if (input.project_id) addVendorToProject(deps, input.project_id, vendor, input.user_id);
  return vendor;
}

export function addVendorToProject(deps: RestDeps, projectId: number, vendor: Vendor, userId: number): void {
  const directory = deps.state.directories.get(projectId) ?? new Set<number>();
  deps.state.directories.set(projectId, directory);
  if (directory.has(vendor.id)) return;
  directory.add(vendor.id);
  deps.emit({ resource_name: 'Project Vendors', event_type: 'create', resource_id: vendor.id, company_id: vendor.company_id, project_id: projectId, user_id: userId });
}

export interface NewCommitment {
  project_id: number;
  company_id: number;
  vendor_id: number;
  kind: CommitmentKind;
  title?: string;
  grand_total?: number;
  status?: CommitmentStatus;
  user_id: number;
}

export const CONTRACT_RESOURCES: Record<CommitmentKind, string> = {
  work_order: 'Work Order Contracts',
  purchase_order: 'Purchase Order Contracts',
};

export function createCommitment(deps: RestDeps, input: NewCommitment): Commitment {
  const { state } = deps;
  const sameKind = [...state.commitments.values()].filter((c) => c.project_id === input.project_id && c.kind === input.kind);
  const stamp = nowIso();
  const status = input.status ?? 'Draft';
  const commitment: Commitment = {
    id: state.nextId('commitment'),
    kind: input.kind,
    project_id: input.project_id,
    vendor_id: input.vendor_id,
    number: `${input.kind === 'work_order' ? 'SC' : 'PO'}-${String(sameKind.length + 1).padStart(3, '0')}`,
    title: input.title ?? `${input.kind === 'work_order' ? 'Subcontract' : 'Purchase order'} ${sameKind.length + 1}`,
    description: '',
    status,
    executed: status === 'Approved' || status === 'Complete',
    grand_total: (input.grand_total ?? 0).toFixed(1),
    contract_date: stamp.slice(0, 10),
    created_at: stamp,
    updated_at: stamp,
    deleted_at: null,
  };
  state.commitments.set(commitment.id, commitment);
  deps.emit({ resource_name: CONTRACT_RESOURCES[input.kind], event_type: 'create', resource_id: commitment.id, company_id: input.company_id, project_id: input.project_id, user_id: input.user_id });
  return commitment;
}
