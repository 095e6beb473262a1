// Remarks read by OCR, mended word by word. The remarks of a certificate are written in the
// trade's few words (additional insured, waiver of subrogation, primary and non-contributory,
// where required by written contract); a small word OCR misread in italic print ("msureds",
// "wnitten", "apples") is a glyph or two from one of them. Names in the remarks (projects,
// streets, firms) are written with a capital and are left as read.
import { glyphsApart } from './values';

const words = new Set(
  `additional insured insureds included includes include respect regard general liability
  automobile auto autos umbrella excess workers compensation employers required requires written
  contract contracts agreement agreements waiver subrogation applies apply applicable favor primary
  non-contributory noncontributory contributory coverage coverages policy policies endorsement
  endorsements form forms ongoing completed operations products project projects owner owners
  contractor contractors subcontractor subcontractors certificate holder holders where when with
  follows following over under including notice cancellation days except nonpayment premium
  location locations work performed named blanket basis status extends extended provided subject
  terms conditions exclusions limits limit aggregate each occurrence claim claims scheduled
  vehicles hired owned non-owned lessor landlord lender mortgagee loss payee employees officers
  directors members managers agents affiliates subsidiaries partners their its there those these
  such only also other others against insurance insurer insurers property damage bodily injury
  personal advertising medical expense rented premises usual operation services builders risk
  inland marine pollution professional errors omissions cargo equipment installation statutory`.split(/\s+/),
);

/**
 * English words a glyph or two from a remarks word that remarks also print: read as they are, not
 * mended ("issued" is no misread "insured").
 */
const known = new Set(
  `issued issue issues schedule schedules applied provides provide were here less ways firm firms
  ever even works worker police lease leased leases insures insure assured ensure ensured owns
  contracted contracting covered covering coverages limited limiting holds hold holding
  sole said paid duty duties liable lien liens party parties perform performing`.split(/\s+/),
);

/** The one remarks word a small word is a misreading of, or null (none, or more than one). */
function mendedWord(word: string): string | null {
  if (word.length < 4 || words.has(word) || known.has(word)) return null;
  const found = [...words].filter((w) => glyphsApart(w, word));
  return found.length === 1 ? found[0]! : null;
}

/**
 * Remarks OCR read, each small word the engine doubted (in `doubted`) that is no remarks word but
 * a glyph or two from exactly one taken as that one ("msureds" insureds). A word the engine was
 * sure of may be an English word the list lacks ("applied"); words with a capital or a figure are
 * names and numbers. Returns the text and whether a word was mended (a guess, for a person to confirm).
 */
export function mendRemarks(text: string, doubted: Set<string>): { text: string; mended: boolean } {
  let mended = false;
  const out = text.replace(/(?<![\w'-])[a-z]+(?![\w'-])/g, (word) => {
    const fixed = doubted.has(word) ? mendedWord(word) : null;
    if (fixed === null) return word;
    mended = true;
    return fixed;
  });
  return { text: out, mended };
}
