import type { FieldProvenance } from '../contracts/extraction';
import { boxOf, minConf, type Box, type Word } from './words';

/** Where each value was read and how sure the reader is, keyed by JSON pointer. */
export class Provenance {
  readonly fields: Record<string, FieldProvenance> = {};

  /** Record words as the source of a value; `factor` lowers confidence for fallbacks. */
  words(pointer: string, words: Word[], factor = 1): void {
    if (words.length === 0) return;
    this.box(pointer, words[0]!.page, boxOf(words), minConf(words) * factor);
  }

  box(pointer: string, page: number, box: Box, confidence: number): void {
    this.fields[pointer] = {
      page,
      box: box.map((v) => Math.round(v * 10) / 10) as Box,
      confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100,
    };
  }

  /** Copy fields recorded under a relative prefix to their final pointer. */
  merge(other: Provenance, prefix: string): void {
    for (const [key, value] of Object.entries(other.fields)) this.fields[prefix + key] = value;
  }
}
