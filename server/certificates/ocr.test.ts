import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import schema from '../contracts/coi-extraction.schema.json';
import { score } from '../../scripts/corpus/score';
import type { Truth } from '../../scripts/corpus/facts';
import { closeReader, readCertificate } from '.';

const dir = path.resolve(import.meta.dirname, '../../test/fixtures/certificates');
const validate = new Ajv2020({ strict: false }).compile(schema);

afterAll(closeReader);

// Field accuracy each fixture reaches today, less a small margin; scans are read deterministically.
const floors: [file: string, accuracy: number][] = [
  ['scanned-1.pdf', 0.88],
  ['scanned-3.pdf', 0.88],
  ['photo-2.jpg', 0.88],
];

describe('OCR of scanned and photographed certificates', () => {
  it.each(floors)('reads %s with at least its recorded accuracy', { timeout: 60_000 }, async (file, floor) => {
    const truth = JSON.parse(readFileSync(path.join(dir, file.replace(/\.\w+$/, '.truth.json')), 'utf8')) as Truth;
    const result = await readCertificate(readFileSync(path.join(dir, file)));
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result.source).toBe('ocr');
    expect(result.form).toBe('ACORD 25');
    expect(result.edition).toBe(truth.edition);
    expect(result.policies.map((p) => p.line)).toEqual(truth.policies.map((p) => p.line));
    const s = score(truth, result);
    expect(s.right / s.total, s.wrong.join('\n')).toBeGreaterThanOrEqual(floor);
    // OCR readings are never certain, so review can tell them from text-layer values.
    const confidences = Object.values(result.fields ?? {}).map((f) => f.confidence ?? 1);
    expect(Math.min(...confidences)).toBeLessThan(0.97);
  });
});
