import { describe, expect, it } from 'vitest';
import { COMPANY_A, COMPANY_B, COMPANY_NOT_INSTALLED } from './seed-people';
import { createState } from './store';

function snapshot(vendors: number) {
  const state = createState(vendors);
  return {
    vendors: [...state.vendors.values()],
    directories: [...state.directories].map(([id, set]) => [id, [...set]]),
    commitments: [...state.commitments.values()],
    insurances: [...state.insurances.values()],
  };
}

describe('seed', () => {
  it('is deterministic', () => {
    expect(snapshot(300)).toEqual(snapshot(300));
  });

  it('keeps the first vendors identical when the vendors knob grows', () => {
    const small = snapshot(300).vendors.filter((v) => v.company_id === COMPANY_A);
    const large = snapshot(5000).vendors.filter((v) => v.company_id === COMPANY_A);
    expect(large).toHaveLength(5000);
    expect(new Set(large.map((v) => v.id)).size).toBe(5000);
    expect(large.slice(0, 300).map((v) => v.id)).toEqual(small.map((v) => v.id));
  });

  it('has the variety the app must handle', () => {
    const state = createState(300);
    const a = [...state.vendors.values()].filter((v) => v.company_id === COMPANY_A);
    expect(a).toHaveLength(300);
    expect(new Set(a.map((v) => v.name)).size).toBe(300);
    expect(a.some((v) => v.email_address === null)).toBe(true);
    expect(a.some((v) => v.email_address !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email_address))).toBe(true);
    expect(a.some((v) => !v.is_active)).toBe(true);
    expect(state.companies.map((c) => [c.id, c.app_installed])).toEqual([[COMPANY_A, true], [COMPANY_B, true], [COMPANY_NOT_INSTALLED, false]]);
    for (const project of state.projects) {
      const size = state.directories.get(project.id)?.size ?? 0;
      expect(size).toBeGreaterThanOrEqual(25);
      expect(size).toBeLessThanOrEqual(80);
    }
    const statuses = new Set([...state.commitments.values()].map((c) => c.status));
    expect(statuses).toContain('Void');
    expect(new Set([...state.commitments.values()].map((c) => c.kind))).toEqual(new Set(['work_order', 'purchase_order']));
  });
});
