// The certificate's top half and foot: date, numbers, producer and contact, insurers, insured,
// remarks and holder, each read from its own region of the form.
import type { Extraction } from '../../contracts/extraction';
import { collapse, digitsOnly, emailAddress, emailByContact, guess, identifier, lookalikeDoubt, naicCode, nameAndAddressDisagree, ocrName, personCapitals, smallLMidSentence, parseDate, unlikePersonName, unreadCityLine, withoutLetter } from '../values';
import { mendRemarks } from '../remarks';
import type { Box } from '../words';
import { blockLinesIn, confidenceOf, linesIn, type Reading } from './cells';
import { keyOf } from './geometry';
import { pageBoxOf, type FormLine } from './lines';
import { readParty, type PartyLines } from './parties';
import { pageBox, valuesIn, type FormPage } from './placed';
import { header, insurerLetters, insurerRow } from './regions';
import type { Sink } from './sink';

type Top = Pick<Extraction, 'certificateDate' | 'certificateNumber' | 'revisionNumber' | 'producer' | 'insured' | 'insurers' | 'certificateHolder' | 'descriptionOfOperations'>;

function text(page: FormPage, region: Box, clean: (t: string) => string | null = (t) => t || null): Reading<string | null> {
  const items = valuesIn(page, region);
  const joined = collapse(linesIn(page, region).map((l) => l.text).join(' '));
  const value = items.length ? clean(joined) : null;
  // Something printed that does not read as the field's kind of value is a doubt, not a value.
  const confidence = items.length && value === null ? 0.3 : confidenceOf(page, region, items);
  return { value, items, box: items.length ? pageBoxOf(items) : pageBox(page, region), confidence };
}

/** An OCR word confidence below which a remarks word may be mended. */
const doubtfulWord = 0.9;

/** The remarks, a block of free lines. */
function remarks(page: FormPage): Reading<string | null> {
  const lines = blockLinesIn(page, header.remarks);
  const items = lines.flatMap((l) => l.items);
  const text = collapse(lines.map((l) => l.text).join(' '));
  const box = items.length ? pageBoxOf(items) : pageBox(page, header.remarks);
  const confidence = confidenceOf(page, header.remarks, items);
  if (!page.view.ocr) return { value: text || null, items, box, confidence };
  // Small words OCR doubted are mended to the remarks' own words, for a person to confirm.
  const doubted = new Set(items.filter((p) => p.word.conf < doubtfulWord).map((p) => p.word.text.replace(/[.,;:]+$/, '')));
  const mended = mendRemarks(smallLMidSentence(text), doubted);
  return { value: mended.text || null, items, box, confidence: mended.mended ? Math.min(confidence, guess) : confidence };
}

/** A line that prints one of the form's own labels (an older edition's, standing off its place). */
const formLabel = (page: FormPage, line: FormLine) => {
  const key = keyOf(line.text);
  return key.length >= 6 && page.edition.labels.some((l) => l.key === key);
};

function party(page: FormPage, region: Box, at: string, sink: Sink): PartyLines {
  const lines = blockLinesIn(page, region).filter((l) => !formLabel(page, l));
  const read = readParty(lines, page.view.ocr);
  const name = page.view.ocr && read.name ? ocrName(read.name) : read.name;
  const reading = (ls: FormLine[]) => {
    const items = ls.flatMap((l) => l.items);
    return { items, box: items.length ? pageBoxOf(items) : pageBox(page, region), confidence: confidenceOf(page, region, items) };
  };
  sink.read(`${at}/name`, reading(read.nameLines));
  const address = reading(read.addressLines);
  // An address whose last line reads like a city line but did not parse lost its city and state.
  const lastLine = read.addressLines[read.addressLines.length - 1];
  if (lastLine && unreadCityLine(lastLine.text)) address.confidence = Math.min(address.confidence, 0.5);
  // On a scan, an address without its city line is one whose lines OCR may have run together.
  if (page.view.ocr && read.address && !read.address.city) address.confidence = Math.min(address.confidence, 0.6);
  sink.read(`${at}/address`, address);
  return { ...read, name };
}

export const phone = (t: string) => {
  const d = digitsOnly(t);
  return d && d.length >= 10 && d.length <= 15 ? d : null;
};
const notPlaceholder = (t: string) => (/^(?:MM\/DD\/YYYY|N\/?A|TBD)$/i.test(t) ? null : t || null);

