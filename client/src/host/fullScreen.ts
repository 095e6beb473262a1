import { parentOrigin } from './sidePanel';

// The app's full-screen page in Procore, for the side panel to send the user to (a review is
// unreadable 371 px wide). Procore's full-screen URL names only the company and project, so
// what to open there travels through the server (the review hand-off).
// Procore does not document the path of an installed app's full-screen page
// (procore-platform.md 5), so it is set per deployment (PROCORE_FULL_SCREEN_PROJECT_PATH and
// PROCORE_FULL_SCREEN_COMPANY_PATH, given to the panel with the session); the defaults are the
// emulator's. Only the path is configurable: the page is always on Procore's own origin.

export interface FullScreenPaths {
  company: string;
  project: string;
}

export function fullScreenUrl(referrer: string, paths: FullScreenPaths, companyId: string, projectId: string | null): string | null {
  const origin = parentOrigin(referrer);
  if (origin === null || !path.test(paths.company) || !path.test(paths.project)) return null;
  const fill = (template: string) =>
    template.replace(/\{company\}/g, encodeURIComponent(companyId)).replace(/\{project\}/g, encodeURIComponent(projectId ?? ''));
  return `${origin}${fill(projectId === null ? paths.company : paths.project)}`;
}

/** One "/" then a path: never "//host", which would leave Procore's origin. */
const path = /^\/(?!\/)/;

/** Navigates Procore's own window (the panel's parent page) there. */
export function openInProcore(url: string): void {
  window.open(url, '_top');
}
