import type { Request, Response } from 'express';

// The panel's session also rides in a partitioned cookie (CHIPS: SameSite=None; Secure;
// Partitioned). Procore frames the app cross-site, and browsers that block third-party cookies
// (and with them the frame's localStorage and sessionStorage) still keep a partitioned cookie,
// keyed to Procore's top-level site. So a sign-in survives Procore page changes, reloads and
// side panel ⇄ full screen. Requests authenticated by this cookie must carry `panelHeader`: a
// page on another site cannot add it without a CORS preflight, which this app never grants.

export const panelCookie = 'coi_panel';
export const panelHeader = 'x-coi-panel';
const lifetimeSeconds = 12 * 60 * 60;

export function readPanelCookie(req: Request): string | null {
  if (req.get(panelHeader) !== '1') return null;
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === panelCookie) {
      const token = value.join('=');
      return /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
    }
  }
  return null;
}

function cookie(value: string, maxAge: number): string {
  return `${panelCookie}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; Secure; SameSite=None; Partitioned`;
}

export function setPanelCookie(res: Response, token: string): void {
  res.append('Set-Cookie', cookie(token, lifetimeSeconds));
}

export function clearPanelCookie(res: Response): void {
  res.append('Set-Cookie', cookie('', 0));
}
