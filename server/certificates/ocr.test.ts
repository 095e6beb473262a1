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

describe('OCR of a scanned certificate', () => {
  it('finds the page orientation, recognises the form and reads most fields', { timeout: 90_000 }, async () => {
    const truth = JSON.parse(readFileSync(path.join(dir, 'scanned-1.truth.json'), 'utf8')) as Truth;
    const result = await readCertificate(readFileSync(path.join(dir, 'scanned-1.pdf')));
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result.source).toBe('ocr');
    expect(result.form).toBe('ACORD 25');
    expect(result.edition).toBe(truth.edition);
    expect(result.insurers.map((i) => i.naic)).toEqual(truth.insurers.map((i) => i.naic));
    const s = score(truth, result);
    // OCR accuracy is well below the text path today; this guards against regressions only.
    expect(s.right / s.total, s.wrong.join('\n')).toBeGreaterThanOrEqual(0.6);
    const confidences = Object.values(result.fields ?? {}).map((f) => f.confidence ?? 1);
    expect(Math.min(...confidences)).toBeLessThan(0.97);
  });
});
