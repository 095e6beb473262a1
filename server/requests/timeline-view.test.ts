import { describe, expect, it } from 'vitest';
import { visibleEvents } from './timeline-view';

describe('timeline view', () => {
  it("drops an email's not-yet-delivered entries once it is delivered, and keeps those still waiting", () => {
    const events = [
      { id: 1, kind: 'requested', data: {} },
      { id: 2, kind: 'email_queued', data: { emailId: 'a' } },
      { id: 3, kind: 'email_failed', data: { emailId: 'a' } },
      { id: 4, kind: 'email_queued', data: { emailId: 'b' } },
      { id: 5, kind: 'email_sent', data: { emailId: 'a' } },
      { id: 6, kind: 'email_failed', data: {} },
    ];
    expect(visibleEvents(events).map((e) => e.id)).toEqual([1, 4, 5, 6]);
  });
});
