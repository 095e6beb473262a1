// Plane-to-plane maps (3 x 3, row-major), for a page photographed at an angle or scanned a little
// askew: the blank form's plane onto the page's. Fitted by least squares to matched labels.

export type Homography = [number, number, number, number, number, number, number, number, number];

export function project(h: Homography, x: number, y: number): [number, number] {
  const w = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}

export function invert(h: Homography): Homography | null {
  const [a, b, c, d, e, f, g, i, j] = h;
  const A = e * j - f * i;
  const B = -(d * j - f * g);
  const C = d * i - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) return null;
  const inv: Homography = [A, -(b * j - c * i), b * f - c * e, B, a * j - c * g, -(a * f - c * d), C, -(a * i - b * g), a * e - b * d];
  return inv.map((v) => v / det) as Homography;
}

export function multiply(p: Homography, q: Homography): Homography {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c]! += p[r * 3 + k]! * q[k * 3 + c]!;
  return out as Homography;
}

/** Centres the points and scales them to a mean distance of about 1, for a well-conditioned fit. */
function normaliser(points: [number, number][]): Homography {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const spread = points.reduce((s, p) => s + Math.hypot(p[0] - mx, p[1] - my), 0) / n || 1;
  const k = Math.SQRT2 / spread;
  return [k, 0, -k * mx, 0, k, -k * my, 0, 0, 1];
}

/** Solves a square linear system by Gaussian elimination with partial pivoting. */
function solve(m: number[][], v: number[]): number[] | null {
  const n = v.length;
  const a = m.map((row, i) => [...row, v[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/** The map taking each `from` point to its `to` point as nearly as one plane map can. */
export function fitHomography(from: [number, number][], to: [number, number][]): Homography | null {
  if (from.length < 6) return null;
  const tf = normaliser(from);
  const tt = normaliser(to);
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  from.forEach((p, i) => {
    const [x, y] = project(tf, p[0], p[1]);
    const [u, v] = project(tt, to[i]![0], to[i]![1]);
    for (const [row, rhs] of [
      [[x, y, 1, 0, 0, 0, -u * x, -u * y], u],
      [[0, 0, 0, x, y, 1, -v * x, -v * y], v],
    ] as [number[], number][]) {
      for (let r = 0; r < 8; r++) {
        atb[r]! += row[r]! * rhs;
        for (let c = 0; c < 8; c++) ata[r]![c]! += row[r]! * row[c]!;
      }
    }
  });
  const h = solve(ata, atb);
  const back = invert(tt);
  if (!h || !back) return null;
  const result = multiply(back, multiply([...h, 1] as Homography, tf));
  return result.map((v) => v / result[8]) as Homography;
}
