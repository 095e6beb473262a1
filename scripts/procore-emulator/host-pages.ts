import express, { type Request, type Response, type Router } from 'express';
import { interpolateUrl, loadManifest, type Manifest } from '../../manifest/index';
import { appsButton, companyOf, fullscreenFrame, layout, sidePanel, type Crumbs } from './host-layout';
import type { EmulatorState } from './store';
import type { Commitment, Company, Project } from './types';
import { escapeHtml, param } from './http';

// Server-rendered stand-ins for Procore's UI around the app: company and project homes, the
// project Directory and commitment pages with the side panel, and the full-screen app pages.
// Every app URL comes from the manifest so the emulator frames exactly what Procore would.

type View = Manifest['sidepanel'][number]['views'][number];

function sidePanelSource(manifest: Manifest, view: View): string {
  const panel = manifest.sidepanel.find((p) => p.views.includes(view));
  if (!panel) throw new Error(`The manifest has no side panel for view ${view}`);
  return panel.source_url;
}

/**
 * The manifest with {{APP_URL}} filled in. manifest/index.ts renderManifest() re-validates the
 * result against the template schema (which requires the literal {{APP_URL}} prefix) and so
 * throws; filling it in here keeps the emulator independent of that.
 */
function manifestFor(appUrl: string): Manifest {
  const origin = appUrl.replace(/\/+$/, '');
  return JSON.parse(JSON.stringify(loadManifest()).replaceAll('{{APP_URL}}', origin)) as Manifest;
}

function notFound(res: Response, what: string): void {
  res.status(404).type('html').send(layout('Not found', `<main><h1>${escapeHtml(what)} not found</h1><p><a href="/">All companies</a></p></main>`));
}

function resolve(state: EmulatorState, req: Request, res: Response): { company: Company; project?: Project } | null {
  const company = companyOf(state, param(req, 'companyId'));
  if (!company) {
    notFound(res, 'Company');
    return null;
  }
  if (req.params.projectId === undefined) return { company };
  const project = state.projects.find((p) => String(p.id) === param(req, 'projectId') && p.company_id === company.id);
  if (!project) {
    notFound(res, 'Project');
    return null;
  }
  return { company, project };
}

function ctx(company: Company, project?: Project) {
  return { companyId: company.id, companyName: company.name, projectId: project?.id ?? null, projectName: project?.name ?? '' };
}

