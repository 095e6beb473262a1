// AM Best financial strength ratings (FSR) and financial size classes (FSC).
// Requirement floors read like "A- VII"; a carrier meets one only when both its
// letter and its size class are at or above the floor.

/** Best first. E (supervision), F (liquidation) and S (suspended) sit below every letter grade. */
const ratingOrder = ['A++', 'A+', 'A', 'A-', 'B++', 'B+', 'B', 'B-', 'C++', 'C+', 'C', 'C-', 'D', 'E', 'F', 'S'] as const;
export type FinancialStrength = (typeof ratingOrder)[number];

const rankOf = new Map<string, number>(ratingOrder.map((r, i) => [r, ratingOrder.length - i]));

const romanValues = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const romanToClass = new Map<string, number>(romanValues.map((r, i) => [r, i + 1]));

export type ParsedRating = { rated: true; rating: FinancialStrength; rank: number } | { rated: false };

const ratingPattern = /^([A-FS])(\+\+|\+|-)?(?:\s*\(?\s*(?:u|pd|s)\s*\)?)?$/i;
const notRatedPattern = /^NR(?:\s*-?\s*[1-5])?$/i;

/**
 * "A-", "A- u", "A (pd)", "B++" → rated; "NR", "NR-5" → not rated; anything else → null.
 * Modifiers (u, pd, s) don't change the order, so they are dropped.
 */
export function parseRating(text: string): ParsedRating | null {
  const s = text.trim();
  if (notRatedPattern.test(s)) return { rated: false };
  const m = ratingPattern.exec(s);
  if (!m) return null;
  const rating = `${(m[1] ?? '').toUpperCase()}${m[2] ?? ''}`;
  const rank = rankOf.get(rating);
  return rank === undefined ? null : { rated: true, rating: rating as FinancialStrength, rank };
}

/** "VII", "vii", "Class VII", "FSC 7" or "7" → 7; outside I–XV → null. */
export function parseSizeClass(text: string): number | null {
  const s = text
    .trim()
    .toUpperCase()
    .replace(/^(?:CLASS|FSC)\s*/, '');
  const roman = romanToClass.get(s);
  if (roman !== undefined) return roman;
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 15 ? n : null;
}

export function sizeClassName(sizeClass: number): string {
  return romanValues[sizeClass - 1] ?? String(sizeClass);
}

export interface AmBest {
  rating: ParsedRating;
  sizeClass: number | null;
}

/** "A- VII", "A-/VII", "A- u, VIII" → rating + class. A floor must have both parts. */
export function parseAmBest(text: string): AmBest | null {
  const m = /^(.*?)[\s,/]+((?:class\s*|fsc\s*)?[ivxlIVXL]+|\d{1,2})$/i.exec(text.trim());
  if (!m) return null;
  const rating = parseRating(m[1] ?? '');
  const sizeClass = parseSizeClass(m[2] ?? '');
  if (!rating || !rating.rated || sizeClass === null) return null;
  return { rating, sizeClass };
}

export function formatAmBest(value: AmBest): string {
  if (!value.rating.rated) return 'NR';
  return value.sizeClass === null ? value.rating.rating : `${value.rating.rating} ${sizeClassName(value.sizeClass)}`;
}

/** True only for a rated carrier whose letter and size class both reach the floor. */
export function meetsMinimum(actual: AmBest, minimum: AmBest): boolean {
  if (!actual.rating.rated || !minimum.rating.rated) return false;
  if (actual.sizeClass === null || minimum.sizeClass === null) return false;
  return actual.rating.rank >= minimum.rating.rank && actual.sizeClass >= minimum.sizeClass;
}
