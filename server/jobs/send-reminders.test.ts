import { describe, expect, it } from 'vitest';
import { nextReminderDue } from './send-reminders';

const created = new Date('2026-03-02T15:00:00Z');
const dayOf = (d: Date | null) => (d === null ? null : (d.getTime() - created.getTime()) / 86_400_000);
const defaults = { reminderDays: [3, 7, 14], reminderEveryDays: 7 };

describe('nextReminderDue', () => {
  it('follows days 3, 7 and 14 after the request, then every 7 days', () => {
    expect([0, 1, 2, 3, 4, 5].map((sent) => dayOf(nextReminderDue(created, sent, defaults)))).toEqual([3, 7, 14, 21, 28, 35]);
  });

  it('keeps the time of day of the request', () => {
    expect(nextReminderDue(created, 0, defaults)?.toISOString()).toBe('2026-03-05T15:00:00.000Z');
  });

  it("follows a company's own days and interval, in order, ignoring repeats and non-positive days", () => {
    const custom = { reminderDays: [10, 2, 2, 0, 5], reminderEveryDays: 3 };
    expect([0, 1, 2, 3, 4].map((sent) => dayOf(nextReminderDue(created, sent, custom)))).toEqual([2, 5, 10, 13, 16]);
  });

  it('stops after the listed days when there is no repeating interval', () => {
    const once = { reminderDays: [4], reminderEveryDays: 0 };
    expect(dayOf(nextReminderDue(created, 0, once))).toBe(4);
    expect(nextReminderDue(created, 1, once)).toBeNull();
  });

  it('repeats from the request when no days are listed', () => {
    expect([0, 1, 2].map((sent) => dayOf(nextReminderDue(created, sent, { reminderDays: [], reminderEveryDays: 5 })))).toEqual([5, 10, 15]);
    expect(nextReminderDue(created, 0, { reminderDays: [], reminderEveryDays: 0 })).toBeNull();
  });
});
