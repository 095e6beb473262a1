import { PDFDocument, PDFName, type PDFPage } from 'pdf-lib';
import { fillForm, type Naming } from './acroform';
import { drawBlank, drawExtras } from './blank';
import { embedFaces, type Faces } from './faces';
import { fitToForm, randomFacts, type Truth } from './facts';
import { fill } from './fill';
import { officialForm, pageSize, type Edition, type Form } from './form';
import { formatDate } from './format';
import { randomLook, type Look, type LookKind } from './look';
import { drawMark, drawSignature } from './marks';
import { addCoverLetter, addEndorsementPage, addRemarksPage, endorsementForms } from './pages';
import { drawParties } from './parties';
import { placeValues, remarksBox, remarksLines, type Pen } from './place';
import { writeRemarks, type RemarkPart } from './remarks';
import { Rng } from './rng';
import { scanDocument, type ScanOptions } from './scan';
import { Sheet } from './sheet';

/**
 * acroform: the official fillable form, filled, not flattened. acroform-renamed: the same with the
 * field names a re-saved blank gets. flattened: filled, then flattened. text, text-2014, text-2010:
 * printed by an agency system onto the form (any edition, or the one named). noisy: the harder end
 * of printing (values a row off, M/D/YYYY, no commas, Y/N flags). letter-spaced: every glyph of
 * some values or labels its own text operation. vector-text: glyph outlines, no text layer.
 * multipage: a cover letter before, an ACORD 101 and endorsements after. scanned, photo: rasterised.
 */
export const variants = ['acroform', 'acroform-renamed', 'flattened', 'text', 'text-2014', 'text-2010', 'noisy', 'letter-spaced', 'vector-text', 'multipage', 'scanned', 'photo'] as const;
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

export interface Plan {
  kind: LookKind;
  edition: Edition;
  naming?: Naming;
  flatten?: boolean;
  pages?: boolean;
}

function anyEdition(rng: Rng): Edition {
  const r = rng.next();
  return r < 0.65 ? '2016/03' : r < 0.88 ? '2014/01' : '2010/05';
}

function planOf(variant: Variant, rng: Rng): Plan {
  switch (variant) {
    // The measured fillable form is the 2016/03 one.
    case 'acroform':
    case 'flattened':
      return { kind: 'form', edition: '2016/03', naming: 'acord', flatten: variant === 'flattened' };
    case 'acroform-renamed':
      return { kind: 'form', edition: '2016/03', naming: 'renamed' };
    case 'text-2014':
      return { kind: 'print', edition: '2014/01' };
    case 'text-2010':
      return { kind: 'print', edition: '2010/05' };
    case 'noisy':
      return { kind: 'noisy', edition: anyEdition(rng) };
    case 'letter-spaced':
      return { kind: 'spaced', edition: anyEdition(rng) };
    case 'vector-text':
      return { kind: 'vector', edition: anyEdition(rng) };
    case 'multipage':
      return { kind: 'print', edition: anyEdition(rng), pages: true };
    case 'scanned':
    case 'photo':
      return { kind: 'scan', edition: anyEdition(rng) };
    default:
      return { kind: 'print', edition: anyEdition(rng) };
  }
}

function upperParties(t: Truth): void {
  for (const p of [t.insured, t.certificateHolder]) {
    p.name = p.name?.toUpperCase() ?? null;
    if (p.address) for (const k of Object.keys(p.address) as (keyof typeof p.address)[]) p.address[k] = p.address[k]?.toUpperCase() ?? null;
  }
}

/** Keeps the remarks sentences the box holds; the rest goes to an ACORD 101 page or is not written. */
function fitRemarks(parts: RemarkPart[], faces: Faces, form: Form, look: Look, plan: Plan): { box: string; rest: string; kept: RemarkPart[] } {
  const overflow = plan.pages ?? false;
  const r = remarksBox(form, look);
  // A fillable form's multi-line field sets lines further apart than printed text.
  const capacity = plan.naming ? Math.floor(60 / (look.values.size * 1.25)) : r.capacity;
  const wrap = (text: string) => remarksLines(text, faces.value, look.values.size, r.width);
  if (overflow) {
    const lines = wrap(parts.map((p) => p.text).join(' '));
    return { box: lines.slice(0, capacity).join(' '), rest: lines.slice(capacity).join(' '), kept: parts };
  }
  let kept = parts;
  while (kept.length && wrap(kept.map((p) => p.text).join(' ')).length > capacity) kept = kept.slice(0, -1);
  return { box: kept.map((p) => p.text).join(' '), rest: '', kept };
}

function drawPrinted(sheet: Sheet, form: Form, look: Look, faces: Faces, t: Truth, rng: Rng): void {
  const filled = fill(t, form, look, rng);
  const pen: Pen = { sheet, face: faces.value, look };
  placeValues(pen, form, filled, look.parties.lines);
  if (look.parties.lines) drawParties(pen, t, rng.int(0, 2));
  for (const c of filled.checks) if (c.on) drawMark(sheet, c.box, look.mark, faces);
  if (look.extras.signature) drawSignature(sheet, rng, faces.value, rng.chance(0.5) ? t.producer.contactName : null);
}

