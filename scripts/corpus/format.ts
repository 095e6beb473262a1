import type { Look } from './look';

/** MM/DD/YYYY, or M/D/YYYY as some agency systems print despite the label. */
export function formatDate(iso: string | null | undefined, look: Pick<Look, 'unpaddedDates'>): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-');
  return look.unpaddedDates ? `${Number(m)}/${Number(d)}/${y}` : `${m}/${d}/${y}`;
}

export function formatAmount(amount: number, commas: boolean): string {
  return commas ? amount.toLocaleString('en-US') : String(amount);
}

export function formatPhone(digits: string | null | undefined, style: number): string | null {
  if (!digits) return null;
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  return [`(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `${a}.${b}.${c}`, `(${a})${b}-${c}`][style % 4]!;
}

/** ADDL INSD / SUBR WVD: a mark when true; blank, or N where the system prints both answers. */
export function formatFlag(value: boolean | null | undefined, style: Look['flags']): string | null {
  if (value) return style === 'X' ? 'X' : 'Y';
  return style === 'YN' ? 'N' : null;
}

/** Words wrapped greedily to a width, as measured by `widthOf`. */
export function wrapText(text: string, widthOf: (s: string) => number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (current && widthOf(next) > width) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}
