import type { Rng } from './rng';

export type FontName = 'Helvetica' | 'Times' | 'Courier';
export type CheckStyle = 'X' | 'cross' | 'tick' | 'vector' | 'filled';

/** Layout and rendering choices for one generated certificate. */
export interface Style {
  margin: number;
  top: number;
  labelFont: FontName;
  valueFont: FontName;
  labelSize: number;
  valueSize: number;
  lineHeight: number;
  cols: { ltr: number; type: number; addl: number; subr: number; number: number; eff: number; exp: number };
  limitLabelShare: number;
  middleValues: boolean;
  dollar: 'inline' | 'preprinted' | 'spaced' | 'none';
  check: CheckStyle;
  edition: '2016/03' | '2014/01';
  agencyFooter: boolean;
  noise: {
    unpaddedDates: boolean;
    noCommas: boolean;
    shortMillions: boolean;
    displacedValue: boolean;
  };
}

export interface StyleOptions {
  edition?: Style['edition'];
  noisy?: boolean;
  /** A layout family the fixed corpus never uses, for the benchmark. */
  heldOut?: boolean;
}

export function randomStyle(rng: Rng, options: StyleOptions = {}): Style {
  const held = options.heldOut ?? false;
  const noisy = options.noisy ?? false;
  const fonts: FontName[] = ['Helvetica', 'Times', 'Courier'];
  return {
    margin: held ? rng.range(16, 22) : rng.range(26, 40),
    top: held ? rng.range(14, 22) : rng.range(24, 40),
    labelFont: held ? 'Times' : rng.pick(['Helvetica', 'Helvetica', 'Times'] as const),
    valueFont: rng.pick(fonts),
    labelSize: held ? rng.range(6.6, 7) : rng.range(5.4, 6.4),
    valueSize: held ? rng.range(8.6, 9.2) : rng.range(7, 8.4),
    lineHeight: held ? rng.range(11.5, 12.5) : rng.range(9.5, 11),
    cols: {
      ltr: held ? rng.range(14, 16) : rng.range(17, 24),
      type: held ? rng.range(178, 190) : rng.range(150, 172),
      addl: rng.range(20, 26),
      subr: rng.range(20, 26),
      number: held ? rng.range(82, 90) : rng.range(92, 112),
      eff: rng.range(50, 58),
      exp: rng.range(50, 58),
    },
    limitLabelShare: held ? rng.range(0.62, 0.66) : rng.range(0.5, 0.58),
    middleValues: held ? true : rng.chance(0.4),
    dollar: held ? 'none' : rng.pick(['inline', 'preprinted', 'spaced'] as const),
    check: rng.pick(['X', 'cross', 'tick', 'vector', 'filled'] as const),
    edition: options.edition ?? '2016/03',
    agencyFooter: held || rng.chance(0.3),
    noise: {
      unpaddedDates: noisy && rng.chance(0.7),
      noCommas: noisy && rng.chance(0.5),
      shortMillions: noisy && rng.chance(0.5),
      displacedValue: noisy,
    },
  };
}
