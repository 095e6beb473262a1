// Producer, insured and certificate holder printed as free lines inside their blocks, as agency
// systems print them (the fillable form has a box per address part instead).
import type { Truth } from './facts';
import type { Box } from './form';
import { write, type Pen } from './place';

type Party = Truth['insured'];

/** Each block's area on the measured grid and where its first line may start. */
const blocks: Record<'producer' | 'insured' | 'holder', { area: Box; firstTop: number[] }> = {
  producer: { area: [18, 612, 306, 672], firstTop: [661, 659] },
  insured: { area: [18, 552, 306, 612], firstTop: [601, 599] },
  holder: { area: [18, 48, 306, 132], firstTop: [124, 112, 102] },
};

export function partyLines(p: Party, comma: boolean): string[] {
  const a = p.address;
  const lines = [p.name ?? ''];
  if (!a) return lines;
  if (a.line1) lines.push(a.line1);
  if (a.line2) lines.push(a.line2);
  const place = [a.city ? `${a.city}${comma ? ',' : ''}` : null, a.state, a.postalCode].filter(Boolean).join(' ');
  if (place) lines.push(place);
  return lines;
}

function drawBlock(pen: Pen, block: keyof typeof blocks, p: Party, pick: number): void {
  const { area, firstTop } = blocks[block];
  const look = pen.look;
  const size = look.values.size;
  const lines = partyLines(p, look.parties.comma);
  const lead = Math.min(size + 2, (area[3] - area[1] - 4) / Math.max(4, lines.length));
  const top = firstTop[pick % firstTop.length]!;
  const x0 = area[0] + 4 + look.parties.indent;
  lines.forEach((line, i) => {
    const baseline = top - size * 0.8 - i * lead + look.values.dy;
    write({ ...pen, look: { ...look, values: { ...look.values, dx: 0 } } }, line, [x0, baseline - 2, area[2] - 2, baseline + size], 'left', baseline);
  });
}

export function drawParties(pen: Pen, t: Truth, pick: number): void {
  drawBlock(pen, 'producer', t.producer, pick);
  drawBlock(pen, 'insured', t.insured, pick);
  drawBlock(pen, 'holder', t.certificateHolder, pick);
}
