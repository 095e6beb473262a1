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