/** A few doubtful glyphs OCR found on an empty row ("ree"): specks, not a name. */
const ocrNoise = (page: FormPage, r: Reading<string | null>) => page.view.ocr && r.confidence < 0.5 && (r.value ?? '').replace(/[^A-Za-z]/g, '').length < 4;

function insurers(page: FormPage, sink: Sink): Top['insurers'] {
  const out: Top['insurers'] = [];
  for (const letter of insurerLetters) {
    const row = insurerRow(letter);
    const name = text(page, row.name, (t) => t.replace(/^[:\s]+/, '') || null);
    if (!name.value || ocrNoise(page, name)) continue;
    const code = text(page, row.naic, (t) => naicCode(t, page.view.ocr));
    const at = `/insurers/${out.length}`;
    sink.read(`${at}/name`, name);
    // The letter is the form's, but an insurer row is only as sure as the name read on it.
    sink.read(`${at}/letter`, name);
    sink.read(`${at}/naic`, code);
    out.push({ letter, name: page.view.ocr ? ocrName(withoutLetter(name.value, letter)) : name.value, naic: code.value });
  }
  return out;
}

/** An OCR'd identifier that could read O for 0 (or I for 1) is for a person to confirm. */
export function lookalikes(page: FormPage, r: Reading<string | null>): Reading<string | null> {
  return doubtedOn(page, r, (v) => lookalikeDoubt(v));
}

/**
 * A certificate or revision number OCR read: any glyph may be its lookalike (5 or S, 0 or O, in
 * a number of figures too), nothing checks it, and nothing is decided on it, so it is always
 * for a person to confirm.
 */
const scanned = (page: FormPage, r: Reading<string | null>) => doubtedOn(page, r, () => true);

/** An OCR'd value the test doubts, kept below CONFIDENT. */
function doubtedOn(page: FormPage, r: Reading<string | null>, doubt: (value: string) => boolean): Reading<string | null> {
  return page.view.ocr && r.value && doubt(r.value) ? { ...r, confidence: Math.min(r.confidence, 0.75) } : r;
}

/** A scan's e-mail address whose @ OCR misread, put together from the contact's name, for a person to confirm. */
function withContact(page: FormPage, email: Reading<string | null>, contact: string | null): Reading<string | null> {
  if (!page.view.ocr || email.value !== null || !email.items.length || !contact) return email;
  const value = emailByContact(email.items.map((p) => p.word.text).join(' '), contact);
  return value ? { ...email, value, confidence: Math.min(confidenceOf(page, header.email, email.items), guess) } : email;
}

export function readTop(page: FormPage, sink: Sink): Top {
  const put = <T>(at: string, r: Reading<T>): T => {
    sink.read(at, r);
    return r.value;
  };
  const producer = party(page, header.producer, '/producer', sink);
  const insured = party(page, header.insured, '/insured', sink);
  const holder = party(page, header.holder, '/certificateHolder', sink);
  const ident = (t: string) => identifier(t, page.view.ocr);
  const read = text(page, header.contact, notPlaceholder);
  // A capital OCR lost is put back; the name stays doubted below.
  const contact = page.view.ocr && read.value ? { ...read, value: personCapitals(read.value) } : read;
  const email = withContact(page, text(page, header.email, (t) => emailAddress(t, page.view.ocr)), contact.value);
  // A contact and an address one glyph apart: one of them was misread, and which is unknown.
  const clash = () => nameAndAddressDisagree(contact.value ?? '', email.value ?? '');
  return {
    certificateDate: put('/certificateDate', text(page, header.date, parseDate)),
    certificateNumber: put('/certificateNumber', scanned(page, text(page, header.certificateNumber, ident))),
    revisionNumber: put('/revisionNumber', scanned(page, text(page, header.revisionNumber, ident))),
    producer: {
      name: producer.name,
      address: producer.address,
      contactName: put('/producer/contactName', doubtedOn(page, contact, () => clash() || unlikePersonName(read.value ?? ''))),
      phone: put('/producer/phone', text(page, header.phone, phone)),
      fax: put('/producer/fax', text(page, header.fax, phone)),
      email: put('/producer/email', doubtedOn(page, email, clash)),
    },
    insured: { name: insured.name, address: insured.address },
    insurers: insurers(page, sink),
    certificateHolder: { name: holder.name, address: holder.address },
    descriptionOfOperations: put('/descriptionOfOperations', remarks(page)),
  };
}
