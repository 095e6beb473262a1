import { companyVendors, membershipOf, type EmulatorState } from './store';
import { serializeVendor } from './serializers';

// GET /__emulator/state: what is seeded, for tests, scripts and humans.

export function summarizeState(state: EmulatorState): Record<string, unknown> {
  return {
    companies: state.companies.map((c) => ({
      id: c.id, name: c.name, installed: c.app_installed, vendors: companyVendors(state, c.id).length,
    })),
    projects: state.projects.map((p) => ({
      id: p.id, name: p.name, company_id: p.company_id, directory_vendors: state.directories.get(p.id)?.size ?? 0,
    })),
    users: state.users.map((u) => ({
      id: u.id, name: u.name, login: u.login, role: u.role, service_account: u.is_service_account,
      companies: u.memberships.map((m) => ({
        company_id: m.company_id,
        permission_template: state.templates.find((t) => t.id === m.permission_template_id)?.name ?? null,
        permission_template_id: m.permission_template_id,
        is_company_admin: m.is_company_admin,
        is_insurance_manager: membershipOf(u, m.company_id)?.is_insurance_manager ?? false,
        project_ids: m.project_ids,
      })),
    })),
    trades: state.trades,
    sample_vendors: state.companies.flatMap((c) => companyVendors(state, c.id).slice(0, 3)).map((v) => ({
      company_id: v.company_id, ...serializeVendor(state, v, 'compact'),
    })),
    commitments: [...state.commitments.values()].map((c) => ({
      id: c.id, kind: c.kind, project_id: c.project_id, vendor_id: c.vendor_id, number: c.number, title: c.title, status: c.status, grand_total: c.grand_total,
    })),
    insurances: state.insurances.size,
    hooks: [...state.hooks.values()].map((h) => ({
      id: h.id, company_id: h.company_id, project_id: h.project_id, namespace: h.namespace, destination_url: h.destination_url,
      triggers: h.triggers.map((t) => `${t.resource_name}:${t.event_type}`),
      deliveries: state.deliveries.filter((d) => d.hook_id === h.id).map((d) => ({ id: d.id, status: d.status, attempts: d.attempts, resource_name: d.payload.resource_name, resource_id: d.payload.resource_id })),
    })),
  };
}
