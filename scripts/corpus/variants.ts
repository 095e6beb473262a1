import { PDFDocument } from 'pdf-lib';
import { drawCertificate, wrap } from './acord25';
import { randomFacts, type Truth } from './facts';
import { FormPen, type Naming } from './formpen';
import { addEndorsementPage, addRemarksPage, endorsementForms } from './pages';
import { writeRemarks } from './remarks';
import { Rng } from './rng';
import { scanDocument, type ScanOptions } from './scan';
import { embedFonts, Sheet, TextPen } from './sheet';
import { randomStyle, type Style } from './style';

export const variants = ['acroform', 'acroform-renamed', 'text', 'text-2014', 'noisy', 'multipage', 'scanned', 'photo'] as const;
export type Variant = (typeof variants)[number];

export interface Generated {
  bytes: Uint8Array;
  ext: 'pdf' | 'png' | 'jpg';
  truth: Truth;
}

export interface GenerateOptions {
  heldOut?: boolean;
  scan?: ScanOptions;
  /** Changes the random facts before drawing (tests that need a given insured or dates). */
  adjust?: (truth: Truth) => void;
}

function mergeForms(lists: Truth['endorsementForms'][]): Truth['endorsementForms'] {
  const byForm = new Map<string, Truth['endorsementForms'][number]>();
  for (const f of lists.flat()) {
    const known = byForm.get(f.form);
    if (!known) byForm.set(f.form, { ...f });
    else if (!known.edition && f.edition) known.edition = f.edition;
  }
  return [...byForm.values()];
}

async function certificatePdf(rng: Rng, style: Style, truth: Truth, variant: Variant) {
  const doc = await PDFDocument.create();
  doc.setProducer('coi corpus generator');
  const page = doc.addPage([612, 792]);
  const sheet = new Sheet(page, await embedFonts(doc, style), style);
  const long = variant === 'multipage';
  const remarks = writeRemarks(rng, truth, long ? rng.int(9, 14) : rng.int(0, 3));
  const lines = wrap(sheet, remarks.text, 612 - 2 * style.margin - 8, style.valueSize, sheet.fonts.value);
  const boxLines = lines.slice(0, 7);
  const rest = lines.slice(7).join(' ');
  truth.descriptionOfOperations = [...boxLines, rest].filter(Boolean).join(' ');
  const naming: Naming | null = variant === 'acroform' ? 'acord' : variant === 'acroform-renamed' ? 'renamed' : null;
  const pen = naming ? new FormPen(doc, sheet, naming, rng) : new TextPen(sheet);
  drawCertificate(sheet, pen, truth, boxLines);
  if (pen instanceof FormPen) pen.finish();
  const forms = [remarks.forms];
  if (rest) await addRemarksPage(doc, rest, truth.insured.name ?? '');
  if (long) {
    for (const form of rng.shuffle(endorsementForms).slice(0, rng.int(1, 2))) {
      const edition = rng.pick(['04 13', '12 19', '10 13']);
      await addEndorsementPage(doc, rng, form, edition);
      forms.push([{ form, edition }]);
    }
  }
  truth.endorsementForms = mergeForms(forms);
  truth.pages = doc.getPageCount();
  return doc.save({ useObjectStreams: false });
}

/** One synthetic certificate and the extraction a perfect reader would return. */
export async function generate(variant: Variant, seed: number, options: GenerateOptions = {}): Promise<Generated> {
  const rng = new Rng(seed * 7919 + variant.length);
  const style = randomStyle(rng, {
    edition: variant === 'text-2014' ? '2014/01' : rng.chance(0.2) ? '2014/01' : '2016/03',
    noisy: variant === 'noisy' || variant === 'scanned' || variant === 'photo' ? variant === 'noisy' : rng.chance(0.25),
    heldOut: options.heldOut,
  });
  if (variant === 'scanned' || variant === 'photo') {
    // OCR reads printed glyphs, not drawn vector strokes, so scans keep to glyph marks and plain amounts.
    style.dollar = 'inline';
    style.noise.shortMillions = false;
  }
  const truth = randomFacts(rng);
  options.adjust?.(truth);
  truth.edition = style.edition;
  const bytes = await certificatePdf(rng, style, truth, variant);
  if (variant === 'acroform' || variant === 'acroform-renamed') truth.source = 'acroform';
  if (variant === 'scanned' || variant === 'photo') {
    truth.source = 'ocr';
    const scanned = await scanDocument(bytes, rng, { ...options.scan, photo: variant === 'photo' });
    return { bytes: scanned.bytes, ext: scanned.ext, truth };
  }
  return { bytes, ext: 'pdf', truth };
}
