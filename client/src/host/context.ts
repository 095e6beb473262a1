import { procoreId } from '../../../server/contracts/api';

/** Where Procore opened the app and for which company and project. */
export interface HostContext {
  companyId: string | null;
  projectId: string | null;
  surface: 'sidepanel' | 'fullscreen';
  /** Procore's view key (side panel only), e.g. `project_directory.vendors.list`. */
  view: string | null;
  /** The record the side panel sits next to (a commitment on its page), when Procore names one. */
  recordId?: string | null;
}

/** Procore interpolates ids into the URL; an empty value means "not in a project". */
export function toProcoreId(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : value;
  const parsed = procoreId.safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** Reads the context from the manifest's URL: `/app?…` full screen, `/app/panel?…` side panel. */
export function readUrlContext(location: Pick<Location, 'pathname' | 'search'>): HostContext {
  const params = new URLSearchParams(location.search);
  const pathname = location.pathname.replace(/\/+$/, '');
  return {
    companyId: toProcoreId(params.get('company_id')),
    projectId: toProcoreId(params.get('project_id')),
    surface: pathname.endsWith('/panel') ? 'sidepanel' : 'fullscreen',
    view: null,
  };
}
