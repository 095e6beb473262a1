// A scan's value whose first two readings disagree is read a third time, and two readings that
// agree against the first outvote it. The page-wide pass and the value read alone from the page
// as scanned often differ by one glyph (Priva and Priya, NODY8832 and NOD98832); a third reading,
// alone from the cleaned page, sides with one of them. The value taken is still only two readings
// in three, so it stays below CONFIDENT, for a person to confirm.
import type { Extraction } from '../contracts/extraction';
import { phone } from './form/header';
import { collapse, emailAddress, emailByContact, figuresGuessed, figuresInNumber, guessedDate, identifier, naicCode, ocrName, parseDate, parseMoney, glyphsApart, tenFigures, withoutLetter } from './values';

/** Names of a party or an insurer. */
export const named = /^\/(?:producer|insured|certificateHolder|insurers\/\d+)\/name$/;

/** The producer's telephone and fax numbers: taken only as ten figures (a figure read twice makes eleven). */
const telephone = /^\/producer\/(?:phone|fax)$/;

/** A policy number as the layout makes it, figures read as their lookalikes guessed. */
const policyNumber = (t: string) => {
  const id = identifier(t, true);
  return id && (figuresInNumber(id) ?? id);
};

type Parse = (text: string, result: Partial<Extraction>, pointer: string) => unknown;

const insurerLetterAt = (result: Partial<Extraction>, pointer: string) => result.insurers?.[Number(pointer.split('/')[2])]?.letter ?? '';

/** Values one line of print gives, and how each is made from its text. Addresses are left out: their lines are parsed together. */
const parsers: [RegExp, Parse][] = [
  [/^\/(?:producer|insured|certificateHolder)\/name$/, (t) => ocrName(t) || null],
  [/^\/insurers\/\d+\/name$/, (t, r, p) => ocrName(withoutLetter(collapse(t), insurerLetterAt(r, p))) || null],
  [/^\/producer\/contactName$/, (t) => collapse(t) || null],
  [/^\/producer\/email$/, (t, r) => emailAddress(t, true) ?? emailByContact(t, r.producer?.contactName ?? '')],
  [telephone, phone],
  [/^\/insurers\/\d+\/naic$/, (t) => naicCode(t, true)],
  [/^\/(?:certificateNumber|revisionNumber)$/, (t) => identifier(t, true)],
  [/^\/policies\/\d+\/policyNumber$/, (t) => policyNumber(t)],
  // A date or amount is made as the layout makes it, guesses included ("Ub/13/2024", "04072026"):
  // a vote's value stays below CONFIDENT.
  [/^\/certificateDate$|^\/policies\/\d+\/(?:effectiveDate|expirationDate)$/, (t) => parseDate(t) ?? guessedDate(t)],
  [/^\/policies\/\d+\/limits\/(?!other\/)\w+$/, (t) => parseMoney(collapse(t.replace(/\$/g, ' '))) ?? parseMoney(figuresGuessed(t) ?? '')],
];

/**
 * Numbers whose every glyph counts, where the engine adds or drops one more often than it
 * swaps one (a figure read twice): a later reading is taken only glyph for glyph.
 */
const counted = /^\/(?:certificateNumber|revisionNumber|policies\/\d+\/policyNumber)$/;

const glyphCount = (t: string) => t.replace(/[^A-Za-z0-9]/g, '').length;

const isTelephone = (value: unknown) => typeof value === 'string' && tenFigures(value);

/** Values whose shape no other print has: a date, an amount, a NAIC code, a telephone number, an e-mail address. */
const selfChecking = /^\/(?:certificateDate|producer\/(?:phone|fax|email)|insurers\/\d+\/naic|policies\/\d+\/(?:effectiveDate|expirationDate|limits\/(?!other\/)\w+))$/;

/**
 * Whether the first reading made no such value: nothing, or a telephone number that is not one.
 * Such a value is filled from one well-formed later reading, as a broken line read again is.
 */
export const unmade = (pointer: string, current: unknown) => current === null || (telephone.test(pointer) && !isTelephone(current));

/** Whether a vote can change the value at a pointer (`current` the value the first reading gave). */
export const votable = (pointer: string, current: unknown) => parsers.some(([p]) => p.test(pointer)) && (current !== null || selfChecking.test(pointer));

/** The value a reading gives at a pointer; undefined where votes are not taken, null where the reading is no such value. */
function valueOf(pointer: string, text: string, result: Partial<Extraction>): unknown {
  const parse = parsers.find(([p]) => p.test(pointer))?.[1];
  return parse ? (parse(text, result, pointer) ?? null) : undefined;
}

