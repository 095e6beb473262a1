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
   * `boxed`: from the page as scanned, where a box's contents were not cleaned away with it.
   */
  reread?: (area: Box, chars: string, boxed?: boolean) => Promise<Word[]>;
}

export const CHECKED = 0.5;
