import { parentOrigin } from './sidePanel';

// The app's full-screen page in Procore, for the side panel to send the user to (a review is
// unreadable 371 px wide). Procore's full-screen URL names only the company and project, so
// what to open there travels through the server (the review hand-off).
// The path is the emulator's (company or project, then apps/coi-compliance); Procore's own
// path for an installed app's full-screen page is not documented (procore-platform.md 5), so a
// deployment against real Procore must confirm it here.

export function fullScreenUrl(referrer: string, companyId: string, projectId: string | null): string | null {
  const origin = parentOrigin(referrer);
  if (origin === null) return null;
  const scope = projectId === null ? `${companyId}/company` : `${companyId}/project/${projectId}`;
  return `${origin}/${scope}/apps/coi-compliance`;
}

/** Navigates Procore's own window (the panel's parent page) there. */
export function openInProcore(url: string): void {
  window.open(url, '_top');
}
