// User Timing marks of a review's way to the screen (code, data, file, page size, highlights,
// pixels); npm run bench:review reads them from the page to say where the time went.

export type ReviewStep = 'screen' | 'data' | 'file' | 'geometry' | 'highlights' | 'page';

export function markReview(step: ReviewStep): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`review:${step}`);
}