/** The value at a JSON pointer of the extraction, or undefined where none stands. */
export function valueAt(result: object, pointer: string): unknown {
  let at: unknown = result;
  for (const k of pointer.split('/').slice(1)) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[k] : undefined;
  return at;
}

/** Sets the value at a JSON pointer of the extraction; false, changing nothing, when no value stands there. */
export function setAt(result: object, pointer: string, value: unknown): boolean {
  const cut = pointer.lastIndexOf('/');
  const parent = valueAt(result, pointer.slice(0, cut));
  const last = pointer.slice(cut + 1);
  if (parent === null || typeof parent !== 'object' || !(last in parent)) return false;
  (parent as Record<string, unknown>)[last] = value;
  return true;
}

/** The text with the glyphs OCR swaps for their lookalikes made one: O and 0, I, l and 1. */
const lookalikeFree = (t: string) => t.replace(/\s+/g, '').replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');

/** The value a later reading gives at a pointer, or null: numbers glyph for glyph with the first, a telephone number as one. */
function laterValue(pointer: string, text: string, first: string | null, result: Partial<Extraction>): unknown {
  if (!text.trim()) return null;
  const value = valueOf(pointer, text, result) ?? null;
  // Counted as made: a policy number's slash read for an italic 7 is then a 7.
  const made = (t: string) => String(valueOf(pointer, t, result) ?? t);
  if (first !== null && counted.test(pointer) && glyphCount(made(text)) !== glyphCount(made(first))) return null;
  if (telephone.test(pointer) && !isTelephone(value)) return null;
  return value;
}

/**
 * Words of insurers' and firms' names: the trade's own (Insurance, Casualty, Indemnity) and a
 * firm's form (Company, Inc, LLC). A proper name (Pinecrest, Keel) is not among them.
 */
const nameWords = new Set(
  `insurance insurer insurers company companies co corp corporation inc incorporated llc ltd lp llp
  group mutual casualty indemnity assurance reinsurance surety fire marine general national american
  america of the and specialty underwriters fund compensation workers exchange reciprocal association
  trust property liability guarantee guaranty financial services agency brokerage brokers holdings
  excess surplus lines risk retention purchasing states united federal central continental
  western eastern northern southern atlantic pacific first select selective`.split(/\s+/),
);

const isNameWord = (w: string) => nameWords.has(w.toLowerCase().replace(/[.,]$/, ''));

/**
 * A name whose words the later readings mend one at a time: where the first reading's word is no
 * word of a name ("Compam", "ot") and a later reading, split into as many words, holds a name
 * word a glyph or two from it ("Company", "of"), that word is taken. Null when nothing is mended
 * or later readings offer different words.
 */
function wordsMended(first: string, later: string[]): string | null {
  const words = first.split(/\s+/).filter(Boolean);
  const others = later.map((t) => t.split(/\s+/).filter(Boolean)).filter((o) => o.length === words.length);
  let mended = false;
  const out = words.map((w, i) => {
    if (isNameWord(w)) return w;
    const offered = new Set(others.map((o) => o[i]!).filter((o) => isNameWord(o) && glyphsApart(o, w)));
    if (offered.size !== 1) return w;
    mended = true;
    return [...offered][0]!;
  });
  return mended ? out.join(' ') : null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The value two later readings agree on against the first reading's `current` value, or null to
 * keep it. A value the first reading could not make out is taken from the later readings when
 * they do not contradict each other. Readings that differ from the first only in lookalike
 * glyphs do not outvote it: the first reading's O and 0, I and 1 were settled from the shape of
 * the ink, which the engine's later guesses owe nothing to. Where the later readings do not
 * agree, a name may still be mended word by word (`wordsMended`).
 */
export function outvoted(pointer: string, current: unknown, texts: { first: string; second: string; third: string }, result: Partial<Extraction>): unknown {
  const { first, second, third } = texts;
  if (unmade(pointer, current)) {
    // Only a value whose shape is its own check fills a blank: a name there may be the form's print.
    if (!selfChecking.test(pointer)) return null;
    const [a, b] = [laterValue(pointer, second, null, result), laterValue(pointer, third, null, result)];
    return a === null || b === null || same(a, b) ? (a ?? b) : null;
  }
  const a = laterValue(pointer, second, first, result);
  if (a !== null && same(a, laterValue(pointer, third, first, result)) && !same(a, current)) return lookalikeFree(first) === lookalikeFree(second) ? null : a;
  const mended = named.test(pointer) ? wordsMended(first, [second, third]) : null;
  const value = mended === null ? null : valueOf(pointer, mended, result);
  return value === null || value === undefined || same(value, current) ? null : value;
}
