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
}

export const CHECKED = 0.5;
