import type { MarkProbe } from './page';
import { centerX, centerY, type Box, type Word } from './words';

/** Checkbox probe for a page with a text layer: a one-character word or a drawn mark in the area. */
export function textLayerProbe(words: Word[], marks: Box[]): MarkProbe {
  const singles = words.filter((w) => w.text.length === 1 && !/[-–:/.,()]/.test(w.text));
  const inside = (area: Box, x: number, y: number) => x >= area[0] && x <= area[2] && y >= area[1] && y <= area[3];
  return (area) => {
    if (singles.some((w) => inside(area, centerX(w), centerY(w)))) return 1;
    if (marks.some((m) => inside(area, (m[0] + m[2]) / 2, (m[1] + m[3]) / 2))) return 1;
    return 0;
  };
}
