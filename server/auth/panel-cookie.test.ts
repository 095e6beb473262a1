import { describe, expect, it } from 'vitest';
import type { Request } from 'express';
import { readPanelCookie } from './panel-cookie';

const request = (headers: Record<string, string>) => ({ get: (name: string) => headers[name.toLowerCase()] }) as unknown as Request;
const token = 'A'.repeat(43);

describe('readPanelCookie', () => {
  it('reads the session cookie only when the panel header is present', () => {
    expect(readPanelCookie(request({ cookie: `other=1; coi_panel=${token}`, 'x-coi-panel': '1' }))).toBe(token);
    expect(readPanelCookie(request({ cookie: `coi_panel=${token}` }))).toBeNull();
    expect(readPanelCookie(request({ cookie: `coi_panel=${token}`, 'x-coi-panel': 'yes' }))).toBeNull();
  });

  it('ignores a malformed or empty cookie', () => {
    expect(readPanelCookie(request({ cookie: 'coi_panel=', 'x-coi-panel': '1' }))).toBeNull();
    expect(readPanelCookie(request({ cookie: 'coi_panel=short', 'x-coi-panel': '1' }))).toBeNull();
    expect(readPanelCookie(request({ cookie: `coi_panel=${token};x`, 'x-coi-panel': '1' }))).toBe(token);
    expect(readPanelCookie(request({ 'x-coi-panel': '1' }))).toBeNull();
  });
});
