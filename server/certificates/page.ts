import type { Box, Word } from './words';

/** Decides whether a checkbox area holds a mark: 0 = surely empty, 1 = surely checked. */
export type MarkProbe = (area: Box) => number;

/** One page as the layout reader sees it, whatever produced the words. */
export interface PageView {
  page: number;
  width: number;
  height: number;
  words: Word[];
  probe: MarkProbe;
  /** OCR pages are read with less certainty than a text layer. */
  ocr: boolean;
  /**
   * OCR pages: read one area of the page again, enlarged, as a block of the given glyphs only;
   * `from`: 'cleaned' (the page the first pass read), 'boxed' (letters alone in a box or cell, from
   * the page as scanned, with only letter-sized ink kept: cleaning takes a box's contents with it
   * and cuts a letter that touches a rule) or 'scanned' (a block of
   * text from the page as scanned: a second opinion that owes nothing to the cleaning).
   */
  reread?: (area: Box, chars: string, from?: RereadSource) => Promise<Word[]>;
}

export type RereadSource = 'cleaned' | 'boxed' | 'scanned';

export const CHECKED = 0.5;
