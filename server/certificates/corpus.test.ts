import Ajv2020 from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import schema from '../contracts/coi-extraction.schema.json';
import type { Policy } from '../contracts/extraction';
import { score } from '../../scripts/corpus/score';
import type { Truth } from '../../scripts/corpus/facts';
import { PDFDocument, degrees } from 'pdf-lib';
import { readCertificate } from './reader';

const dir = path.resolve(import.meta.dirname, '../../test/fixtures/certificates');
const validate = new Ajv2020({ strict: false }).compile(schema);
const truthFiles = readdirSync(dir).filter((f) => f.endsWith('.truth.json'));
// Pictures and outline-only text are read by OCR (ocr.test.ts), in seconds rather than milliseconds.
const textFixtures = truthFiles.filter((f) => !/^(scanned|photo|vector-text)-/.test(f));

function documentFor(truthFile: string): string {
  const name = truthFile.replace('.truth.json', '');
  const file = readdirSync(dir).find((f) => f.startsWith(name + '.') && !f.endsWith('.json'));
  if (!file) throw new Error(`no document for ${truthFile}`);
  return path.join(dir, file);
}

const keyFields = (p: Policy) => ({
  line: p.line,
  insurerLetter: p.insurerLetter,
  policyNumber: p.policyNumber,
  effectiveDate: p.effectiveDate,
  expirationDate: p.expirationDate,
  additionalInsured: p.additionalInsured,
  subrogationWaived: p.subrogationWaived,
  limits: p.limits,
});

describe('reader over the fixed corpus', () => {
  it('has a corpus to read', () => expect(textFixtures.length).toBeGreaterThanOrEqual(20));

  it.each(textFixtures)('%s', async (truthFile) => {
    const truth = JSON.parse(readFileSync(path.join(dir, truthFile), 'utf8')) as Truth;
    const result = await readCertificate(readFileSync(documentFor(truthFile)));
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result.source).toBe(truth.source);
    expect(result.insurers).toEqual(truth.insurers);
    expect(result.policies.map(keyFields)).toEqual(truth.policies.map(keyFields));
    const s = score(truth, result);
    expect(s.right / s.total, s.wrong.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(Object.keys(result.fields ?? {})).toContain('/policies/0/policyNumber');
    expect(result.reading).toMatchObject({ layout: 'acord25', coverage: 'read' });
  });
});

describe('bad files', () => {
  const bad = JSON.parse(readFileSync(path.join(dir, 'bad-files.json'), 'utf8')) as { file: string; code: string | null }[];

  it.each(bad.filter((b) => b.code))('$file is refused with $code', async ({ file, code }) => {
    await expect(readCertificate(readFileSync(path.join(dir, file)))).rejects.toMatchObject({ code });
  });

  it('reads a PDF that is not a certificate as form null with a warning', async () => {
    const result = await readCertificate(readFileSync(path.join(dir, 'not-a-certificate.pdf')));
    expect(validate(result)).toBe(true);
    expect(result.form).toBeNull();
    expect(result.warnings[0]).toMatch(/does not look like an ACORD 25/);
  });
});

describe('pages turned sideways', () => {
  const truth = JSON.parse(readFileSync(path.join(dir, 'text-1.truth.json'), 'utf8')) as Truth;
  const original = readFileSync(path.join(dir, 'text-1.pdf'));

  it('reads a page whose /Rotate turns it a quarter', async () => {
    const doc = await PDFDocument.load(original);
    doc.getPage(0).setRotation(degrees(90));
    const result = await readCertificate(await doc.save());
    expect(result.policies.map(keyFields)).toEqual(truth.policies.map(keyFields));
  });

  it('reads a page whose content is drawn turned a quarter', async () => {
    const source = await PDFDocument.load(original);
    const doc = await PDFDocument.create();
    const [form] = await doc.embedPdf(source, [0]);
    const page = doc.addPage([792, 612]);
    // The certificate drawn on a landscape sheet, turned so it reads upwards.
    page.drawPage(form!, { x: 792, y: 0, rotate: degrees(90) });
    const result = await readCertificate(await doc.save());
    expect(result.reading).toMatchObject({ layout: 'acord25', coverage: 'read' });
    expect(result.policies.map(keyFields)).toEqual(truth.policies.map(keyFields));
  });
});
