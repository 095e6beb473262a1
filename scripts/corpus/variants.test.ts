import Ajv2020 from 'ajv/dist/2020.js';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import schema from '../../server/contracts/coi-extraction.schema.json';
import { pageCount, readPage } from './readback.test-helper';
import { generate, variants, type Variant } from './variants';

const validate = new Ajv2020({ strict: false }).compile(schema);
const rasters = new Set<Variant>(['scanned', 'photo']);
const sourceOf = (v: Variant) => (v === 'acroform' || v === 'acroform-renamed' ? 'acroform' : rasters.has(v) || v === 'vector-text' ? 'ocr' : 'text');

describe('every variant', () => {
  const cases = variants.flatMap((v) => (rasters.has(v) ? [[v, 1]] : [[v, 1], [v, 2], [v, 3]]) as [Variant, number][]);

  it.each(cases)('%s %i: truth that fits the extraction contract and the document', async (variant, seed) => {
    const doc = await generate(variant, seed, { scan: { dpi: 100, photoType: 'jpg' } });
    expect(validate({ ...doc.truth, warnings: [] }), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.truth.source).toBe(sourceOf(variant));
    const letters = doc.truth.insurers.map((i) => i.letter);
    for (const p of doc.truth.policies) expect(letters).toContain(p.insurerLetter);
    if (doc.ext === 'pdf') expect(await pageCount(doc.bytes)).toBe(doc.truth.pages);
    else expect([...doc.bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });

  it('is the same document for the same seed', async () => {
    const [a, b] = [await generate('text', 7), await generate('text', 7)];
    expect(b.truth).toEqual(a.truth);
  });

  it('prints the edition in the footer, and the older editions their own wording', async () => {
    for (const [variant, edition] of [['text-2014', '2014/01'], ['text-2010', '2010/05']] as const) {
      const doc = await generate(variant, 1);
      const words = (await readPage(doc.bytes)).items.map((i) => i.str).join('\n');
      expect(doc.truth.edition).toBe(edition);
      expect(words).toContain(`ACORD 25 (${edition})`);
      expect(words).toContain('ALL OWNED');
      expect(words).not.toContain('AUTOS ONLY');
      if (edition === '2010/05') expect(words).toMatch(/^GENERAL LIABILITY$[\s\S]*^WC STATU-$|^WC STATU-$[\s\S]*^GENERAL LIABILITY$/m);
    }
  });
});

describe('the fillable variants', () => {
  it('fill the official fields with the truth', async () => {
    const doc = await generate('acroform', 2);
    const form = (await PDFDocument.load(doc.bytes)).getForm();
    const value = (leaf: string) => form.getTextField(`F[0].P1[0].${leaf}[0]`).getText();
    const t = doc.truth;
    expect(value('Producer_FullName_A')).toBe(t.producer.name);
    expect(value('NamedInsured_MailingAddress_CityName_A')).toBe(t.insured.address?.city);
    expect(value('Insurer_FullName_A')).toBe(t.insurers[0]!.name);
    const gl = t.policies.find((p) => p.line === 'general_liability')!;
    expect(value('Policy_GeneralLiability_PolicyNumberIdentifier_A')).toBe(gl.policyNumber);
    expect(form.getCheckBox('F[0].P1[0].GeneralLiability_OccurrenceIndicator_A[0]').isChecked()).toBe(gl.basis === 'occurrence');
    expect(value('CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A')).toBe(t.descriptionOfOperations);
  });

  it('leave no fields and no widgets once flattened', async () => {
    const doc = await generate('flattened', 1);
    expect((await PDFDocument.load(doc.bytes)).getForm().getFields()).toHaveLength(0);
    const page = await readPage(doc.bytes);
    expect(page.annotations).toBe(0);
    // pdf.js splits the flattened appearance text at its spaces.
    expect(page.items.map((i) => i.str).join('')).toContain(doc.truth.insurers[0]!.name);
  });

  it('rename fields the way a re-saved blank does', async () => {
    const names = (await PDFDocument.load((await generate('acroform-renamed', 1)).bytes)).getForm().getFields().map((f) => f.getName());
    expect(names.some((n) => /^Insurer_FullName_\d{3}$/.test(n))).toBe(true);
    expect(names.some((n) => n.includes('F[0]'))).toBe(false);
  });
});

describe('multi-page documents', () => {
  it('put a cover letter before the certificate or remarks and endorsements after it', async () => {
    for (const seed of [1, 2, 3]) {
      const doc = await generate('multipage', seed);
      expect(doc.truth.pages).toBeGreaterThan(1);
      const texts = await Promise.all(Array.from({ length: doc.truth.pages }, async (_, i) => (await readPage(doc.bytes, i + 1)).items.map((x) => x.str).join(' ')));
      const certificate = texts.findIndex((t) => t.includes('CERTIFICATE OF LIABILITY INSURANCE'));
      expect(certificate).toBeGreaterThanOrEqual(0);
      const others = texts.filter((_, i) => i !== certificate).join(' ');
      expect(others).toMatch(/Enclosed is the certificate|ADDITIONAL REMARKS SCHEDULE|THIS ENDORSEMENT CHANGES THE POLICY/);
    }
  });
});
