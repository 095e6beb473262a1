import type { Extraction } from '../../server/contracts/extraction';
import { CONFIDENT } from '../../server/contracts/extraction';
import type { Truth } from '../corpus/facts';
import { flatten } from '../corpus/score';

const ignored = /^\/(fields|warnings|source|pages|reading|form|edition)(\/|$)/;

/** The confidence the reader gave a value: its own pointer's, else the nearest enclosing one's. */
export function confidenceAt(result: Extraction, pointer: string): number {
  const fields = result.fields ?? {};
  for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) {
    const c = fields[p]?.confidence;
    if (c !== undefined) return c;
  }
  // A value without provenance counts as certain: the measure must not flatter the reader.
  return 1;
}

export interface Given {
  /** Values the reader gave (not null). */
  given: number;
  /** Of those, read at high confidence (at least CONFIDENT). */
  confident: number;
  /** Of the confident ones, those that are wrong. */
  confidentlyWrong: string[];
}

/** Every value the reader gave, checked against truth: how many were wrong although it was sure. */
export function confidenceCheck(truth: Truth, result: Extraction): Given {
  const t = flatten(truth);
  const out: Given = { given: 0, confident: 0, confidentlyWrong: [] };
  for (const [key, got] of flatten(result)) {
    if (ignored.test(key) || got === null || got === '{}') continue;
    out.given++;
    const confidence = confidenceAt(result, key);
    if (confidence < CONFIDENT) continue;
    out.confident++;
    const expected = t.has(key) ? t.get(key) : null;
    if (JSON.stringify(expected) !== JSON.stringify(got)) out.confidentlyWrong.push(`${key}: ${JSON.stringify(got)} at ${confidence}, truth ${JSON.stringify(expected)}`);
  }
  return out;
}
