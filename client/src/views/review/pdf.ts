import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PageGeometry } from './geometry';

// The one module that talks to pdf.js (so tests replace it at this boundary). It is loaded only
// with the review screen, which is a lazy chunk: pdf.js never weighs on the panel's first load.

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

// One worker for every draw, started when this module loads (with the review screen's chunk):
// a worker per document would load and parse pdf.js's 1 MB worker script on every draw.
let sharedWorker: pdfjs.PDFWorker | null = null;
function worker(): pdfjs.PDFWorker {
  if (sharedWorker === null || sharedWorker.destroyed) sharedWorker = new pdfjs.PDFWorker();
  return sharedWorker;
}
if (typeof Worker !== 'undefined') worker();

export interface RenderedPage extends PageGeometry {
  width: number;
  height: number;
  pages: number;
}

export interface RenderOptions {
  /** Called with the page geometry before drawing starts, so highlights need not wait for pixels. */
  onGeometry?: (page: RenderedPage) => void;
  /**
   * Aborted when this draw is no longer wanted (another width or page, the screen closed). An
   * abandoned draw stops where it is and never touches the canvas again: if it went on, it would
   * cancel the newer draw of the same canvas, and that draw would fail for no reason of its own.
   */
  signal?: AbortSignal;
}

type RenderTask = ReturnType<pdfjs.PDFPageProxy['render']>;

// pdf.js refuses two renders into one canvas at once, and a resize starts a new render while the
// last may still be drawing: the older one is cancelled and awaited first.
const drawing = new WeakMap<HTMLCanvasElement, RenderTask>();

async function draw(canvas: HTMLCanvasElement, start: () => RenderTask, signal?: AbortSignal): Promise<void> {
  const previous = drawing.get(canvas);
  if (previous) {
    previous.cancel();
    await previous.promise.catch(() => undefined);
  }
  signal?.throwIfAborted();
  const task = start();
  drawing.set(canvas, task);
  const cancel = () => task.cancel();
  signal?.addEventListener('abort', cancel);
  try {
    await task.promise;
  } finally {
    signal?.removeEventListener('abort', cancel);
    if (drawing.get(canvas) === task) drawing.delete(canvas);
  }
}

/** Draws one page into the canvas at the given CSS width; the geometry to place boxes with. */
export async function renderPdfPage(
  bytes: ArrayBuffer,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
  { onGeometry, signal }: RenderOptions = {},
): Promise<RenderedPage> {
  signal?.throwIfAborted();
  // pdf.js takes ownership of the buffer it is given; the cached bytes must stay usable.
  const loading = pdfjs.getDocument({ data: new Uint8Array(bytes.slice(0)), worker: worker() });
  const stopLoading = () => void loading.destroy();
  signal?.addEventListener('abort', stopLoading);
  try {
    const doc = await loading.promise;
    const page = await doc.getPage(Math.min(Math.max(pageNumber, 1), doc.numPages));
    signal?.removeEventListener('abort', stopLoading);
    signal?.throwIfAborted();
    const base = page.getViewport({ scale: 1 });
    const scale = cssWidth / base.width;
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    const geometry = { width: base.width * scale, height: base.height * scale, pageHeight: base.height, scale, pages: doc.numPages };
    onGeometry?.(geometry);
    await draw(
      canvas,
      () => {
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(base.width * scale)}px`;
        canvas.style.height = `${Math.floor(base.height * scale)}px`;
        return page.render({ canvas, viewport });
      },
      signal,
    );
    return geometry;
  } finally {
    signal?.removeEventListener('abort', stopLoading);
    void loading.destroy();
  }
}
