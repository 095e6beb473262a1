import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interpolateUrl, loadManifest, manifestSchema, manifestUrls, renderManifest } from './index';

describe('manifest', () => {
  it('is well formed: full screen plus side panels on the directory and commitment views', () => {
    const m = loadManifest();
    expect(m.fullscreen.length).toBeGreaterThan(0);
    const views = m.sidepanel.flatMap((p) => p.views);
    expect(views).toContain('project_directory.vendors.list');
    expect(views).toContain('commitments.work_order_contracts.detail');
    expect(views).toContain('commitments.purchase_order_contracts.detail');
    for (const url of manifestUrls(m)) expect(url).toContain('{{procore.company.id}}');
  });

  it('refuses unknown keys and URLs outside the app', () => {
    const raw = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(manifestSchema.safeParse({ ...raw, extra: true }).success).toBe(false);
    const bad = structuredClone(raw) as { fullscreen: { source_url: string }[] };
    bad.fullscreen[0]!.source_url = 'https://elsewhere.example/app';
    expect(manifestSchema.safeParse(bad).success).toBe(false);
  });

  it('fills in the app origin and interpolates Procore variables URI-encoded', () => {
    const m = renderManifest('https://coi.example.com/');
    const url = interpolateUrl(m.fullscreen[0]!.source_url, { companyId: 42, projectId: null, companyName: 'A/B' });
    expect(url).toBe('https://coi.example.com/app?company_id=42&project_id=');
    expect(interpolateUrl('{{procore.company.name}}', { companyId: 1, companyName: 'A/B & C' })).toBe('A%2FB%20%26%20C');
  });
});