function projectsTable(state: EmulatorState, company: Company): string {
  const rows = state.projects
    .filter((p) => p.company_id === company.id)
    .map((p) => `<tr><td>${escapeHtml(p.project_number)}</td><td><a href="/${company.id}/project/${p.id}/home">${escapeHtml(p.name)}</a></td><td>${escapeHtml(p.city)}, ${escapeHtml(p.state_code)}</td><td>${escapeHtml(p.stage)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>Number</th><th>Project</th><th>Location</th><th>Stage</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function vendorRows(state: EmulatorState, project: Project): string {
  return [...(state.directories.get(project.id) ?? [])]
    .map((id) => state.vendors.get(id))
    .filter((v) => v !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((v) => {
      const trades = v.trade_ids.map((t) => state.trades.find((x) => x.id === t)?.name ?? '').join(', ');
      return `<tr data-vendor-id="${v.id}"><td>${escapeHtml(v.name)}</td><td>${escapeHtml(trades)}</td><td>${escapeHtml(v.email_address ?? '')}</td><td>${escapeHtml(v.business_phone)}</td></tr>`;
    })
    .join('');
}

function commitmentRows(state: EmulatorState, company: Company, project: Project): string {
  return [...state.commitments.values()]
    .filter((c) => c.project_id === project.id)
    .map((c) => `<tr><td>${escapeHtml(c.number)}</td><td><a href="/${company.id}/project/${project.id}/commitments/${c.id}">${escapeHtml(c.title)}</a></td><td>${escapeHtml(state.vendors.get(c.vendor_id)?.name ?? '')}</td><td>${c.kind === 'work_order' ? 'Subcontract' : 'Purchase Order'}</td><td>${escapeHtml(c.status)}</td><td>$${Number(c.grand_total).toLocaleString('en-US')}</td></tr>`)
    .join('');
}

function commitmentView(c: Commitment): View {
  return c.kind === 'work_order' ? 'commitments.work_order_contracts.detail' : 'commitments.purchase_order_contracts.detail';
}

export function hostRouter(state: EmulatorState, appUrl: string): Router {
  const manifest = manifestFor(appUrl);
  const appOrigin = new URL(appUrl).origin;
  const fullscreenUrl = manifest.fullscreen[0]?.source_url ?? `${appUrl}/app`;
  const router = express.Router();
  const send = (res: Response, title: string, body: string, crumbs?: Crumbs) => res.type('html').send(layout(title, body, crumbs));

  router.get('/', (_req, res) => {
    const rows = state.companies
      .map((c) => `<li><a href="/${c.id}/company/home">${escapeHtml(c.name)}</a> <small>(${c.id}${c.app_installed ? '' : ', COI Compliance not installed'})</small></li>`)
      .join('');
    send(res, 'Companies', `<main><h1>Companies</h1><ul>${rows}</ul></main>`);
  });

  router.get('/:companyId/company/home', (req, res) => {
    const r = resolve(state, req, res);
    if (!r) return;
    const note = r.company.app_installed ? '' : '<p class="note">COI Compliance is not installed in this company: its API calls answer 403 "App is not connected to this company".</p>';
    send(res, r.company.name, `<main><h1>${escapeHtml(r.company.name)}</h1>${note}<p><a href="/${r.company.id}/company/apps/coi-compliance">Open COI Compliance</a></p><h2>Projects</h2>${projectsTable(state, r.company)}</main>`, { company: r.company, activeTab: 'Home' });
  });

  router.get('/:companyId/company/apps/coi-compliance', (req, res) => {
    const r = resolve(state, req, res);
    if (r) send(res, 'COI Compliance', fullscreenFrame(interpolateUrl(fullscreenUrl, ctx(r.company))), { company: r.company, activeTab: 'COI Compliance' });
  });

  router.get('/:companyId/project/:projectId/home', (req, res) => {
    const r = resolve(state, req, res);
    if (!r?.project) return;
    const p = r.project;
    const base = `/${r.company.id}/project/${p.id}`;
    send(res, p.name, `<main><h1>${escapeHtml(p.display_name)}</h1><p>${escapeHtml(p.address)}, ${escapeHtml(p.city)}, ${escapeHtml(p.state_code)} ${escapeHtml(p.zip)}</p><ul><li><a href="${base}/directory">Directory</a></li><li><a href="${base}/commitments">Commitments</a></li><li><a href="${base}/apps/coi-compliance">COI Compliance</a></li></ul></main>`, { ...r, activeTab: 'Home' });
  });

  router.get('/:companyId/project/:projectId/apps/coi-compliance', (req, res) => {
    const r = resolve(state, req, res);
    if (r?.project) send(res, 'COI Compliance', fullscreenFrame(interpolateUrl(fullscreenUrl, ctx(r.company, r.project))), { ...r, activeTab: 'COI Compliance' });
  });

  router.get('/:companyId/project/:projectId/directory', (req, res) => {
    const r = resolve(state, req, res);
    if (!r?.project) return;
    const view: View = 'project_directory.vendors.list';
    const panel = sidePanel({
      src: interpolateUrl(sidePanelSource(manifest, view), ctx(r.company, r.project)), appOrigin,
      context: { company_id: String(r.company.id), project_id: String(r.project.id), id: null, view },
    });
    const table = `<table aria-label="Companies"><thead><tr><th>Company</th><th>Trades</th><th>Email</th><th>Phone</th></tr></thead><tbody>${vendorRows(state, r.project)}</tbody></table>`;
    send(res, 'Directory', `<main><div class="toolbar"><h1>Directory · Companies</h1><span class="pc-spacer"></span>${appsButton()}</div>${table}</main>${panel}`, { ...r, activeTab: 'Directory' });
  });

  router.get('/:companyId/project/:projectId/commitments', (req, res) => {
    const r = resolve(state, req, res);
    if (!r?.project) return;
    const table = `<table><thead><tr><th>#</th><th>Title</th><th>Company</th><th>Type</th><th>Status</th><th>Grand total</th></tr></thead><tbody>${commitmentRows(state, r.company, r.project)}</tbody></table>`;
    send(res, 'Commitments', `<main><h1>Commitments</h1>${table}</main>`, { ...r, activeTab: 'Commitments' });
  });

  router.get('/:companyId/project/:projectId/commitments/:id', (req, res) => {
    const r = resolve(state, req, res);
    if (!r?.project) return;
    const c = state.commitments.get(Number(param(req, 'id')));
    if (!c || c.project_id !== r.project.id) return notFound(res, 'Commitment');
    const view = commitmentView(c);
    const panel = sidePanel({
      src: interpolateUrl(sidePanelSource(manifest, view), ctx(r.company, r.project)), appOrigin,
      context: { company_id: String(r.company.id), project_id: String(r.project.id), id: String(c.id), view },
    });
    const vendor = state.vendors.get(c.vendor_id);
    const details = `<table><tbody><tr><th>Number</th><td>${escapeHtml(c.number)}</td></tr><tr><th>Contract company</th><td>${escapeHtml(vendor?.name ?? '')}</td></tr><tr><th>Status</th><td>${escapeHtml(c.status)}</td></tr><tr><th>Grand total</th><td>$${Number(c.grand_total).toLocaleString('en-US')}</td></tr></tbody></table>`;
    send(res, c.title, `<main><div class="toolbar"><h1>${escapeHtml(c.title)}</h1><span class="pc-spacer"></span>${appsButton()}</div>${details}</main>${panel}`, { ...r, activeTab: 'Commitments' });
  });

  return router;
}
