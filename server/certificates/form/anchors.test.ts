import { describe, expect, it } from 'vitest';
import type { Word } from '../words';
import { findAnchors } from './anchors';
import { current } from './editions';

const word = (text: string, x0: number, x1: number): Word => ({ text, x0, x1, y0: 483, y1: 489, page: 1, conf: 0.9 });

describe('finding labels on an OCR page', () => {
  it('completes a misread label with its neighbours, never with a letter a column away', () => {
    // OCR lost the last Y of LIABILITY; the Y printed in the ADDL INSD column is a value.
    const line = [word('COMMERCIAL', 54, 95), word('GENERAL', 97, 126), word('LIABILIT', 128, 153), word('Y', 182, 187)];
    const found = findAnchors(line, true, current.index).filter((a) => a.label.text === 'COMMERCIAL GENERAL LIABILITY');
    expect(found.length).toBeGreaterThan(0);
    for (const a of found) expect(a.words.map((w) => w.text)).not.toContain('Y');
  });
});
