import { describe, expect, it } from 'vitest';
import { dueTonight, localTime } from './nightly-sync';

describe('nightly schedule', () => {
  it('reads the hour and date in the company time zone', () => {
    expect(localTime(new Date('2026-12-03T07:30:00Z'), 'America/New_York')).toEqual({ date: '2026-12-03', hour: 2 });
    expect(localTime(new Date('2026-07-03T06:30:00Z'), 'America/New_York')).toEqual({ date: '2026-07-03', hour: 2 });
    expect(localTime(new Date('2026-12-03T10:30:00Z'), 'America/Los_Angeles')).toEqual({ date: '2026-12-03', hour: 2 });
  });

  it('is due once per local night, at 02:00', () => {
    const twoAm = new Date('2026-12-03T07:15:00Z');
    expect(dueTonight(twoAm, 'America/New_York', null)).toBe(true);
    expect(dueTonight(twoAm, 'America/New_York', new Date('2026-12-03T07:00:00Z'))).toBe(false);
    expect(dueTonight(twoAm, 'America/New_York', new Date('2026-12-02T07:00:00Z'))).toBe(true);
    expect(dueTonight(new Date('2026-12-03T12:00:00Z'), 'America/New_York', null)).toBe(false);
  });
});