async function certificatePdf(rng: Rng, plan: Plan, look: Look, t: Truth): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.setProducer(rng.pick(['coi corpus generator', 'Agency Management System', 'PDF Printer']));
  const page = doc.addPage(pageSize);
  const sheet = new Sheet(page);
  const faces = await embedFaces(doc, look);
  const form = officialForm(look.edition);
  const long = plan.pages && rng.chance(0.7);
  const remarks = fitRemarks(writeRemarks(rng, t, long ? rng.int(9, 14) : rng.int(0, 3)), faces, form, look, plan);
  t.descriptionOfOperations = [remarks.box, remarks.rest].filter(Boolean).join(' ') || null;
  t.endorsementForms = remarks.kept.flatMap((p) => p.forms);
  sheet.begin(look.page.scale, look.page.dx, look.page.dy);
  drawBlank(sheet, form, look, { regular: faces.label, bold: faces.labelBold });
  if (plan.naming) {
    const boxOnly = { ...t, descriptionOfOperations: remarks.box || null };
    fillForm(doc, page, fill(boxOnly, form, look, rng), faces.valueFont!, look.values.size, plan.naming, rng);
  } else drawPrinted(sheet, form, look, faces, { ...t, descriptionOfOperations: remarks.box || null }, rng);
  drawExtras(sheet, look, faces.label, { code: `INS025 (${look.edition.replace('/', '')})`, printedBy: `Printed by ${rng.letters(3)} on ${formatDate(t.certificateDate, look)}` });
  sheet.end();
  if (plan.flatten) flatten(doc, page);
  if (remarks.rest) await addRemarksPage(doc, remarks.rest, t.insured.name ?? '');
  if (plan.pages) await addPages(doc, rng, t);
  return doc;
}

/** pdf-lib's flatten leaves the removed widgets in the page's annotation list; they go too. */
function flatten(doc: PDFDocument, page: PDFPage): void {
  doc.getForm().flatten();
  page.node.delete(PDFName.of('Annots'));
}

async function addPages(doc: PDFDocument, rng: Rng, t: Truth): Promise<void> {
  for (const form of rng.shuffle(endorsementForms).slice(0, rng.int(0, 2))) {
    // A form the remarks already name keeps the edition they give it: the truth holds one per form.
    const known = t.endorsementForms.find((f) => f.form === form);
    const edition = known?.edition ?? rng.pick(['04 13', '12 19']);
    await addEndorsementPage(doc, rng, form, edition);
    if (!known) t.endorsementForms.push({ form, edition });
    else known.edition = edition;
  }
  if (doc.getPageCount() === 1 || rng.chance(0.5)) await addCoverLetter(doc, rng, t, formatDate(t.certificateDate, { unpaddedDates: false }) ?? '');
}

export interface Composed {
  doc: PDFDocument;
  truth: Truth;
  look: Look;
  plan: Plan;
  rng: Rng;
}

/** The document before it is saved, with the choices made for it (tests look at those). */
export async function compose(variant: Variant, seed: number, options: GenerateOptions = {}): Promise<Composed> {
  const rng = new Rng(seed * 7919 + variant.length);
  const plan = planOf(variant, rng);
  const look = randomLook(rng, { edition: plan.edition, kind: plan.kind, heldOut: options.heldOut });
  const truth = randomFacts(rng);
  if (look.parties.upper && !plan.naming) upperParties(truth);
  // After the upper-casing: what a test asks for is printed as it asked.
  options.adjust?.(truth);
  if (plan.naming) fitToForm(truth);
  truth.edition = plan.edition;
  const doc = await certificatePdf(rng, plan, look, truth);
  truth.pages = doc.getPageCount();
  truth.source = plan.naming && !plan.flatten ? 'acroform' : plan.kind === 'vector' || plan.kind === 'scan' ? 'ocr' : 'text';
  return { doc, truth, look, plan, rng };
}

/** One synthetic certificate and the extraction a perfect reader would return. */
export async function generate(variant: Variant, seed: number, options: GenerateOptions = {}): Promise<Generated> {
  const { doc, truth, plan, rng } = await compose(variant, seed, options);
  // Systems differ here; object streams also keep the form variants' many small objects compact.
  const bytes = await doc.save({ useObjectStreams: plan.kind !== 'print' || rng.chance(0.5) });
  if (variant === 'scanned' || variant === 'photo') {
    const scanned = await scanDocument(bytes, rng, { ...options.scan, photo: variant === 'photo' });
    return { bytes: scanned.bytes, ext: scanned.ext, truth };
  }
  return { bytes, ext: 'pdf', truth };
}
