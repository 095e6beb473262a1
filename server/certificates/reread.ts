// Second OCR pass for doubtful identifiers. Policy and certificate numbers mix letters and
// digits with no words to guide the recogniser, so the page-wide pass is least sure of them
// (O for 0, a glyph read twice). Read alone and enlarged, most come out right.
import type { Bitmap } from './clean';
import { identifierLike } from './glyphs';
import { enlarged, SCALE, type LineReader, type OcrWord } from './lone-letters';

/** Without a bracket or speck OCR stuck to either end. */
const core = (text: string) => text.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');

export async function rereadIdentifiers(words: OcrWord[], grey: Bitmap, dpi: number, read: LineReader, below = 75): Promise<OcrWord[]> {
  // Every doubtful identifier is asked for at once, so the engines can share them out.
  return Promise.all(
    words.map(async (w) => {
      if (w.confidence >= below || !identifierLike.test(core(w.text))) return w;
      const h = w.bbox.y1 - w.bbox.y0;
      const found = await read(enlarged(grey, w.bbox.x0 - 0.5 * h, w.bbox.y0 - 0.3 * h, w.bbox.x1 + 0.5 * h, w.bbox.y1 + 0.3 * h), dpi * SCALE);
      const only = found.length === 1 ? found[0]! : null;
      // The enlarged reading is preferred unless the engine is clearly less sure of it.
      const text = only ? core(only.text) : '';
      const better = only && only.confidence > w.confidence - 10 && identifierLike.test(text) && Math.abs(text.length - core(w.text).length) <= 1;
      return better ? { ...w, text, confidence: only.confidence } : w;
    }),
  );
}
