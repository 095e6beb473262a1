// Following the page locally, where the plain fit leaves something over: labels near a point pull
// it along with them, and blocks the filler moved carry their band of the page with them.
import type { Box } from '../words';
import type { Fit } from './fit';

/** A label this wide heads a box that spans the page (form points); narrower ones head a column. */
const heading = 200;
const headingWidth = (b: Box) => (b[2] - b[0] >= heading ? b[2] - b[0] : 0);

/** Reach of a label's pull, in form points; rows are 12 points apart. */
const reach = 18;

/**
 * What the labels near a point say the plain fit leaves over there. The point is on the form
 * (`form`), or a page point as the plain fit places it (`placed`); a block the filler moved is
 * far from the form's place, so its band is found by where the page has it.
 */
export function drift(fit: Fit, fx: number, fy: number, from: 'form' | 'placed' = 'form'): [number, number] {
  const band = fit.bands.find((b) => {
    const y = from === 'form' ? fy - b.dy : fy;
    return y <= b.top && y > b.bottom;
  });
  if (band) return [band.dx, band.dy];
  let wx = 0.05;
  let sx = 0;
  let sy = 0;
  for (const p of fit.pins) {
    if (p.moved) continue;
    // A heading that spans its box (the remarks heading, across the page) pulls along its whole
    // width; a column's label pulls from its start. Distances across are longer than along a row:
    // columns are wide, rows narrow.
    const width = headingWidth(p.anchor.label.box);
    const across = fx < p.fx ? p.fx - fx : fx > p.fx + width ? fx - p.fx - width : 0;
    const d2 = (across / 3) ** 2 + (p.fy - fy) ** 2;
    if (d2 > 9 * reach * reach) continue;
    const w = Math.exp(-d2 / (reach * reach));
    wx += w;
    sx += w * p.dx;
    sy += w * p.dy;
  }
  return [sx / wx, sy / wx];
}

/**
 * How well the page is placed around a form point (1 = surely, 0 = not at all): labels must be
 * found near it, and they must agree with the plain fit. Where the page departs from the form
 * (a filler that redrew it in other proportions) values may have slid into a neighbouring cell.
 */
export function support(fit: Fit, fx: number, fy: number): number {
  let weight = 0;
  let spread = 0;
  for (const p of fit.pins) {
    const d2 = ((p.fx - fx) / 3) ** 2 + (p.fy - fy) ** 2;
    const w = Math.exp(-d2 / (4 * reach * reach));
    weight += w;
    spread += w * (p.dy ** 2 + (p.dx / 2) ** 2);
  }
  if (weight === 0) return 0;
  const departure = Math.sqrt(spread / weight);
  const steady = departure <= 2 ? 1 : Math.max(0, 1 - (departure - 2) / 6);
  return Math.min(1, weight) * steady;
}
