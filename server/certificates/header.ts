import { Provenance } from './provenance';
import type { PageView } from './page';
import { collapse, digitsOnly, identifier, ocrName, parseAddress, parseDate, type Address } from './values';
import {
  findAll,
  findFirst,
  groupLines,
  medianHeight,
  rightOf,
  within,
  type Box,
  type Line,
  type Match,
  type Word,
} from './words';

export interface Party {
  name: string | null;
  address: Address | null;
}

export interface HeaderFacts {
  certificateDate: string | null;
  certificateNumber: string | null;
  revisionNumber: string | null;
  producer: Party & { contactName: string | null; phone: string | null; fax: string | null; email: string | null };
  insured: Party;
  insurers: { letter: 'A' | 'B' | 'C' | 'D' | 'E' | 'F'; name: string; naic: string | null }[];
  certificateHolder: Party;
  descriptionOfOperations: string | null;
}

export interface Anchors {
  lines: Line[];
  lineHeight: number;
  split: number;
  producer: Match | null;
  insured: Match | null;
  coverages: Match | null;
  description: Match | null;
  holder: Match | null;
  cancellation: Match | null;
  footerTop: number;
}

export function findAnchors(view: PageView): Anchors {
  const lines = groupLines(view.words);
  const lineHeight = medianHeight(view.words);
  // The right-hand column starts where its labels do. A misread word elsewhere ("CONTRACT" read
  // as "CONTACT" in the disclaimer) must not move it, so labels in the left quarter are ignored
  // and the column starts at the leftmost label near the median.
  const rightColumn = [
    ...findAll(lines, /INSURER\s?[A-F]\b\s?:?/),
    ...findAll(lines, /INSURER\(?S\)? AFFORDING/),
    ...findAll(lines, /CONTACT\s?NAME|E-?MAIL ADDRESS|PHONE\s?\(/),
  ]
    .map((m) => m.box[0])
    .filter((x) => x > view.width * 0.25)
    .sort((x, y) => x - y);
  const median = rightColumn[Math.floor((rightColumn.length - 1) / 2)];
  const split = median === undefined ? view.width / 2 : rightColumn.find((x) => x > median - 20)! - 2;
  const producer = findFirst(lines, /\bPRODUCER\b/);
  const insured =
    findAll(lines, /\bINSURED\b/).find(
      (m) => m.box[0] < split && (!producer || m.box[3] < producer.box[1]) && m.words.length === 1,
    ) ?? null;
  const description =
    findAll(lines, /DESCRIPTION OF OPERATIONS/).find((m) => /LOCATIONS|VEHICLES/.test(m.line.text)) ??
    findAll(lines, /DESCRIPTION OF OPERATIONS(?! below)/).pop() ??
    // OCR may break the heading's first words apart; the rest of it still names the box.
    findAll(lines, /LOCATIONS\W{0,3}VEHICLES|\(ACORD 101|Remarks Schedule/i).pop() ??
    null;
  // The footer as printed, or as OCR spells it ("INSO25", "All nghts reserved").
  const footer = findAll(lines, /©|ACORD CORPORATION|ACORD 25 ?\(|INS\s?[O0]25|All r\w{2,3}ts reserved/i);
  // The remarks may mention a holder or a cancellation too; the labels sit below them.
  // OCR may set CERTIFICATE off its line or garble HOLDER; either word beside CANCELLATION still
  // marks the box.
  const holder =
    findAll(lines, /CERTIFICATE HOLDER/).pop() ??
    findAll(lines, /\bHOLDER\b(?=.*\bCANCELLATION\b)|\bCERTIFICATE\b(?=.*\bCANCELLATION\b)/).pop() ??
    null;
  return {
    lines,
    lineHeight,
    split,
    producer,
    insured,
    // The section label starts its line; "COVERAGE" also appears mid-line in other sentences.
    coverages:
      findFirst(lines, /\bCOVERAGES\b/) ?? findAll(lines, /\bCOVERAGE\b/).find((m) => m.words[0] === m.line.words[0]) ?? null,
    description,
    holder,
    cancellation: findAll(lines, /\bCANCELLATION\b/).find((m) => holder && Math.abs(m.box[1] - holder.box[1]) < lineHeight) ?? null,
    footerTop: footer.length ? Math.max(...footer.map((m) => m.box[3])) + 0.5 : 0,
  };
}

/** Lines of a block below a label, turned into a name and an address. */
function readParty(words: Word[], prov: Provenance, pointer: string, ocr: boolean): Party {
  const lines = groupLines(words).filter((l) => collapse(l.text) !== '');
  if (lines.length === 0) return { name: null, address: null };
  const [first, ...rest] = lines;
  prov.words(`${pointer}/name`, first!.words);
  const address = parseAddress(rest.map((l) => l.text));
  if (address && rest.length) prov.words(`${pointer}/address`, rest.flatMap((l) => l.words));
  // OCR may set a speck or quote before the name.
  return { name: ocr ? ocrName(first!.text) || null : collapse(first!.text), address };
}

function below(label: Match | null, lh: number): number | undefined {
  return label ? label.box[1] + 0.3 * lh : undefined;
}

function above(label: Match | null, lh: number): number | undefined {
  return label ? label.box[3] - 0.3 * lh : undefined;
}

function valueRight(words: Word[], lines: Line[], label: RegExp, stop: RegExp | null, xLimit = Infinity) {
  const m = findFirst(lines, label);
  if (!m) return null;
  const next = stop ? findAll([m.line], stop).find((s) => s.box[0] > m.box[2]) : undefined;
  const labelWords = new Set(m.line.words.filter((w) => w.x0 <= m.box[2] - 0.5));
  const value = rightOf(words, m.box, next ? next.box[0] : xLimit).filter((w) => !labelWords.has(w));
  // The next label may sit a little off the value's line; the value still ends where it starts.
  const end = stop ? value.findIndex((w) => stop.test(w.text)) : -1;
  const kept = end >= 0 ? value.slice(0, end) : value;
  return kept.length ? kept : null;
}

function readContact(view: PageView, a: Anchors, prov: Provenance) {
  const right = within(view.words, { x0: a.split, y1: a.producer ? a.producer.box[3] + a.lineHeight : undefined });
  const lines = groupLines(right);
  const get = (label: RegExp, stop: RegExp | null, pointer: string) => {
    const words = valueRight(right, lines, label, stop);
    if (words) prov.words(pointer, words);
    return words ? collapse(words.map((w) => w.text).join(' ')) : null;
  };
  // OCR may glue a value to its label ("Ext):(593)"), which hides it from the words right of the
  // label; the line's text after the label still holds it.
  const after = (label: RegExp, stop: RegExp | null) => {
    const line = findFirst(lines, label)?.line.text ?? '';
    const m = label.exec(line);
    const rest = m ? line.slice(m.index + m[0].length) : '';
    return stop ? rest.split(stop)[0]! : rest;
  };
  // "(A/C, No, Ext)" as OCR gives it: "(AIC, No, Ex)", "(AC. Na)".
  const phoneLabel = /PHONE\s?[({[]?A.{0,2}C\W{0,3}N[oa0]\W{0,3}E[xX]\w?\W{0,3}/;
  const faxLabel = /FAX\s?[({[]?A.{0,2}C\W{0,3}N[oa0]\W{0,3}/;
  // The label's own colon, as OCR reads it; not a | or bracket, which are the address's l.
  const emailLabel = /E\W?MAIL\s?ADDRESS\s?[.:;,'"’”®]?/;
  const number = (words: string | null, label: RegExp, stop: RegExp | null) => {
    const read = words ? digitsOnly(words) : null;
    if (read?.length === 10) return read;
    const fromLine = digitsOnly(after(label, stop));
    return fromLine?.length === 10 ? fromLine : read;
  };
  // With "(A/C, No)" illegible, the number after PHONE or FAX alone, when it has all ten digits.
  const bareLabel = (label: RegExp, stop: RegExp | null, pointer: string) => {
    const words = valueRight(right, lines, label, stop);
    const read = words ? digitsOnly(words.map((w) => w.text).join(' ')) : null;
    if (read?.length !== 10) return null;
    prov.words(pointer, words!);
    return read;
  };
  const contactName = get(/(?:CONTACT\s?)?NAME\s?[:;.]?/, null, '/producer/contactName');
  const email = get(emailLabel, null, '/producer/email') ?? (/\S+@\S+\.\w+/.exec(after(emailLabel, null))?.[0] || null);
  return {
    contactName: contactName ? capitalised(contactName) : null,
    phone: number(get(phoneLabel, /FAX/, '/producer/phone'), phoneLabel, /FAX/) ?? bareLabel(/\bPHONE\b/, /FAX/, '/producer/phone'),
    fax: number(get(faxLabel, null, '/producer/fax'), faxLabel, null) ?? bareLabel(/\bFAX\b/, null, '/producer/fax'),
    email: email ? cleanEmail(email) : null,
  };
}

/** An address as OCR reads it: no spaces, "®" for "@", no specks before it. */
export function cleanEmail(text: string): string {
  // An @ OCR read as a space: "priya graniteins.com".
  const spaced = /@|®/.test(text) ? text : text.replace(/^(\S+)\s+(?=[\w-]+\.\w{2,}\s*$)/, '$1@');
  const flat = spaced.replace(/\s+/g, '').replace(/®/g, '@').replace(/@+/g, '@').replace(/[|[\]]/g, 'l').toLowerCase();
  // Only the address itself: a phone number or speck OCR glued on either side is dropped.
  return /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/.exec(flat)?.[0] ?? flat.replace(/^[^a-z0-9]+/, '');
}

/** A person's name starts with a capital; OCR sometimes reads it in lower case. */
function capitalised(name: string): string {
  return name.replace(/^[a-z]/, (c) => c.toUpperCase());
}

function readInsurers(view: PageView, a: Anchors, prov: Provenance): HeaderFacts['insurers'] {
  const naicHeader = findFirst(a.lines, /\bNAIC\b/);
  const naicLeft = naicHeader ? naicHeader.box[0] - 1.5 * a.lineHeight : Infinity;
  const out: HeaderFacts['insurers'] = [];
  // A row label whose letter OCR dropped ("INSURER Keel Assurance") still counts as a row.
  const labels = findAll(a.lines, /INSURER\s?([A-F])?\b(?!\s?\(S)\s?:?/)
    .filter((m) => m.box[0] > a.split - 3 * a.lineHeight)
    .sort((x, y) => y.box[3] - x.box[3]);
  const letters = lettersInOrder(labels.map((m) => (m.groups[0] ?? '').toUpperCase()));
  for (const [i, m] of labels.entries()) {
    const letter = letters[i] as HeaderFacts['insurers'][number]['letter'];
    const words = rightOf(view.words, m.box).filter((w) => !m.words.includes(w));
    const nameWords = words.filter((w) => w.x1 < naicLeft + a.lineHeight);
    const naicWords = words.filter((w) => w.x1 >= naicLeft + a.lineHeight);
    // Without a usable NAIC header, a trailing company code still reads as the NAIC.
    const last = nameWords[nameWords.length - 1];
    if (!naicWords.length && nameWords.length > 1 && last && alienOrNaic(last.text, view.ocr)) naicWords.push(nameWords.pop()!);
    const text = collapse(nameWords.map((w) => w.text).join(' '));
    const name = view.ocr ? capitalised(withoutLetter(ocrName(text), letter)) : text;
    if (!name || out.some((x) => x.letter === letter)) continue;
    const index = out.length;
    prov.words(`/insurers/${index}/name`, nameWords);
    const naicText = collapse(naicWords.map((w) => w.text).join(''));
    const naic = (view.ocr ? alienOrNaic(naicText, true) : null) ?? (naicText || null);
    if (naic) prov.words(`/insurers/${index}/naic`, naicWords, /^\d{5}$|^AA-\d{7}$/.test(naic) ? 1 : 0.6);
    out.push({ letter, name, naic });
  }
  return out;
}

/**
 * A NAIC number (five digits) or an alien insurer's code ("AA-1122000"); OCR may misread the
 * code's second A, so in OCR text any capital there counts.
 */
function alienOrNaic(text: string, ocr: boolean): string | null {
  if (/^\d{5}$/.test(text)) return text;
  const alien = (ocr ? /^A[A-Z4]-?(\d{7})$/ : /^AA-?(\d{7})$/).exec(text);
  return alien ? `AA-${alien[1]}` : null;
}

/** OCR may read a row's letter again at the start of the name ("D: Northern" as "OD Northern"). */
export function withoutLetter(name: string, letter: string): string {
  const [first = '', ...rest] = name.split(' ');
  // Two glyphs at most, so a name that starts with its letter ("AIG Specialty" as insurer A) stays.
  if (rest.length && first.replace(/\W/g, '').length <= 2 && first.toUpperCase().includes(letter) && !/[a-z]/.test(first)) return rest.join(' ');
  if (new RegExp(`^${letter}[A-Z][a-z]`).test(name)) return name.slice(1);
  return name;
}

/**
 * The form prints INSURER A to F top to bottom. With all six rows found, each gets the letter of
 * its place; otherwise a letter OCR dropped or read out of order (a second "D" after "D")
 * becomes the one after the row above.
 */
export function lettersInOrder(read: string[]): string[] {
  if (read.length === 6) return [...'ABCDEF'];
  const out: string[] = [];
  for (const letter of read) {
    const previous = out[out.length - 1];
    const next = previous ? String.fromCharCode(previous.charCodeAt(0) + 1) : 'A';
    out.push(!letter || (previous && letter <= previous && next <= 'F') ? next : letter);
  }
  return out;
}

function readDate(view: PageView, a: Anchors, prov: Provenance): string | null {
  const label = findFirst(a.lines, /DATE\s?\(MM\/DD\/YYYY\)/) ?? findFirst(a.lines, /\bDATE\b|\bDATE\s?\(?MM/);
  if (!label) return null;
  const near = within(view.words, {
    x0: label.box[0] - 3 * a.lineHeight,
    y0: label.box[1] - 3 * a.lineHeight,
    y1: label.box[3] + 0.2 * a.lineHeight,
  }).filter((w) => parseDate(w.text));
  const word = near.sort((x, y) => y.y1 - x.y1)[0];
  if (!word) return null;
  prov.words('/certificateDate', [word]);
  return parseDate(word.text);
}

function linesText(words: Word[]): string | null {
  const text = collapse(groupLines(words).map((l) => l.text).join(' '));
  return text || null;
}

export function readHeader(view: PageView, a: Anchors, prov: Provenance): HeaderFacts {
  const lh = a.lineHeight;
  const left = (top: Match | null, bottom: Match | null, xLimit = a.split): Word[] =>
    top ? within(view.words, { x1: xLimit, y1: below(top, lh), y0: above(bottom, lh) }) : [];
  // OCR may drop CERTIFICATE; the label still follows COVERAGES.
  const certNo =
    valueRight(view.words, a.lines, /CERTIFICATE NUMBER\s?:?/, /REVISION/) ??
    valueRight(view.words, a.lines, /\bCOVERAGES?\W{0,2}\s?NUMBER\s?:?/, /REVISION/);
  const revNo = valueRight(view.words, a.lines, /REVISION NUMBER\s?:?/, null);
  if (certNo) prov.words('/certificateNumber', certNo);
  if (revNo) prov.words('/revisionNumber', revNo);
  // The heading's small-print tail ("may be attached if more space is required)") can sit a
  // little lower than its first words; the remarks start below the heading's bottom edge.
  const headingBottom = a.description ? a.description.box[1] - 0.25 * lh : 0;
  const remarks = a.description
    ? within(view.words, { y1: below(a.description, lh), y0: above(a.holder, lh) ?? a.footerTop }).filter(
        (w) => (w.y0 + w.y1) / 2 < headingBottom,
      )
    : [];
  if (remarks.length) prov.words('/descriptionOfOperations', remarks);
  const holderWords = a.holder
    ? within(view.words, {
        // The cancellation text below its heading starts a little left of it when OCR puts a
        // speck or quote before the heading.
        x1: a.cancellation ? a.cancellation.box[0] - 1.5 * lh : view.width / 2,
        y1: below(a.holder, lh),
        y0: a.footerTop,
      })
    : [];
  const join = (ws: Word[] | null) => (ws ? collapse(ws.map((w) => w.text).join(' ')) : null);
  return {
    certificateDate: readDate(view, a, prov),
    certificateNumber: certNo ? identifier(join(certNo)!, view.ocr) : null,
    revisionNumber: join(revNo),
    producer: { ...readParty(left(a.producer, a.insured), prov, '/producer', view.ocr), ...readContact(view, a, prov) },
    insured: readParty(left(a.insured, a.coverages), prov, '/insured', view.ocr),
    insurers: readInsurers(view, a, prov),
    certificateHolder: readParty(holderWords, prov, '/certificateHolder', view.ocr),
    descriptionOfOperations: linesText(remarks),
  };
}

export type { Box };
