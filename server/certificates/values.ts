// Normalisers for what certificates print: dates, money, phone numbers, addresses and
// insurance form numbers. Each returns null when the text does not look like the thing.

export function parseDate(text: string): string | null {
  // Some fillers print ISO dates; year first is never ambiguous.
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (iso) return checkedDate(Number(iso[2]), Number(iso[3]), Number(iso[1]));
  // Two dates in one text ("05/26/202305/26/2024") say nothing about which one is meant.
  if ((text.match(/\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{2}/g) ?? []).length > 1) return null;
  // OCR reads a thin slash as 1, 7, I or l; a padded MM?DD?YYYY shape is still a date.
  const m =
    /(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4}|\d{2})(?!\d)/.exec(text) ??
    /^(\d{1,2})\s?[/\-.,:;]\s?(\d{1,2})\s?[/\-.,:;]\s?(\d{4})$/.exec(text.trim()) ??
    /^(\d{2})[/17Il|](\d{2})[/17Il|](\d{4})$/.exec(text.trim()) ??
    // One separator lost: "0908/2024", "09/082023", or read as a space or a degree sign.
    /^(\d{2})[/\-.,:;°](\d{2})(\d{4})$/.exec(text.trim()) ??
    /^(\d{2})(\d{2})[/\-.,:;°](\d{4})$/.exec(text.trim()) ??
    /^(\d{1,2})[/\-.,:;°](\d{1,2})[\s,.]+(\d{4})$/.exec(text.trim()) ??
    /^(\d{2})(\d{2})[\s,.]+(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += 2000;
  return checkedDate(month, day, year);
}

/** A calendar date, or null: February 31st is a misreading, not a date. */
function checkedDate(month: number, day: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1980 || year > 2100) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const moneyPattern = /^\$?\s*(\d{1,3}(?:(?:[,.]\s?|\s)\d{3})+|\d+(?:\.\d+)?)\s*(MM|M|K)?(?:\.00)?$/i;

/** "$ 1,000,000", "1000000", "1M", "1MM", "$2,000K" -> whole dollars. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[Ss]\s*(?=\d)/, '$').replace(/\s+/g, ' ').trim().replace(/\.00$/, '');
  const m = moneyPattern.exec(cleaned);
  if (!m) return null;
  const raw = m[1]!;
  const grouped = /[,.\s]\d{3}/.test(raw) && !/^\d+\.\d{1,2}$/.test(raw);
  let value = grouped ? Number(raw.replace(/[,.\s]/g, '')) : Number(raw);
  const unit = (m[2] ?? '').toUpperCase();
  if (unit === 'K') value *= 1_000;
  if (unit === 'M' || unit === 'MM') value *= 1_000_000;
  if (!Number.isFinite(value)) return null;
  return Math.round(value);
}

/** A North American telephone number: ten figures, or eleven with the country's 1 before them. */
export function tenFigures(text: string): boolean {
  const d = text.replace(/\D/g, '');
  return d.length === 10 || (d.length === 11 && d.startsWith('1'));
}

export function digitsOnly(text: string): string | null {
  const d = text.replace(/\D/g, '');
  return d.length >= 7 ? d : null;
}

/**
 * A policy or certificate number: without the bracket or bar a form rule leaves beside it and,
 * when read by OCR, in capitals (OCR confuses the case of c, o, p, s, v, w, x, z).
 */
