// Repair of OCR'd form labels. The layout reader finds sections and columns by their printed
// labels; one misread letter ("TYPE GF INSURANCE") would lose a whole grid. Words are snapped to
// the ACORD 25 label vocabulary when they are upper-case and nearly equal to a label word, so
// values (names, numbers, mixed-case text) are left as read.

const labelWords = `
  ACORD CERTIFICATE LIABILITY INSURANCE DATE THIS DOCUMENT PROVIDED INFORMATION HOLDER RIGHTS
  IMPORTANT ADDITIONAL INSURED POLICIES PROVISIONS ENDORSED ENDORSEMENT WAIVER SUBROGATION
  PRODUCER CONTACT NAME PHONE FAX E-MAIL EMAIL ADDRESS INSURER INSURERS AFFORDING COVERAGE NAIC
  COVERAGES NUMBER REVISION INSR LTR TYPE ADDL INSD SUBR WVD POLICY EFF EXP LIMITS
  COMMERCIAL GENERAL CLAIMS-MADE CLAIMS MADE OCCUR GEN'L AGGREGATE LIMIT APPLIES PER PRO-JECT
  PROJECT LOC OTHER EACH OCCURRENCE DAMAGE RENTED PREMISES MED PERSONAL ADV INJURY PRODUCTS
  COMP/OP AGG AUTOMOBILE ANY AUTO OWNED AUTOS ONLY SCHEDULED HIRED NON-OWNED COMBINED SINGLE
  BODILY PERSON ACCIDENT PROPERTY UMBRELLA LIAB EXCESS DED RETENTION WORKERS COMPENSATION
  EMPLOYERS' EMPLOYERS PROPRIETOR/PARTNER/EXECUTIVE OFFICER/MEMBER EXCLUDED MANDATORY
  STATUTE OTH-ER DISEASE EMPLOYEE DESCRIPTION OPERATIONS LOCATIONS VEHICLES REMARKS SCHEDULE
  CANCELLATION AUTHORIZED REPRESENTATIVE CORPORATION SHOULD ABOVE DESCRIBED CANCELLED BEFORE
  EXPIRATION THEREOF NOTICE DELIVERED ACCORDANCE OF OR THE AND NOT
`.split(/\s+/).filter(Boolean);

const byLength = new Map<number, string[]>();
for (const w of labelWords) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);

// Glyph pairs Tesseract swaps in small print; swapping them costs half an edit.
const confusable = new Set(['O0', 'OQ', 'OD', 'OC', 'OG', 'I1', 'IL', 'I|', 'L1', 'S5', 'B8', 'Z2', 'EF', 'CG', 'UV', 'VW', 'MN', 'RK']);

function substitution(a: string, b: string): number {
  if (a === b) return 0;
  return confusable.has(a + b) || confusable.has(b + a) ? 0.5 : 1;
}

/** Edit distance with cheap confusable substitutions, stopping early past `limit`. */
export function ocrDistance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + substitution(a[i - 1]!, b[j - 1]!));
      row.push(cost);
      best = Math.min(best, cost);
    }
    if (best > limit) return best;
    prev = row;
  }
  return prev[b.length]!;
}

/** How far a word may be from a label word: short words only by a confusable glyph. */
function allowance(length: number): number {
  if (length <= 3) return 0.5;
  if (length <= 6) return 1;
  return 2;
}

/** The label word an OCR'd word most likely is, or null when none is close enough or it is a tie. */
export function nearestLabelWord(word: string): string | null {
  const allowed = allowance(word.length);
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (let len = word.length - Math.floor(allowed); len <= word.length + Math.floor(allowed); len++) {
    for (const candidate of byLength.get(len) ?? []) {
      const d = ocrDistance(word, candidate, allowed);
      if (d < bestDistance) [best, bestDistance, tie] = [candidate, d, false];
      else if (d === bestDistance && candidate !== best) tie = true;
    }
  }
  return best !== null && bestDistance <= allowed && !tie ? best : null;
}

/** An OCR'd word with its label spelling restored, keeping any surrounding punctuation. */
export function repairLabel(text: string): string {
  const m = /^([^A-Za-z0-9]*)(.*?)([^A-Za-z0-9]*)$/.exec(text);
  if (!m) return text;
  const [, lead = '', core = '', trail = ''] = m;
  // Only upper-case words: labels are printed in capitals, values mostly are not, and a digit
  // inside a word is as likely a policy number as a misread letter.
  if (core.length < 2 || core !== core.toUpperCase() || !/[A-Z]/.test(core)) return text;
  if (byLength.get(core.length)?.includes(core)) return text;
  const fixed = nearestLabelWord(core);
  return fixed ? lead + fixed + trail : text;
}
