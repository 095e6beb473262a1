// Text normalisation and forgiving matching for names and remarks. Certificates are typed
// by agency systems or read by OCR, so case, punctuation, "&" vs "and" and a stray
// character must not decide compliance on their own.

const legalSuffixes = new Set([
  'llc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'lp', 'llp', 'pllc', 'pc',
]);

/** Lower case, "&" → "and", apostrophes dropped, other punctuation → space, whitespace collapsed. */
export function normaliseText(text: string): string {
  // One pass over the characters: this runs on every certificate's remarks.
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lowered = code >= 65 && code <= 90 ? code + 32 : code;
    if ((lowered >= 97 && lowered <= 122) || (lowered >= 48 && lowered <= 57)) {
      if (pendingSpace && out.length > 0) out += ' ';
      pendingSpace = false;
      out += String.fromCharCode(lowered);
    } else if (code === 38) {
      out += out.length > 0 ? ' and' : 'and';
      pendingSpace = true;
    } else if (code !== 39 && code !== 0x2019 && code !== 96) {
      pendingSpace = true;
    }
  }
  return out;
}

/** Company-name form: also drops legal suffixes, a leading "the" and "c/o". */
export function normaliseName(name: string): string {
  // "L.L.C." and "P.C." must collapse to "llc" and "pc" before punctuation becomes spaces.
  const initials = name.replace(/\b([A-Za-z])\.\s?(?=[A-Za-z]\b)/g, '$1');
  const tokens = normaliseText(initials.replace(/\bc\/o\b/gi, ' ')).split(' ');
  while (tokens.length > 1 && legalSuffixes.has(tokens[tokens.length - 1] ?? '')) tokens.pop();
  if (tokens[0] === 'the' && tokens.length > 1) tokens.shift();
  return tokens.join(' ');
}

/** Levenshtein distance capped at max+1, enough to tell "one typo" from "different word". */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Distance ≤ 1 without building a table: the hot path of fuzzy phrase matching. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la || i === lb) return true;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function tokenMatches(token: string, candidates: readonly string[], exact?: ReadonlySet<string>): boolean {
  if (exact ? exact.has(token) : candidates.includes(token)) return true;
  if (token.length < 5) return false;
  for (const c of candidates) if (withinOneEdit(token, c)) return true;
  return false;
}

/** Share of tokens (by count, both sides) that match the other side, 0–1. */
export function nameSimilarity(a: string, b: string): number {
  const ta = a.split(' ').filter(Boolean);
  const tb = b.split(' ').filter(Boolean);
  if (ta.length === 0 || tb.length === 0) return 0;
  const hitsA = ta.filter((t) => tokenMatches(t, tb)).length;
  const hitsB = tb.filter((t) => tokenMatches(t, ta)).length;
  return (hitsA + hitsB) / (ta.length + tb.length);
}

export interface PreparedPhrase {
  original: string;
  normalised: string;
  tokens: string[];
}

export function preparePhrase(phrase: string): PreparedPhrase {
  const normalised = normaliseText(phrase);
  return { original: phrase, normalised, tokens: normalised.split(' ').filter(Boolean) };
}

export class PreparedText {
  /** Padded with spaces so whole-word runs can be found with includes(). */
  readonly normalised: string;
  private tokenList: string[] | null = null;
  private tokenSetValue: Set<string> | null = null;

  constructor(text: string | null) {
    this.normalised = ` ${normaliseText(text ?? '')} `;
  }

  get tokens(): string[] {
    this.tokenList ??= this.normalised.split(' ').filter(Boolean);
    return this.tokenList;
  }

  get tokenSet(): ReadonlySet<string> {
    this.tokenSetValue ??= new Set(this.tokens);
    return this.tokenSetValue;
  }
}

export function prepareText(text: string | null): PreparedText {
  return new PreparedText(text);
}

/** Whole phrase as a run of words, else every word of it somewhere (one typo allowed in longer words). */
export function containsPhrase(text: PreparedText, phrase: PreparedPhrase): boolean {
  if (phrase.tokens.length === 0) return true;
  if (text.normalised.includes(` ${phrase.normalised} `)) return true;
  return phrase.tokens.every((t) => tokenMatches(t, text.tokens, text.tokenSet));
}
