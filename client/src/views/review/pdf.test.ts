import { describe, expect, it, vi } from 'vitest';
import { renderPdfPage } from './pdf';

// pdf.js is replaced by a page whose loading and drawing finish when the test says so: a resize
// (or React's second effect in development) abandons a draw while a newer one of the same canvas
// goes on.

const pdf = vi.hoisted(() => {
  const deferred = <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  };
  const draws: { cancel: ReturnType<typeof vi.fn>; promise: Promise<void>; finish: () => void }[] = [];
  const page = {
    getViewport: ({ scale }: { scale: number }) => ({ width: 612 * scale, height: 792 * scale }),
    render: vi.fn(() => {
      const done = deferred<void>();
      const draw = { promise: done.promise, finish: () => done.resolve(), cancel: vi.fn(() => done.reject(new Error('Rendering cancelled'))) };
      draws.push(draw);
      return draw;
    }),
  };
  const loads: (() => void)[] = [];
  const getDocument = vi.fn(() => {
    const loaded = deferred<unknown>();
    loads.push(() => loaded.resolve({ numPages: 1, getPage: async () => page }));
    return { promise: loaded.promise, destroy: vi.fn(async () => undefined) };
  });
  return { draws, loads, page, getDocument };
});

vi.mock('pdfjs-dist', () => ({ GlobalWorkerOptions: {}, getDocument: pdf.getDocument, PDFWorker: class { destroyed = false; } }));
vi.mock('pdfjs-dist/build/pdf.worker.min.mjs?url', () => ({ default: '/pdf.worker.js' }));

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('renderPdfPage', () => {
  it('lets a newer draw of the canvas finish when an older one, abandoned, loads after it', async () => {
    const canvas = document.createElement('canvas');
    const bytes = new ArrayBuffer(8);
    const older = new AbortController();
    const onOlderGeometry = vi.fn();
    const olderDraw = renderPdfPage(bytes, 1, canvas, 400, { signal: older.signal, onGeometry: onOlderGeometry });
    older.abort();
    const newerDraw = renderPdfPage(bytes, 1, canvas, 306, { signal: new AbortController().signal });

    pdf.loads[1]!();
    await settle();
    expect(pdf.draws).toHaveLength(1);
    pdf.loads[0]!();
    await expect(olderDraw).rejects.toThrow();
    pdf.draws[0]!.finish();

    await expect(newerDraw).resolves.toMatchObject({ scale: 0.5, pageHeight: 792, width: 306 });
    expect(onOlderGeometry).not.toHaveBeenCalled();
    expect(pdf.page.render).toHaveBeenCalledTimes(1);
    expect(pdf.draws[0]!.cancel).not.toHaveBeenCalled();
    expect(canvas.style.width).toBe('306px');
  });

  it('stops drawing when abandoned mid-draw', async () => {
    const controller = new AbortController();
    const drawn = renderPdfPage(new ArrayBuffer(8), 1, document.createElement('canvas'), 612, { signal: controller.signal });
    pdf.loads.at(-1)!();
    await settle();
    const draw = pdf.draws.at(-1)!;
    controller.abort();
    expect(draw.cancel).toHaveBeenCalled();
    await expect(drawn).rejects.toThrow();
  });
});
