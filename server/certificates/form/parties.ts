// The named parties: producer, insured and certificate holder blocks, read as free lines.
import { collapse, parseAddress, type Address } from '../values';
import type { FormLine } from './lines';

export interface PartyLines {
  name: string | null;
  address: Address | null;
  nameLines: FormLine[];
  addressLines: FormLine[];
}

const phoneLine = /^(?:P(?:H|hone)?\s*[:.]?\s*|Tel\.?\s*|F(?:ax|AX)?\s*[:.]?\s*)?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}(?:\s*(?:x|ext\.?)\s*\d+)?$/i;
const codeLine = /^[\d\s-]{4,}$/;
const streetStart = /^(?:\d|P\.?\s?O\.?\s?Box\b|Post Office\b|One\b|Two\b|Suite\b|Ste\b|Attn\b|c\/o\b)/i;
const companyEnd = /\b(?:Inc|LLC|L\.L\.C|Corp|Corporation|Company|Co|Ltd|LP|LLP|PLLC|PC|Group|Agency|Services|Partners|Associates|Brokerage|Insurance)\.?,?$/i;
const continuation = /^(?:DBA|d\/b\/a|dba|&|and\b|of\b|the\b(?=.*\b(?:Inc|LLC|Corp|Company)\b))/i;

/** Placeholder text agency templates leave in a party block. */
const placeholder = /^(?:(?:INSURED |HOLDER |COMPANY )?NAME|ADDRESS(?: LINE \d)?|STREET(?: ADDRESS)?|STATE,? CITY,? ZIP(?: CODE)?|CITY,? STATE,? ZIP(?: CODE)?|-+|\.+)$/i;

/** Lines of a block that carry neither the party nor its address (phone numbers, agency codes). */
function usefulLines(lines: FormLine[]): FormLine[] {
  return lines.filter((l) => {
    const t = collapse(l.text);
    return t && !phoneLine.test(t) && !codeLine.test(t) && !placeholder.test(t) && /[A-Za-z0-9]/.test(t);
  });
}

/**
 * A street line as OCR misreads it mended: "OR" at its end is the DR of Drive (no street suffix
 * reads OR), "5t" the St of Street, and a unit run into its number ("Unit4") is spaced.
 */
function streetMended(line: string): string {
  return line
    .replace(/\s(?:OR|0R|DA)$/, ' DR')
    .replace(/\s5([tT])$/, ' S$1')
    .replace(/\b(Unit|Suite|Ste|Apt|UNIT|SUITE|STE|APT)(\d)/, '$1 $2');
}

/**
 * Name first, then address: the lines before the street are the name when they continue it (a
 * company suffix, a DBA), else the first street-like or following line starts the address. On a
 * scan, a street line's misread suffix is mended (`streetMended`).
 */
export function readParty(lines: FormLine[], ocr = false): PartyLines {
  const useful = usefulLines(lines);
  if (useful.length === 0) return { name: null, address: null, nameLines: [], addressLines: [] };
  let split = 1;
  while (split < useful.length) {
    const t = collapse(useful[split]!.text);
    if (streetStart.test(t)) break;
    if (!(companyEnd.test(t) || continuation.test(t))) break;
    if (parseAddress([t])?.city) break;
    split++;
  }
  const nameLines = useful.slice(0, split);
  const addressLines = useful.slice(split);
  const name = collapse(nameLines.map((l) => l.text).join(' ')).replace(/,$/, '');
  const address = addressLines.length ? parseAddress(addressLines.map((l) => collapse(l.text))) : null;
  if (address && ocr) for (const key of ['line1', 'line2'] as const) address[key] = address[key] === null ? null : streetMended(address[key]);
  return { name: name || null, address, nameLines, addressLines };
}
