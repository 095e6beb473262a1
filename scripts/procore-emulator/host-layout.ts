import type { EmulatorState } from './store';
import type { Company, Project } from './types';
import { escapeHtml } from './http';
import { SIDE_PANEL_HOST_SCRIPT, SIDE_PANEL_UI_SCRIPT } from './host-sidepanel';

// Page chrome imitating Procore's: orange header bar, tool tabs, and the frames apps live in.

const HEADER_HEIGHT = 92;

const STYLE = `*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,sans-serif;background:#f4f5f6;color:#232729}
.pc-header{background:#f47e42;color:#fff;height:52px;display:flex;align-items:center;gap:20px;padding:0 20px}
.pc-header a{color:#fff;text-decoration:none}.pc-logo{font-weight:800;letter-spacing:1px}.pc-context{font-size:14px;opacity:.95}
.pc-spacer{flex:1}.pc-tabs{background:#2c3438;height:40px;display:flex;align-items:center;gap:4px;padding:0 16px}
.pc-tabs a{color:#d5dadc;text-decoration:none;padding:10px 14px;font-size:14px}.pc-tabs a.active{color:#fff;border-bottom:3px solid #f47e42}
main{padding:20px 28px}table{border-collapse:collapse;background:#fff;width:100%}th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e3e6e8;font-size:14px}
th{background:#eef0f1}.toolbar{display:flex;align-items:center;gap:12px;margin-bottom:12px}h1{font-size:22px;margin:0 0 12px}
button.pc-button{background:#fff;border:1px solid #aab3b7;border-radius:4px;padding:7px 14px;cursor:pointer;font-size:14px}
.fullscreen-app{position:fixed;top:${HEADER_HEIGHT}px;left:0;right:0;bottom:0;width:100%;height:calc(100% - ${HEADER_HEIGHT}px);border:0;background:#fff}
#coi-side-panel{position:fixed;top:${HEADER_HEIGHT}px;right:0;bottom:0;width:400px;background:#fff;box-shadow:-2px 0 8px #0003;display:flex;flex-direction:column}
#coi-side-panel[hidden]{display:none}.panel-head{display:flex;align-items:center;gap:8px;padding:8px 12px;border-bottom:1px solid #e3e6e8;font-weight:600}
.panel-head span{flex:1}#coi-side-panel-body{flex:1}#coi-side-panel-body iframe{width:100%;height:100%;border:0}
body.panel-open main{margin-right:400px}.note{background:#fff3cd;padding:8px 12px;border-radius:4px}`;

export interface Crumbs {
  company: Company;
  project?: Project;
  activeTab?: string;
}

function tabs(crumbs: Crumbs): string {
  const { company, project } = crumbs;
  const links: [string, string][] = project
    ? [['Home', `/${company.id}/project/${project.id}/home`], ['Directory', `/${company.id}/project/${project.id}/directory`],
      ['Commitments', `/${company.id}/project/${project.id}/commitments`], ['COI Compliance', `/${company.id}/project/${project.id}/apps/coi-compliance`]]
    : [['Home', `/${company.id}/company/home`], ['COI Compliance', `/${company.id}/company/apps/coi-compliance`]];
  return links.map(([label, href]) => `<a href="${href}"${label === crumbs.activeTab ? ' class="active" aria-current="page"' : ''}>${label}</a>`).join('');
}

export function layout(title: string, content: string, crumbs?: Crumbs): string {
  const context = crumbs
    ? `<a class="pc-context" href="/${crumbs.company.id}/company/home">${escapeHtml(crumbs.company.name)}</a>${crumbs.project ? `<span class="pc-context">› <a href="/${crumbs.company.id}/project/${crumbs.project.id}/home">${escapeHtml(crumbs.project.name)}</a></span>` : ''}`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | Procore</title><style>${STYLE}</style></head><body>
<header class="pc-header"><a class="pc-logo" href="/">PROCORE</a>${context}<span class="pc-spacer"></span><a href="/__emulator/mailbox">Mailbox</a><a href="/__emulator/state">Emulator state</a></header>
<nav class="pc-tabs" aria-label="Tools">${crumbs ? tabs(crumbs) : ''}</nav>
${content}</body></html>`;
}

export function fullscreenFrame(src: string): string {
  return `<iframe class="fullscreen-app" title="COI Compliance" name="coi-compliance" src="${escapeHtml(src)}" allow="clipboard-write"></iframe>`;
}

export interface PanelConfig {
  src: string;
  appOrigin: string;
  context: { company_id: string; project_id: string; id: string | null; view: string };
}

/** Apps button target: the 400 px panel; the iframe is created on first open. */
export function sidePanel(config: PanelConfig): string {
  const json = JSON.stringify({ ...config, title: 'COI Compliance', name: 'coi-compliance-panel' }).replaceAll('<', '\\u003c');
  return `<aside id="coi-side-panel" aria-label="COI Compliance side panel" hidden>
<div class="panel-head"><span>COI Compliance</span><button type="button" class="pc-button" id="coi-panel-hide">Hide</button><button type="button" class="pc-button" id="coi-panel-close" aria-label="Close panel">×</button></div>
<div id="coi-side-panel-body"></div></aside>
<script type="application/json" id="coi-panel-config">${json}</script>
<script>${SIDE_PANEL_HOST_SCRIPT}${SIDE_PANEL_UI_SCRIPT}</script>`;
}

export function appsButton(): string {
  return '<button type="button" class="pc-button" id="coi-apps-button" aria-controls="coi-side-panel">Apps</button>';
}

export function companyOf(state: EmulatorState, raw: string): Company | undefined {
  return state.companies.find((c) => String(c.id) === raw);
}
