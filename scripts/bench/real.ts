// The reader on certificates from the world (../shared/certificates, never committed): real
// agency certificates with hand-written truth, and other tools' certificates without truth.
// Part of the real set was kept aside while the reader was tuned; it is reported on its own.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCertificate } from '../../server/certificates';
import type { Extraction } from '../../server/contracts/extraction';
import { AppError } from '../../server/errors';
import type { Truth } from '../corpus/facts';
import { score } from '../corpus/score';
import { confidenceCheck } from './confidence';
import fixes from './truth-fixes.json';

const shared = path.resolve(import.meta.dirname, '../../../shared/certificates');

/** Kept aside while tuning: the figures on these are the honest ones. */
export const heldOut = new Set(['rp04', 'rp08', 'rp11', 'rp16']);

interface Entry {
  folder: string;
  name: string;
  kind: string;
  edition: string;
  truth: boolean;
}

export interface RealRow {
  group: string;
  docs: number;
  right: number;
  total: number;
  given: number;
  confident: number;
  confidentlyWrong: string[];
  times: number[];
}

export interface Untruthed {
  file: string;
  kind: string;
  ms: number;
  outcome: string;
}

async function index(): Promise<Entry[]> {
  const lines = (await readFile(path.join(shared, 'index.tsv'), 'utf8')).trim().split('\n').slice(1);
  return lines.map((l) => {
    const [folder = '', file = '', , , , , , kind = '', edition = '', truth = ''] = l.split('\t');
    return { folder, name: file.replace(/\.pdf$/, ''), kind, edition, truth: truth === 'yes' };
  });
}

type Fix = { pointer: string; value: unknown };

/** Corrections of hand-written truth values found wrong (each with its reason in the JSON file). */
function corrected(name: string, truth: Truth): Truth {
  const list = ((fixes as Record<string, Fix[] | string>)[name] ?? []) as Fix[];
  const copy = structuredClone(truth) as unknown as Record<string, unknown>;
  for (const fix of list) {
    const keys = fix.pointer.split('/').filter(Boolean);
    let node = copy as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
    node[keys[keys.length - 1]!] = fix.value;
  }
  return copy as unknown as Truth;
}

const groupOf = (e: Entry) => `real ${/no-text|scanned/.test(e.kind) ? 'no text layer' : 'text layer'}${heldOut.has(e.name) ? ', held out' : ''}`;

function summarise(result: Extraction): string {
  const r = result.reading;
  const given = result.policies.length;
  return `${result.form ?? 'not ACORD 25'}${result.edition ? ` ${result.edition}` : ''}, ${given} policies, layout ${r?.layout ?? '?'}, coverage ${r?.coverage ?? '?'}${r?.reasons.length ? `: ${r.reasons[0]}` : ''}`;
}

export async function benchReal(): Promise<{ rows: RealRow[]; untruthed: Untruthed[] } | null> {
  if (!existsSync(path.join(shared, 'index.tsv'))) return null;
  const rows = new Map<string, RealRow>();
  const untruthed: Untruthed[] = [];
  for (const e of (await index()).filter((x) => x.folder !== 'blank')) {
    const file = path.join(shared, e.folder, `${e.name}.pdf`);
    const bytes = await readFile(file);
    const t0 = performance.now();
    let result: Extraction;
    try {
      result = await readCertificate(bytes);
    } catch (error) {
      untruthed.push({ file: e.name, kind: e.kind, ms: performance.now() - t0, outcome: `refused: ${error instanceof AppError ? error.message : String(error)}` });
      continue;
    }
    const ms = performance.now() - t0;
    if (!e.truth) {
      untruthed.push({ file: e.name, kind: e.kind, ms, outcome: summarise(result) });
      continue;
    }
    const truth = corrected(e.name, JSON.parse(await readFile(file.replace(/\.pdf$/, '.truth.json'), 'utf8')) as Truth);
    const group = groupOf(e);
    const row = rows.get(group) ?? { group, docs: 0, right: 0, total: 0, given: 0, confident: 0, confidentlyWrong: [], times: [] };
    const s = score(truth, result);
    const c = confidenceCheck(truth, result);
    row.docs++;
    row.right += s.right;
    row.total += s.total;
    row.given += c.given;
    row.confident += c.confident;
    row.confidentlyWrong.push(...c.confidentlyWrong.map((w) => `${e.name} ${w}`));
    row.times.push(ms);
    rows.set(group, row);
  }
  return { rows: [...rows.values()].sort((a, b) => a.group.localeCompare(b.group)), untruthed };
}
