import type { Style } from './style';

export function formatDate(iso: string | null, style: Style): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-');
  if (style.noise.unpaddedDates) return `${Number(m)}/${Number(d)}/${y}`;
  return `${m}/${d}/${y}`;
}

/** An amount as the limits column prints it, without any preprinted "$". */
export function formatAmount(amount: number | null | undefined, style: Style, salt: number): string | null {
  if (amount === null || amount === undefined) return null;
  if (style.noise.shortMillions && amount >= 1_000_000 && amount % 1_000_000 === 0) {
    const forms = [`${amount / 1_000_000}M`, `${amount / 1_000_000}MM`, `${(amount / 1000).toLocaleString('en-US')}K`];
    return forms[salt % forms.length]!;
  }
  return style.noise.noCommas ? String(amount) : amount.toLocaleString('en-US');
}

/** The amount with the "$" the way this layout prints it. */
export function printedAmount(amount: number | null | undefined, style: Style, salt: number): string | null {
  const text = formatAmount(amount, style, salt);
  if (text === null) return null;
  if (style.dollar === 'inline') return `$${text}`;
  if (style.dollar === 'spaced') return `$   ${text}`;
  return text;
}

export function phone(digits: string | null | undefined): string | null {
  if (!digits) return null;
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}
