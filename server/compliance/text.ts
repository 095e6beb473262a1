// Text normalisation and forgiving matching for names and remarks. Certificates are typed
// by agency systems or read by OCR, so case, punctuation, "&" vs "and" and a stray
// character must not decide compliance on their own.

const legalSuffixes = new Set([
  'llc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'lp', 'llp', 'pllc', 'pc',
]);

/** Lower case, "&" → "and", punctuation → space, whitespace collapsed. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
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

function tokenMatches(token: string, candidates: readonly string[]): boolean {
  const allowed = token.length >= 5 ? 1 : 0;
  for (const c of candidates) {
    if (c === token) return true;
    if (allowed > 0 && editDistance(token, c, allowed) <= allowed) return true;
  }
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

export interface PreparedText {
  normalised: string;
  tokens: string[];
}

export function prepareText(text: string | null): PreparedText {
  const normalised = ` ${normaliseText(text ?? '')} `;
  return { normalised, tokens: normalised.split(' ').filter(Boolean) };
}

/** Whole phrase as a run of words, else every word of it somewhere (one typo allowed in longer words). */
export function containsPhrase(text: PreparedText, phrase: PreparedPhrase): boolean {
  if (phrase.tokens.length === 0) return true;
  if (text.normalised.includes(` ${phrase.normalised} `)) return true;
  return phrase.tokens.every((t) => tokenMatches(t, text.tokens));
}
