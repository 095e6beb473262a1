// Carrying an older edition's form onto the 2016/03 form the reader reads. The older form is cut
// into zones (its producer block, its insurer rows, each coverage section); each zone maps its
// columns and its rows, piece by piece, to where the same parts stand on the 2016/03 form. Parts
// the 2016/03 form does not have (a GARAGE LIABILITY section, the notice) map to nothing.
import type { Box } from '../words';

/** A column of a zone: [from x0, from x1, to x0, to x1], "loose" when its marks stand elsewhere. */
export type ColumnMap = [number, number, number, number] | [number, number, number, number, 'loose'];

export interface Zone {
  name: string;
  from: Box;
  /** No value stands here (prose, a section the 2016/03 form lacks). */
  blank?: boolean;
  /** Said when something other than the form's print stands in a blank zone. */
  doubt?: string;
  xs?: ColumnMap[];
  /** Heights, bottom up: [older form y, 2016/03 y], joined by straight pieces. */
  ys?: [number, number][];
}

export interface Warped {
  x: number;
  y: number;
  /** The point's column says where marks are only roughly. */
  loose: boolean;
}

const within = (b: Box, x: number, y: number) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

function piecewise(points: [number, number][], v: number, from: 0 | 1): number {
  const to = from === 0 ? 1 : 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (v <= b[from] || i === points.length - 1) return a[to] + ((v - a[from]) * (b[to] - a[to])) / (b[from] - a[from]);
  }
  return v;
}

const along = (c: ColumnMap, v: number, from: 0 | 1) =>
  from === 0 ? c[2] + ((v - c[0]) * (c[3] - c[2])) / (c[1] - c[0]) : c[0] + ((v - c[2]) * (c[1] - c[0])) / (c[3] - c[2]);

export function zoneAt(zones: Zone[], x: number, y: number): Zone | null {
  return zones.find((z) => within(z.from, x, y)) ?? null;
}

/** An older form point on the 2016/03 form; null where the 2016/03 form holds nothing of it. */
export function warpPoint(zones: Zone[], x: number, y: number, zone = zoneAt(zones, x, y)): Warped | null {
  if (!zone || zone.blank || !zone.xs || !zone.ys) return null;
  const column = zone.xs.find((c) => x >= c[0] && x <= c[1]);
  if (!column) return null;
  return { x: along(column, x, 0), y: piecewise(zone.ys, y, 0), loose: column[4] === 'loose' };
}

/** A box carried whole by the zone and column of its centre, so a word stays one piece. */
export function warpBox(zones: Zone[], b: Box): (Warped & { box: Box }) | null {
  const cx = (b[0] + b[2]) / 2;
  const cy = (b[1] + b[3]) / 2;
  const zone = zoneAt(zones, cx, cy);
  const centre = warpPoint(zones, cx, cy, zone);
  if (!centre || !zone?.xs || !zone.ys) return null;
  const column = zone.xs.find((c) => cx >= c[0] && cx <= c[1])!;
  const x0 = along(column, b[0], 0);
  const x1 = along(column, b[2], 0);
  const y0 = piecewise(zone.ys, b[1], 0);
  const y1 = piecewise(zone.ys, b[3], 0);
  return { ...centre, box: [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)] };
}

/** Where a 2016/03 form point stands on the older form; null where the older form has no such part. */
export function unwarpPoint(zones: Zone[], x: number, y: number): Warped | null {
  for (const z of zones) {
    if (z.blank || !z.xs || !z.ys) continue;
    const column = z.xs.find((c) => x >= c[2] && x <= c[3]);
    if (!column) continue;
    const fy = piecewise(z.ys, y, 1);
    const fx = along(column, x, 1);
    if (within(z.from, fx, fy)) return { x: fx, y: fy, loose: column[4] === 'loose' };
  }
  return null;
}

/** A 2016/03 form box on the older form, carried by its centre's zone and column. */
export function unwarpBox(zones: Zone[], b: Box): (Warped & { box: Box }) | null {
  const centre = unwarpPoint(zones, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
  if (!centre) return null;
  const zone = zoneAt(zones, centre.x, centre.y)!;
  const column = zone.xs!.find((c) => centre.x >= c[0] && centre.x <= c[1])!;
  const x0 = along(column, b[0], 1);
  const x1 = along(column, b[2], 1);
  const y0 = piecewise(zone.ys!, b[1], 1);
  const y1 = piecewise(zone.ys!, b[3], 1);
  return { ...centre, box: [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)] };
}
