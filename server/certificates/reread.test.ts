import { describe, expect, it } from 'vitest';
import type { Bitmap } from './clean';
import type { OcrWord } from './lone-letters';
import { rereadIdentifiers } from './reread';

const page: Bitmap = { width: 400, height: 100, data: new Uint8Array(400 * 100).fill(255) };
const word = (text: string, confidence: number, x0 = 10): OcrWord => ({ text, confidence, bbox: { x0, y0: 20, x1: x0 + 100, y1: 40 } });

describe('rereadIdentifiers', () => {
  it('reads a doubtful number again, enlarged, and keeps what the engine is surer of', async () => {
    const asked: Uint8Array[] = [];
    const reader = async (image: Uint8Array) => {
      asked.push(image);
      return asked.length === 1 ? [word('C87AS00575', 88)] : [word('B6SHK1430', 20)];
    };
    const words = [word('(CB87AS00575', 54), word('B65HK14308', 60, 200), word('EACH', 40), word('7868474589', 96)];
    const out = await rereadIdentifiers(words, page, 300, reader);
    expect(out.map((w) => w.text)).toEqual(['C87AS00575', 'B65HK14308', 'EACH', '7868474589']);
    expect(out[0]!.confidence).toBe(88);
    // Only the two doubtful numbers were read again: not the word, not the sure number.
    expect(asked).toHaveLength(2);
    // The picture sent is the word's surroundings enlarged twice (PGM header first).
    expect(new TextDecoder().decode(asked[0]!.subarray(0, 2))).toBe('P5');
  });
});
