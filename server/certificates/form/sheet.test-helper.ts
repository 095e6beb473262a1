// Builds pages as words, for the form reader's unit tests: the form's labels where the measured
// blank prints them (moved, scaled or left out as a test asks), prose in our own words, and
// values at form positions. No PDF is involved, so each test states exactly what is printed.
import { textLayerProbe } from '../marks';
import type { PageView } from '../page';
import type { Box, Word } from '../words';
import { labels as labels2016, proseBoxes, type Label } from './geometry';

export interface SheetOptions {
  scale?: number;
  shiftX?: number;
  shiftY?: number;
  /** Moves labels in a form region (an older edition printing some rows lower). */
  move?: { region: Box; dy: number }[];
  /** Labels left out (by their text). */
  without?: (text: string) => boolean;
  /** Print every label glyph by glyph, as letter-spaced fillers do. */
  letterSpaced?: boolean;
  /** Extra labels in their place (older editions' wording). */
  extra?: { text: string; at: [number, number]; size?: number }[];
  /** Turns the page about its centre by this many degrees (a scan fed askew). */
  turn?: number;
  /** Another edition's labels and prose boxes (default: the measured 2016/03 form's). */
  form?: { labels: Label[]; prose: Box[] };
}

/** Words of `text` from (x, baseline y) in form points, at a size, about half an em per glyph. */
export function wordsAt(text: string, x: number, y: number, size = 8, glyphs = false): Word[] {
  const out: Word[] = [];
  const per = size * 0.5;
  let cursor = x;
  for (const part of text.split(' ')) {
    if (!part) {
      cursor += per;
      continue;
    }
    if (glyphs) {
      for (const ch of part) {
        out.push({ text: ch, x0: cursor, x1: cursor + per * 0.9, y0: y - 0.2 * size, y1: y + 0.8 * size, page: 1, conf: 1 });
        cursor += per * 1.05;
      }
    } else {
      out.push({ text: part, x0: cursor, x1: cursor + per * part.length, y0: y - 0.2 * size, y1: y + 0.8 * size, page: 1, conf: 1 });
      cursor += per * part.length;
    }
    cursor += per;
  }
  return out;
}

const within = (b: Box, x: number, y: number) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

export class Sheet {
  private readonly words: Word[] = [];
  private readonly marks: Box[] = [];

  constructor(private readonly o: SheetOptions = {}) {
    for (const l of o.form?.labels ?? labels2016) {
      if (o.without?.(l.text)) continue;
      const size = l.box[3] - l.box[1];
      const dy = o.move?.find((m) => within(m.region, l.box[0], (l.box[1] + l.box[3]) / 2))?.dy ?? 0;
      this.print(l.text, l.box[0], l.box[1] + 0.2 * size + dy, size, o.letterSpaced);
    }
    for (const e of o.extra ?? []) this.print(e.text, e.at[0], e.at[1], e.size ?? 6);
    // Our own sentences in the prose boxes, with the words that trap a careless reader.
    for (const b of o.form?.prose ?? proseBoxes) this.print('THE CERTIFICATE HOLDER MAY BE AN ADDITIONAL INSURED IF SUBROGATION IS WAIVED BY THE PRODUCER', b[0], b[1] + 1.5, 7);
  }

  private place(w: Word): Word {
    const s = this.o.scale ?? 1;
    const sx = this.o.shiftX ?? 0;
    const sy = this.o.shiftY ?? 0;
    const placed = { ...w, x0: w.x0 * s + sx, x1: w.x1 * s + sx, y0: w.y0 * s + sy, y1: w.y1 * s + sy };
    if (!this.o.turn) return placed;
    // A word keeps its size and moves with its centre: OCR boxes stay upright on a turned page.
    const a = (this.o.turn * Math.PI) / 180;
    const cx = (placed.x0 + placed.x1) / 2 - 306;
    const cy = (placed.y0 + placed.y1) / 2 - 396;
    const dx = cx * Math.cos(a) - cy * Math.sin(a) + 306 - (placed.x0 + placed.x1) / 2;
    const dy = cx * Math.sin(a) + cy * Math.cos(a) + 396 - (placed.y0 + placed.y1) / 2;
    return { ...placed, x0: placed.x0 + dx, x1: placed.x1 + dx, y0: placed.y0 + dy, y1: placed.y1 + dy };
  }

  /** Prints text with its baseline at a form position. */
  print(text: string, x: number, y: number, size = 8, glyphs = false): this {
    this.words.push(...wordsAt(text, x, y, size, glyphs).map((w) => this.place(w)));
    return this;
  }

  /** A drawn mark (a tick or cross of strokes) centred at a form position. */
  mark(x: number, y: number): this {
    const w = this.place({ text: '', x0: x - 3, x1: x + 3, y0: y - 3, y1: y + 3, page: 1, conf: 1 });
    this.marks.push([w.x0, w.y0, w.x1, w.y1]);
    return this;
  }

  view(): PageView {
    const s = this.o.scale ?? 1;
    return { page: 1, width: 612 * s, height: 792 * s, words: this.words, probe: textLayerProbe(this.words, this.marks), ocr: false };
  }
}
