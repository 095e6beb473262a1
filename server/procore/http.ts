// Reading Procore's paging and rate-limit headers.

/** The rel="next" URL of an RFC 8288 Link header, or null on the last page. */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (m && m[2]?.split(/\s+/).includes('next')) return m[1] ?? null;
  }
  return null;
}

/**
 * Seconds to wait before trying again: Retry-After when given (docs disagree on whether 429
 * carries it), otherwise until X-Rate-Limit-Reset when nothing remains in the window.
 */
export function waitSeconds(headers: Headers, nowMs: number): number {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, (at - nowMs) / 1000);
  }
  const remaining = headers.get('x-rate-limit-remaining');
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (remaining === '0' && Number.isFinite(reset) && reset > 0) return Math.max(0, reset - nowMs / 1000);
  return 0;
}

/**
 * `filters[updated_at]` for records changed since `since` (procore-platform.md section 2: an
 * ISO range `a...b`), on the lists that take it: projects, company vendors, commitments.
 */
export function changedSince(since: Date | null | undefined): Record<string, string> {
  if (!since) return {};
  // The upper end is open-ended in practice: a day ahead covers any clock difference.
  const until = new Date(Date.now() + 86_400_000);
  return { 'filters[updated_at]': `${since.toISOString()}...${until.toISOString()}` };
}