export function identifier(text: string, ocr: boolean): string | null {
  const core = collapse(text).replace(/^[\s|[\](){}"'“”‘’]+|[\s|[\](){}"'“”‘’]+$/g, '');
  if (!core) return null;
  // Policy and certificate numbers carry digits; OCR text without any is a misread label or speck.
  if (ocr && !/\d/.test(core)) return null;
  // Between letters or digits, a "]" or "|" is a 1 OCR squared off.
  return ocr ? core.toUpperCase().replace(/(?<=[A-Z0-9])[\]|](?=[A-Z0-9])/g, '1') : core;
}

// A company's closing "LLC" or "Inc" with one glyph misread ("LLe", "LIC", "Ing", "lnc").
const closingLlc = /(?<=\s)(?!LLC\b)[LI1|][LI1|][CcGe](?=\.?$)/;
const closingInc = /(?<=\s)(?!Inc\b)[Il1|]n[cgeo](?=\.?$)/;

/**
 * A name as OCR reads it, without a speck or stray letter a box edge left in front of it, and
 * with a misread closing LLC or Inc put right.
 */
export function ocrName(text: string): string {
  return titleWords(collapse(text))
    .replace(/^(?:[^A-Za-z0-9\s]+\s*|[a-z][^A-Za-z0-9\s]*\s+(?=[A-Z]))+/, '')
    .replace(closingLlc, 'LLC')
    .replace(closingInc, 'Inc');
}

/**
 * A name printed in title case keeps it: a long word OCR gave a small first letter
 * ("Allas Casualty insurance Co") gets its capital back; short joining words stay small.
 */
function titleWords(name: string): string {
  const words = name.split(' ');
  const capitals = words.filter((w) => /^[A-Z][a-z]/.test(w)).length;
  if (capitals < 2 || capitals < 0.6 * words.length) return name;
  return words.map((w) => (/^[a-z]{4,}$/.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface Address {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
}

const states = new Set(
  `AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC
   ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP`.split(/\s+/),
);

// Glyphs OCR gives for the letters of a state code.
const letterFor: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '|': 'I', l: 'I' };

// Capitals OCR confuses with each other on a state code ("FI" for FL): tried only when the code
// read is no state, and taken only when exactly one state comes of it.
const swapped: Record<string, string> = { I: 'L', L: 'I', O: 'D', D: 'O' };

function stateCode(text: string): string | null {
  const code = [...text].map((c) => letterFor[c] ?? c.toUpperCase()).join('');
  if (states.has(code)) return code;
  const near = [...code].flatMap((c, i) => (swapped[c] ? [code.slice(0, i) + swapped[c] + code.slice(i + 1)] : [])).filter((x) => states.has(x));
  return near.length === 1 ? near[0]! : null;
}

/** A line that ends as a city line does ("… 58359") although no city, state and ZIP came of it. */
export const unreadCityLine = (line: string) => /\d{5}(?:-\d{4})?\W{0,2}$/.test(collapse(line)) && !cityOf(line);

// "City, ST 12345" (or ST 12345-6789); OCR may read the comma as a full stop and add a speck after.
const cityLine = /^(.*?)[,.\s]+([A-Za-z01|5]{2})[,.]?\s+(\d{5}(?:-\d{4})?)(?!\d)\W{0,2}(?:\s+.{0,12})?$/;
// The same line with one letter of the state lost: "Boise, I 68989".
const cityLineHalfState = /^(.*?[A-Za-z].*?)[,.]\s*[A-Za-z]\s+(\d{5}(?:-\d{4})?)(?!\d)\W{0,2}$/;

/** City, state and ZIP; a state code with a letter lost is left unread, not guessed. */
function cityOf(line: string): { city: string; state: string | null; postalCode: string } | null {
  const m = cityLine.exec(collapse(line));
  const state = m ? stateCode(m[2]!) : null;
  if (m && state) return { city: collapse(m[1]!.replace(/[,.]+$/, '')), state, postalCode: m[3]! };
  const half = cityLineHalfState.exec(collapse(line));
  return half ? { city: collapse(half[1]!), state: null, postalCode: half[2]! } : null;
}

/** Address lines as printed (street lines, then "City, ST 12345"). */
export function parseAddress(lines: string[]): Address | null {
  if (lines.length === 0) return null;
  // "City, ST 12345" ends an address; a line after it without a digit is something else caught
  // in the block (a word of the next heading).
  let end = lines.length;
  // So is a speck OCR read as a glyph or two ("1"), or a lone word of print from beside the block.
  const stray = (line: string) => !/\d/.test(line) || line.replace(/[^A-Za-z0-9]/g, '').length <= 2 || !/\s/.test(collapse(line));
  while (end > 1 && !cityOf(lines[end - 1]!) && stray(lines[end - 1]!) && cityOf(lines[end - 2]!)) end--;
  const last = cityOf(lines[end - 1]!);
  const street = last ? lines.slice(0, end - 1) : lines;
  return {
    line1: street[0] ? collapse(street[0]) : null,
    line2: street.length > 1 ? collapse(street.slice(1).join(' ')) : null,
    city: last?.city ?? null,
    state: last?.state ?? null,
    postalCode: last?.postalCode ?? null,
  };
}

export interface FormNumber {
  form: string;
  edition: string | null;
}

// The second letter of a prefix may come out of OCR in lower case ("Ca2048").
const formPattern =
  /\b(W[Cc])\s?(\d{2})\s?(\d{2})\s?(\d{2})(?:\s?\((\d{2})[\s/]?(\d{2})\))?|\b(C[GgAa]|I[Ll])\s?(\d{2})\s?(\d{2})(?:\s?\(?(\d{2})[\s/]?(\d{2})\)?)?(?![\d/])/g;

/** Insurance form numbers ("CG 20 10 04 13", "CG2037 1219", "WC 00 03 13") in reading order. */
export function findFormNumbers(text: string): FormNumber[] {
  const found: FormNumber[] = [];
  for (const m of text.matchAll(formPattern)) {
    if (m[1]) {
      found.push({ form: `WC ${m[2]} ${m[3]} ${m[4]}`, edition: edition(m[5], m[6]) });
    } else {
      found.push({ form: `${m[7]!.toUpperCase()} ${m[8]} ${m[9]}`, edition: edition(m[10], m[11]) });
    }
  }
  return found;
}

function edition(month: string | undefined, year: string | undefined): string | null {
  if (!month || !year) return null;
  const mm = Number(month);
  return mm >= 1 && mm <= 12 ? `${month} ${year}` : null;
}

/** Deduplicate by form; the first printed edition wins. */
export function mergeFormNumbers(lists: FormNumber[][]): FormNumber[] {
  const byForm = new Map<string, FormNumber>();
  for (const item of lists.flat()) {
    const known = byForm.get(item.form);
    if (!known) byForm.set(item.form, { ...item });
    else if (!known.edition && item.edition) known.edition = item.edition;
  }
  return [...byForm.values()];
}

/** 1 for equal strings, falling towards 0 with edit distance; compares letters and digits only. */
export function similarity(a: string, b: string): number {
  const x = a.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const y = b.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!x.length || !y.length) return 0;
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return 1 - previous[y.length]! / Math.max(x.length, y.length);
}

/** An e-mail address as printed, or as OCR gives it ("|ee@...", an @ read as a space or ®). */
export function emailAddress(text: string, ocr: boolean): string | null {
  let flat = text.replace(/\s+/g, '').toLowerCase();
  if (ocr) {
    const spaced = /@|®/.test(text) ? text : text.replace(/^(\S+)\s+(?=[\w-]+\.\w{2,}\s*$)/, '$1@');
    flat = spaced.replace(/\s+/g, '').replace(/®/g, '@').replace(/@+/g, '@').replace(/[|[\]]/g, 'l').toLowerCase();
  }
  // Only the address itself: a phone number or speck glued on either side is dropped.
  return /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/.exec(flat)?.[0] ?? null;
}

/**
 * An e-mail address whose @ OCR misread as a glyph or two or lost ("priyazblueins.com"), put
 * together from its contact's name: the text starts with a form of the name (priya, pnatarajan),
 * a domain ends it, and the glyphs between are taken for the @. Null when it does not read so.
 */
export function emailByContact(text: string, contact: string): string | null {
  const spaced = text.trim().toLowerCase();
  const flat = spaced.replace(/\s+/g, '');
  if (flat.includes('@')) return null;
  for (const local of addressForms(contact)) {
    if (local.length < 3 || !flat.startsWith(local)) continue;
    // An @ read as a space, or as a glyph or two standing apart, leaves the domain as the next
    // word; one read as a glyph or two run together is mostly one ("z", "a").
    const after = spaced.slice(local.length);
    const apart = /^\s/.test(after);
    const rest = apart ? after.replace(/^\s+(?:\S{1,2}\s+)?/, '').replace(/\s+/g, '') : flat.slice(local.length);
    for (const skip of apart ? [0] : [1, 2, 0]) if (/^[a-z0-9-]+\.[a-z]{2,}$/.test(rest.slice(skip))) return `${local}@${rest.slice(skip)}`;
  }
  return null;
}

/** How an e-mail address is mostly built from its owner's name (priya, pnatarajan, priya.natarajan). */
function addressForms(name: string): string[] {
  const words = name.toLowerCase().split(/\s+/).map((w) => w.replace(/[^a-z]/g, '')).filter((w) => w.length >= 2);
  if (!words.length) return [];
  const [first, last] = [words[0]!, words[words.length - 1]!];
  return [...new Set([first + '.' + last, first + last, first[0] + last, first + last[0], last + first, last + first[0], first, last])];
}

/**
 * A NAIC number (five digits) or an alien insurer's code ("AA-1122000"); OCR may misread the
 * code's second A, so in OCR text any capital there counts.
 */
export function naicCode(text: string, ocr: boolean): string | null {
  const t = text.replace(/\s/g, '').toUpperCase();
  if (/^\d{5}$/.test(t)) return t;
  // An italic 7 OCR read as 7 and a slash ("7/8751", "95/772"): the slash is the 7's own stroke.
  if (ocr && /^\d*(?:7\/|\/7)\d*$/.test(t) && t.length === 6) return t.replace('/', '');
  const alien = (ocr ? /^A[A-Z4]-?(\d{7})$/ : /^AA-?(\d{7})$/).exec(t);
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
 * Whether OCR may have swapped O and 0 (or I and 1) in an identifier: a number that mixes
 * letters and digits and holds one of those glyphs could be read either way.
 */
export function lookalikeDoubt(id: string): boolean {
  return /[A-Z]/i.test(id) && /\d/.test(id) && /[0OI1]/.test(id);
}

/** The most a value guessed from lookalike glyphs can be trusted: a person confirms it. */
export const guess = 0.6;

/** Letters OCR gives for a figure it could not make out: an open 0 read as U, a 6 as b. */
const figureOf: Record<string, string> = { O: '0', o: '0', Q: '0', D: '0', U: '0', I: '1', l: '1', '|': '1', Z: '2', z: '2', S: '5', s: '5', b: '6', G: '6', B: '8', g: '9', q: '9' };

/**
 * Glyphs OCR gives for a figure of a number (in capitals, as a number is read): those above, and
 * in italic print 9 as Y and 7 as a slash.
 */
const figureInNumber: Record<string, string> = { ...Object.fromEntries(Object.entries(figureOf).filter(([k]) => !/[a-z]/.test(k))), Y: '9', '/': '7' };

/**
 * A policy number OCR read with a glyph or two among a run of figures that look like figures
 * ("UF-Y42151-93", "TWJ146/140"), those glyphs taken as the figures; null when there is none to
 * take. A run is a part between hyphens or spaces, the first part after its leading letters
 * (TWJ); it needs five glyphs or more, a third of them at most in doubt and none two side by
 * side. A guess, for a person to confirm.
 */
export function figuresInNumber(id: string): string | null {
  const parts = id.split(/([-\s.]+)/);
  const out = parts.map((part, i) => {
    if (i % 2) return part;
    const [, letters, run] = /^([A-Z]*)(.*)$/.exec(part)!;
    const [head, body] = i === 0 && /\d/.test(run!) ? [letters!, run!] : ['', part];
    const odd = [...body].filter((c) => !/\d/.test(c));
    // Two such glyphs side by side are letters the number prints (R02SU82365).
    if (body.length < 5 || !odd.length || odd.length * 3 > body.length || odd.some((c) => !figureInNumber[c]) || /\D\D/.test(body)) return part;
    return head + [...body].map((c) => figureInNumber[c] ?? c).join('');
  });
  const joined = out.join('');
  return joined === id ? null : joined;
}

/**
 * A date or amount OCR read with letters among its figures ("Ub/13/2023", "¥50U,000"), the letters
 * taken as the figures they resemble; null unless the text is shaped as such a value, its figures
 * outnumbering its letters. A guess, only ever given for a person to confirm.
 */
export function figuresGuessed(text: string): string | null {
  const t = text.replace(/\s+/g, '').replace(/^[¥€£S$]+(?=[\dA-Za-z|]{1,3},)/, '$');
  const body = t.replace(/^\$/, '');
  const dateShape = /^[\dA-Za-z|]{2}\/[\dA-Za-z|]{2}\/[\dA-Za-z|]{4}$/.test(body);
  const amountShape = /^[\dA-Za-z|]{1,3}(?:,[\dA-Za-z|]{3})+$/.test(body);
  if (!dateShape && !amountShape) return null;
  const letters = [...body].filter((c) => /[A-Za-z|]/.test(c));
  if (!letters.length || letters.some((c) => !figureOf[c]) || letters.length * 2 >= body.replace(/[/,]/g, '').length) return null;
  return t.replace(/[A-Za-z|]/g, (c) => figureOf[c]!);
}

/** A scan's date that does not parse, guessed from figures read as letters or from lost slashes; a guess, for a person. */
export const guessedDate = (text: string): string | null => parseDate(figuresGuessed(text) ?? '') ?? dateWithoutSeparators(text);

/**
 * A date whose slashes OCR lost ("04072026", "08 07 2025"), read as MM/DD/YYYY from its figures
 * alone; null for any other text. A guess, only ever given for a person to confirm.
 */
export function dateWithoutSeparators(text: string): string | null {
  const m = /^(\d{2})\s?(\d{2})\s?(\d{4})$/.exec(text.trim());
  return m ? parseDate(`${m[1]}/${m[2]}/${m[3]}`) : null;
}

/** Edits between two texts' letters and digits (see similarity). */
const editsBetween = (a: string, b: string) => Math.round((1 - similarity(a, b)) * Math.max(a.length, b.length));

/**
 * Whether a text may be a misreading of a word: a glyph off a short word, two off a word of six
 * letters, three off one of nine.
 */
export function glyphsApart(word: string, misread: string): boolean {
  return editsBetween(word, misread) <= Math.max(1, Math.floor(word.length / 3));
}

/** Small words a person's name holds between its others (Ana de la Cruz, Vincent van Gogh). */
const particles = new Set(['de', 'da', 'das', 'del', 'della', 'di', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ten', 'ter', 'bin', 'ibn', 'al', 'y', 'e']);

/**
 * A person's name OCR read with a word's capital lost ("Marco reyes"): after a first word with its
 * capital, a word of small letters that is no particle gets its capital back. A guess.
 */
export function personCapitals(name: string): string {
  const words = name.split(' ');
  if (!/^[A-Z][a-z]/.test(words[0] ?? '')) return name;
  return words.map((w, i) => (i > 0 && /^[a-z]{3,}$/.test(w) && !particles.has(w) ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
}

/**
 * Whether a person's name, as OCR read it, is unlike one: a word with a small first letter that
 * no name holds ("Marco reyes", "om Kessler": a capital lost), or two capitals before small
 * letters ("Lee UKaror": a glyph misread as a capital). All capitals (LEE OKAFOR) is a name.
 */
export function unlikePersonName(name: string): boolean {
  return name.split(/\s+/).some((w) => (/^[a-z]/.test(w) && !particles.has(w)) || /^[A-Z]{2,}[a-z]/.test(w));
}

/**
 * Whether a contact's name and e-mail address disagree by one glyph, as one misread would make
 * them ("Priya Natarajan", "priva@..."): an address is mostly built from the name (priya@,
 * pnatarajan@, priya.natarajan@), so a near miss says one of the two was misread.
 */
export function nameAndAddressDisagree(name: string, email: string): boolean {
  const local = (email.split('@')[0] ?? '').toLowerCase().replace(/[^a-z]/g, '');
  const forms = new Set(addressForms(name).map((f) => f.replace('.', '')));
  if (!forms.size || local.length < 3) return false;
  if (forms.has(local)) return false;
  return [...forms].some((f) => f.length >= 3 && editsBetween(f, local) === 1);
}

/** Common nouns of remarks that a writer who writes the words around them small writes small too. */
const smallNouns = new Set(['Liability', 'Limit', 'Limits']);

/**
 * Prose OCR read with a small l as a capital L mid-sentence ("general Liability", an italic l's
 * tail taken for the L's foot), where the same text prints the word small elsewhere ("employers
 * liability"), or where a common noun of remarks stands between two small words ("on general
 * Liability per"): the word is made small. A word capitalised throughout is left as it is.
 */
export function smallLMidSentence(text: string): string {
  const words = text.split(' ');
  const small = new Set(words.map((w) => w.replace(/[^A-Za-z]/g, '')).filter((w) => /^l[a-z]+$/.test(w)));
  return words
    .map((w, i) => {
      const core = w.replace(/[^A-Za-z]/g, '');
      const [before, after] = [words[i - 1] ?? '', words[i + 1] ?? ''];
      if (!/^L[a-z]+$/.test(core) || !/[a-z]$/.test(before)) return w;
      return small.has('l' + core.slice(1)) || (smallNouns.has(core) && /^[a-z]+$/.test(before) && /^[a-z]/.test(after) && core === w) ? w.replace('L', 'l') : w;
    })
    .join(' ');
}
