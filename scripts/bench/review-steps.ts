import type { BrowserContext, Frame, Page } from 'playwright-core';

// What bench:review reads from the browser: when the review's highlights and its page's pixels
// first showed (polled on every animation frame inside the app's frame), and where the time went
// before that (the screen's User Timing marks, resource timing, navigation timing), all as
// milliseconds after the click.

export interface Run {
  highlights: number;
  page: number;
  steps: { name: string; at: number }[];
}

interface PaintState {
  highlights: number | null;
  page: number | null;
  error: string | null;
}

declare global {
  interface Window {
    __reviewPaint?: { reset(): void; state: PaintState };
  }
}

/**
 * In every frame: on each animation frame, the first moment more than ten highlight boxes stand
 * inside the shown page's frame, and the first moment that page (canvas or picture) holds ink.
 * Elements present at reset() do not count, so a queue step waits for the next certificate.
 */
export async function watchPaint(context: BrowserContext): Promise<void> {
  // A string, not a function: tsx names functions with a helper (__name) the page does not have.
  await context.addInitScript(`(() => {
    if (window === window.top) return;
    const old = new WeakSet();
    const inked = new WeakSet();
    const state = { highlights: null, page: null, error: null };
    const scratch = document.createElement('canvas');
    const hasInk = (el) => {
      if (inked.has(el)) return true;
      let w = el.width, h = el.height, data;
      if (el instanceof HTMLImageElement) {
        if (!el.complete || el.naturalWidth === 0) return false;
        w = scratch.width = 200;
        h = scratch.height = Math.round((200 * el.naturalHeight) / el.naturalWidth);
        const ctx = scratch.getContext('2d', { willReadFrequently: true });
        ctx.drawImage(el, 0, 0, w, h);
        data = ctx.getImageData(0, 0, w, h).data;
      } else {
        if (w === 0 || h === 0) return false;
        data = el.getContext('2d').getImageData(0, 0, w, h).data;
      }
      for (let i = 0; i < data.length; i += 4 * 97) {
        if (data[i] < 128 && data[i + 3] > 0) {
          inked.add(el);
          return true;
        }
      }
      return false;
    };
    const near = (r, f) => r.width > 0 && r.height > 0 && r.left >= f.left - 4 && r.right <= f.right + 4 && r.top >= f.top - 4 && r.bottom <= f.bottom + 4;
    const tick = () => {
      try {
        const region = document.querySelector('[role="region"][aria-label="Certificate"]');
        const surface = region && region.querySelector('[data-page-surface]');
        if (surface && !old.has(surface)) {
          const frame = surface.parentElement.getBoundingClientRect();
          if (state.highlights === null && frame.width > 0 && frame.height > 0) {
            const boxes = Array.from(region.querySelectorAll('[data-pointer]')).filter((e) => !old.has(e) && near(e.getBoundingClientRect(), frame));
            if (boxes.length > 10) state.highlights = Date.now();
          }
          if (state.page === null && hasInk(surface)) state.page = Date.now();
        }
      } catch (error) {
        state.error = String(error);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__reviewPaint = {
      state,
      reset() {
        state.highlights = state.page = null;
        document.querySelectorAll('[data-pointer], [data-page-surface]').forEach((e) => old.add(e));
      },
    };
  })();`);
}

/** Forget what the frame shows now: the next certificate's paint is measured. */
export async function resetPaint(frame: Frame): Promise<void> {
  await frame.evaluate(() => window.__reviewPaint?.reset());
}

const label = (url: string): string | null => {
  const u = new URL(url);
  if (u.pathname.endsWith('/review-hand-off/take')) return 'hand-off taken';
  if (u.pathname.endsWith('/review')) return 'review API';
  if (u.pathname.endsWith('/file')) return 'file';
  if (u.pathname.endsWith('/page-image')) return 'page image';
  if (u.pathname === '/api/session') return 'session';
  const chunk = /\/assets\/(.+?)-[\w-]{8}\.(m?js)$/.exec(u.pathname);
  return chunk ? `js ${chunk[1]}` : null;
};

/** When the frame first showed highlights and page (polled), and the steps before, in ms after t0. */
export async function firstPaint(frame: Frame, t0: number, top?: Page): Promise<Run> {
  await frame.waitForFunction(() => (window.__reviewPaint?.state.highlights != null && window.__reviewPaint.state.page != null) || window.__reviewPaint?.state.error, undefined, {
    polling: 100,
    timeout: 120_000,
  });
  const seen = await frame.evaluate(() => {
    const origin = performance.timeOrigin;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      state: window.__reviewPaint!.state,
      marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: origin + m.startTime })),
      resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name, at: origin + (r as PerformanceResourceTiming).responseEnd })),
      nav: nav ? { start: origin, html: origin + nav.responseEnd } : null,
    };
  });
  if (seen.state.error) throw new Error(`watching the paint failed: ${seen.state.error}`);
  const steps: { name: string; at: number }[] = [];
  if (top) {
    const procore = await top.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { start: performance.timeOrigin, html: performance.timeOrigin + nav.responseEnd };
    });
    steps.push({ name: 'Procore page asked', at: procore.start - t0 }, { name: 'Procore page', at: procore.html - t0 });
    if (seen.nav) steps.push({ name: 'app html', at: seen.nav.html - t0 });
  }
  for (const r of seen.resources) {
    const name = label(r.name);
    if (name && r.at >= t0 && !steps.some((s) => s.name === name)) steps.push({ name, at: r.at - t0 });
  }
  for (const m of seen.marks) {
    const name = m.name.replace(/^review:/, 'screen ');
    if (m.name.startsWith('review:') && m.at >= t0 && !steps.some((s) => s.name === name)) steps.push({ name, at: m.at - t0 });
  }
  steps.sort((a, b) => a.at - b.at);
  return { highlights: seen.state.highlights! - t0, page: seen.state.page! - t0, steps };
}
