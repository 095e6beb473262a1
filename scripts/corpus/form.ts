// The official ACORD 25 geometry, as measured from a blank fillable form (scripts/form/measure.ts),
// turned into what the drawer needs for one edition. Only layout facts live here; the form's
// prose is replaced by our own words (prose.ts).
import measured from '../../server/certificates/form/acord25-2016.json';

/** [x0, y0, x1, y1] in PDF points, origin bottom-left. */
export type Box = [number, number, number, number];
export type Edition = '2016/03' | '2014/01' | '2010/05';
export const editions: Edition[] = ['2016/03', '2014/01', '2010/05'];

export interface Label {
  text: string;
  box: Box;
  size: number;
  bold: boolean;
}

export type ProseGroup = 'notice' | 'important' | 'statement' | 'cancellation' | 'trademark';

/** One printed line of the form's prose: its extent and size, never its words. */
export interface ProseLine {
  group: ProseGroup;
  box: Box;
  size: number;
}

export interface Form {
  edition: Edition;
  fields: Record<string, { box: Box; check: boolean }>;
  labels: Label[];
  prose: ProseLine[];
  /** Hairlines of the grid. */
  rules: Box[];
  /** Heavier section frames and the small boxes drawn as rectangles. */
  frames: { box: Box; width: number }[];
}

export const pageSize: [number, number] = [measured.page[0]!, measured.page[1]!];

function proseGroup(b: number[]): ProseGroup {
  const cy = (b[1]! + b[3]!) / 2;
  if (cy > 703 && cy < 745) return 'notice';
  if (cy > 670) return 'important';
  if (cy > 504 && cy < 539) return 'statement';
  if (cy > 95 && cy < 121) return 'cancellation';
  return 'trademark';
}

/** The measured prose boxes, one per printed line (justified lines were measured word by word). */
function proseLines(): ProseLine[] {
  const lines = new Map<string, ProseLine>();
  for (const p of measured.prose) {
    const b = p.box as Box;
    const key = `${proseGroup(b)}:${b[1]}`;
    const known = lines.get(key);
    if (!known) lines.set(key, { group: proseGroup(b), box: [...b], size: p.size });
    else known.box = [Math.min(known.box[0], b[0]), b[1], Math.max(known.box[2], b[2]), b[3]];
  }
  return [...lines.values()].sort((a, b) => b.box[1] - a.box[1] || a.box[0] - b.box[0]);
}

function form2016(): Form {
  const fields: Form['fields'] = {};
  for (const [name, f] of Object.entries(measured.fields)) fields[name] = { box: [...(f.box as Box)], check: f.check };
  return {
    edition: '2016/03',
    fields,
    labels: measured.labels.map((l) => ({ ...l, box: [...(l.box as Box)] })),
    prose: proseLines(),
    rules: measured.rules.map((r) => [...r] as Box),
    // Measured twice over where the blank strokes one rectangle twice; once is enough.
    frames: measured.frames.filter((f, i) => measured.frames.findIndex((g) => g.box.join() === f.box.join()) === i).map((f) => ({ box: [...f.box] as Box, width: f.width })),
  };
}

type Relabel = [text: string, x: number, y0: number, replacement: string | null, y0After?: number, size?: number];

// Before 2016/03 the auto boxes were worded without "ONLY" (and HIRED AUTOS took one line).
const olderAutos: Relabel[] = [
  ['OWNED', 54, 377.3, 'ALL OWNED'],
  ['AUTOS ONLY', 54, 371.3, 'AUTOS'],
  ['HIRED', 54, 365.3, 'HIRED AUTOS', 363],
  ['AUTOS ONLY', 54, 359.3, null],
  ['AUTOS ONLY', 122.4, 359.3, 'AUTOS'],
];
const statutory2010: Relabel[] = [
  ['PER', 442.8, 305.3, 'WC STATU-', 305.3, 5],
  ['STATUTE', 442.8, 299.8, 'TORY LIMITS', 299.8, 5],
];

function relabel(labels: Label[], changes: Relabel[]): Label[] {
  const out: Label[] = [];
  for (const l of labels) {
    const change = changes.find(([text, x, y0]) => l.text === text && Math.abs(l.box[0] - x) < 0.5 && Math.abs(l.box[1] - y0) < 0.5);
    if (!change) out.push(l);
    else if (change[3] !== null) {
      const y0 = change[4] ?? l.box[1];
      const size = change[5] ?? l.size;
      const x1 = l.box[0] + ((l.box[2] - l.box[0]) * change[3].length * size) / (l.text.length * l.size);
      out.push({ ...l, text: change[3], size, box: [l.box[0], y0, x1, y0 + size] });
    }
  }
  return out;
}

// The GL type-of-insurance cell: x from the checkbox column to the ADDL INSD column, 408-492.
const glCell = { x0: 35.5, x1: 173.5, y0: 408, y1: 492 };
const inGlCell = (b: Box) => b[0] >= glCell.x0 && b[2] <= glCell.x1 && b[1] >= glCell.y0 - 1 && b[3] <= glCell.y1 + 1;

/**
 * 2010/05 opens the GL cell with a GENERAL LIABILITY heading row, so everything in the cell moves
 * one row (12 pt) down and the bottom row (the aggregate's OTHER box) falls away.
 */
function generalLiability2010(form: Form): void {
  const down = (b: Box): Box => [b[0], b[1] - 12, b[2], b[3] - 12];
  const fullHeight = (b: Box) => b[1] <= glCell.y0 + 0.5 && b[3] >= glCell.y1 - 0.5;
  form.labels = form.labels.flatMap((l) => {
    if (!inGlCell(l.box)) return [l];
    const cy = (l.box[1] + l.box[3]) / 2;
    return cy < glCell.y0 + 12 ? [] : [{ ...l, box: down(l.box) }];
  });
  form.labels.push({ text: 'GENERAL LIABILITY', box: [39.6, 482.8, 100, 488.7], size: 5.9, bold: true });
  for (const [name, f] of Object.entries(form.fields)) {
    if (!inGlCell(f.box)) continue;
    if (f.box[1] < glCell.y0 + 12) delete form.fields[name];
    else f.box = down(f.box);
  }
  form.rules = form.rules.flatMap((r) => {
    if (!inGlCell(r) || fullHeight(r)) return [r];
    const moved = down(r);
    if (moved[3] < glCell.y0) return [];
    return [[moved[0], Math.max(glCell.y0, moved[1]), moved[2], moved[3]] as Box];
  });
}

function relabelText(form: Form, from: RegExp, to: string): void {
  for (const l of form.labels) if (from.test(l.text)) l.text = l.text.replace(from, to);
}

/** The form as the given edition printed it; only the differences coi-domain.md documents. */
export function officialForm(edition: Edition): Form {
  const form = form2016();
  form.edition = edition;
  if (edition === '2016/03') return form;
  form.labels = relabel(form.labels, edition === '2010/05' ? [...olderAutos, ...statutory2010] : olderAutos);
  relabelText(form, /\(2016\/03\)/, `(${edition})`);
  relabelText(form, /1988-2015/, edition === '2014/01' ? '1988-2014' : '1988-2010');
  if (edition === '2010/05') {
    generalLiability2010(form);
    relabelText(form, /\(ACORD 101, Additional Remarks Schedule, may be attached if more space is required\)/, '(Attach ACORD 101, Additional Remarks Schedule, if more space is required)');
  }
  return form;
}
