// What the timeline shows: an email's "not yet delivered" entries (queued, a failed attempt)
// give way to its "delivered" entry once it is sent; the audit rows themselves stay.

interface TimelineRow {
  kind: string;
  data: unknown;
}

const provisional = new Set(['email_queued', 'email_failed']);

function emailIdOf(data: unknown): string | null {
  const id = data && typeof data === 'object' ? (data as { emailId?: unknown }).emailId : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

export function visibleEvents<T extends TimelineRow>(events: readonly T[]): T[] {
  const delivered = new Set(events.filter((e) => e.kind === 'email_sent').map((e) => emailIdOf(e.data)).filter((id): id is string => id !== null));
  return events.filter((e) => {
    if (!provisional.has(e.kind)) return true;
    const id = emailIdOf(e.data);
    return id === null || !delivered.has(id);
  });
}
