import type { Extraction } from '../../server/contracts/extraction';
import type { Truth } from './facts';

/** Leaf values by JSON pointer; endorsement forms are compared as a set. */
export function flatten(value: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (Array.isArray(value) && prefix === '/endorsementForms') {
    for (const f of value as { form: string; edition?: string | null }[]) out.set(`${prefix}/${f.form}`, f.edition ?? null);
    return out;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, Array.isArray(value) ? `${prefix}/${k}` : `${prefix}/${k}`, out);
    if (Object.keys(value).length === 0 && !Array.isArray(value)) out.set(prefix, '{}');
    return out;
  }
  out.set(prefix, value ?? null);
  return out;
}

const ignored = /^\/(fields|warnings|source|pages|reading)(\/|$)/;

export interface Score {
  total: number;
  right: number;
  wrong: string[];
}

/** Field accuracy of an extraction against truth: every truth leaf, plus any extra non-null leaf read. */
export function score(truth: Truth, actual: Extraction): Score {
  const t = flatten(truth);
  const a = flatten(actual);
  const wrong: string[] = [];
  let total = 0;
  for (const [key, expected] of t) {
    if (ignored.test(key)) continue;
    total++;
    const got = a.has(key) ? a.get(key) : null;
    if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${key}: expected ${JSON.stringify(expected)} got ${JSON.stringify(got)}`);
  }
  for (const [key, got] of a) {
    if (ignored.test(key) || t.has(key) || got === null || got === '{}') continue;
    total++;
    wrong.push(`${key}: unexpected ${JSON.stringify(got)}`);
  }
  return { total, right: total - wrong.length, wrong };
}
