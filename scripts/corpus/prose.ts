// The form's printed sentences, in our own words: the official wording is licensed. They keep the
// words a reader can trip on (PRODUCER, INSURED, ADDITIONAL INSURED, SUBROGATION, CERTIFICATE
// HOLDER) where the real sentences have them, and the IMPORTANT note keeps the phrase that tells
// the 2016/03 edition from the older ones.
import type { Edition, ProseGroup, ProseLine } from './form';

const texts: Record<ProseGroup, string> = {
  notice:
    'THE INFORMATION ON THIS PAGE IS GIVEN FOR REFERENCE ONLY, AND IT GRANTS NO RIGHTS TO THE CERTIFICATE HOLDER. NOTHING HERE CHANGES, ADDS TO OR TAKES AWAY FROM THE COVERAGE THAT THE POLICIES BELOW PROVIDE. HANDING OVER THIS PAGE FORMS NO CONTRACT BETWEEN THE INSURERS THAT WROTE THOSE POLICIES, THE PRODUCER OR OTHER AGENT WHO SIGNED IT, AND THE CERTIFICATE HOLDER.',
  important:
    'Where the certificate holder is to be an ADDITIONAL INSURED, the policy or policies must have ADDITIONAL INSURED provisions or be endorsed. Where SUBROGATION IS WAIVED, each policy still applies its own terms and may need an endorsement for it. This page takes the place of no such endorsement and gives the holder none of its rights.',
  statement:
    'EACH POLICY IN THE TABLE BELOW WAS WRITTEN FOR THE INSURED SHOWN ABOVE AND RUNS FOR THE DATES GIVEN IN ITS ROW. WHATEVER A CONTRACT OR OTHER PAPER SAYS ABOUT THAT INSURANCE, WHAT THESE POLICIES COVER IS SET ONLY BY THEIR OWN TERMS, EXCLUSIONS AND CONDITIONS, AND THIS PAGE MAY BE ISSUED OR RELIED ON ONLY SUBJECT TO THEM. A LIMIT SHOWN IS THE ONE WRITTEN INTO THE POLICY AND MAY SINCE HAVE BEEN LOWERED BY CLAIMS ALREADY PAID.',
  cancellation:
    'IF ANY POLICY DESCRIBED ABOVE ENDS BY CANCELLATION BEFORE ITS EXPIRATION DATE, NOTICE OF THAT WILL BE GIVEN AS THE TERMS OF THE POLICY REQUIRE.',
  trademark: 'The name ACORD and its logo are marks registered by ACORD',
};

// Editions before 2016/03 asked only for an endorsement.
const importantBefore2016 =
  'Where the certificate holder is to be an ADDITIONAL INSURED, the policy or policies must be endorsed. Where SUBROGATION IS WAIVED, each policy still applies its own terms and may need an endorsement for it. This page takes the place of no such endorsement and gives the holder none of its rights.';

export const proseBold: Record<ProseGroup, boolean> = { notice: true, important: true, statement: false, cancellation: true, trademark: true };

export function proseText(group: ProseGroup, edition: Edition): string {
  return group === 'important' && edition !== '2016/03' ? importantBefore2016 : texts[group];
}

export interface PlacedWord {
  text: string;
  x: number;
  baseline: number;
  size: number;
}

/**
 * Lays a group's words over its measured lines, justified like the blank (except its last line)
 * or ragged. The size shrinks a little if a font runs wider than the blank's.
 */
export function layProse(lines: ProseLine[], text: string, widthOf: (s: string, size: number) => number, justify: boolean): PlacedWord[] {
  for (let shrink = 1; shrink > 0.8; shrink -= 0.02) {
    const placed = tryLay(lines, text.split(' '), widthOf, justify, shrink);
    if (placed) return placed;
  }
  throw new Error(`prose does not fit its ${lines.length} lines: ${text.slice(0, 40)}...`);
}

function tryLay(lines: ProseLine[], words: string[], widthOf: (s: string, size: number) => number, justify: boolean, shrink: number): PlacedWord[] | null {
  const out: PlacedWord[] = [];
  let next = 0;
  for (const [index, line] of lines.entries()) {
    const size = line.size * shrink;
    const width = line.box[2] - line.box[0];
    const space = widthOf(' ', size);
    const taken: string[] = [];
    let used = 0;
    while (next < words.length) {
      const w = widthOf(words[next]!, size);
      if (taken.length && used + space + w > width) break;
      used += (taken.length ? space : 0) + w;
      taken.push(words[next++]!);
    }
    const last = next >= words.length || index === lines.length - 1;
    const gap = justify && !last && taken.length > 1 ? space + (width - used) / (taken.length - 1) : space;
    const baseline = line.box[1] + 0.2 * line.size;
    // A justified line is set word by word, as the blank sets it; a ragged one as one run.
    if (gap === space) {
      if (taken.length) out.push({ text: taken.join(' '), x: line.box[0], baseline, size });
      continue;
    }
    let x = line.box[0];
    for (const word of taken) {
      out.push({ text: word, x, baseline, size });
      x += widthOf(word, size) + gap;
    }
  }
  return next >= words.length ? out : null;
}
