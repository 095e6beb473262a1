import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { score } from '../../scripts/corpus/score';
import type { Truth } from '../../scripts/corpus/facts';
import { readCertificate } from './reader';

const dir = path.resolve(import.meta.dirname, '../../test/fixtures/certificates');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const truthOf = (name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Truth;

/** The same filled form with its field tree emptied: the widgets stay on the page, listed nowhere. */
async function withoutFieldTree(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  form.set(PDFName.of('Fields'), doc.context.obj([]) as PDFArray);
  return doc.save();
}

describe('a fillable certificate', () => {
  it('is read from its field tree, and from its widgets when no tree lists them, the same', async () => {
    const bytes = fixture('acroform-1.pdf');
    const truth = truthOf('acroform-1.truth.json');
    const fromTree = await readCertificate(bytes);
    const fromWidgets = await readCertificate(await withoutFieldTree(bytes));
    expect(fromTree.source).toBe('acroform');
    expect(fromWidgets.source).toBe('acroform');
    expect(score(truth, fromTree).wrong).toEqual([]);
    expect(fromWidgets.policies).toEqual(fromTree.policies);
    expect(fromWidgets.insured).toEqual(fromTree.insured);
  });
});
