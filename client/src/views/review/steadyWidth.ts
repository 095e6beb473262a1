import { useState } from 'react';

/**
 * The width to draw the page at: it follows the pane at once when it narrows, but grows only by
 * more than `slack` pixels. Drawing the page taller can bring up the pane's scrollbar, which
 * narrows the pane, which draws the page shorter, which takes the scrollbar away again; followed
 * to the pixel, that loop would restart the drawing forever.
 */
export function useSteadyWidth(width: number, slack = 24): number {
  const [steady, setSteady] = useState(width);
  const next = width < steady || width > steady + slack ? width : steady;
  if (next !== steady) setSteady(next);
  return next;
}
