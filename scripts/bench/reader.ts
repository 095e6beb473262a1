// Benchmark of the certificate reader. Its own synthetic certificates, freshly generated on the
// official form (seeds the fixed corpus never uses, plus a held-out family of fonts, offsets
// and marks), by mode; then the real certificates in ../shared, with the part kept aside while
// tuning reported apart. Documents are generated first, in a child process, so timing and peak
// memory cover reading alone, and each text mode is read once untimed, as a warm reader would.
// "conf-wrong" is the share of values given that are wrong although read at confidence 0.8 or
// more; "sure" the share of values given at that confidence (the rest go to a person). Usage:
//   npm run bench:reader [-- --docs 90 --scanned 4 --real 1]
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeReader, readCertificate } from '../../server/certificates';
import type { Truth } from '../corpus/facts';
import { score } from '../corpus/score';
import { generate, type Variant } from '../corpus/variants';
import { confidenceCheck } from './confidence';
import { benchReal, type RealRow, type Untruthed } from './real';

interface Row {
  name: string;
  right: number;
  total: number;
  given: number;
  confident: number;
  confidentlyWrong: number;
  times: number[];
  /** CPU time of every thread of this process per document: the work, whatever else the machine runs. */
  cpu: number[];
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

interface Planned {
  name: string;
  variant: Variant;
  count: number;
  heldOut: boolean;
}

function plan(docs: number, scanned: number): Planned[] {
  const text: [string, Variant, boolean][] = [
    ['fillable (AcroForm)', 'acroform', false],
    ['flattened form', 'flattened', false],
    ['text 2016/03', 'text', false],
    ['text 2014/01', 'text-2014', false],
    ['text 2010/05', 'text-2010', false],
    ['text noisy', 'noisy', false],
    ['letter-spaced', 'letter-spaced', false],
    ['multi-page', 'multipage', false],
    ['text held-out family', 'text', true],
  ];
  const pictures: [string, Variant, boolean][] = [
    ['scanned', 'scanned', false],
    ['scanned held-out family', 'scanned', true],
    ['photo', 'photo', false],
    ['vector text (no text layer)', 'vector-text', false],
  ];
  const share = Math.max(1, Math.round(docs / text.length));
  return [
    ...text.map(([name, variant, heldOut]) => ({ name, variant, heldOut, count: share })),
    ...pictures.map(([name, variant, heldOut]) => ({ name, variant, heldOut, count: scanned })),
  ].filter((p) => p.count > 0);
}

/** Modes read by OCR: not warmed up (a scan's time is OCR, which warms in its first page). */
const pictures = new Set<Variant>(['scanned', 'photo', 'vector-text']);

const seedOf = (i: number, heldOut: boolean) => 10_000 + i * 37 + (heldOut ? 5000 : 0);
const fileOf = (dir: string, p: Planned, i: number) => path.join(dir, `${p.variant}-${p.heldOut ? 'h' : ''}${i}`);

/** Child mode: write every document and its truth to `dir`, then print this process's peak RSS. */
async function generateAll(dir: string, planned: Planned[]): Promise<void> {
  for (const p of planned)
    for (let i = 0; i < p.count; i++) {
      const doc = await generate(p.variant, seedOf(i, p.heldOut), { heldOut: p.heldOut });
      await writeFile(fileOf(dir, p, i) + '.bin', doc.bytes);
      await writeFile(fileOf(dir, p, i) + '.json', JSON.stringify(doc.truth));
    }
  process.stdout.write(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }) + '\n');
}

/** Generation runs in a child process so the peak RSS measured here is the reader's alone. */
function generateInChild(dir: string): { seconds: number; peakMb: number } {
  const t0 = performance.now();
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, script, ...process.argv.slice(2), '--generate', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`document generation failed (exit ${child.status})`);
  const { maxRssKb } = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { maxRssKb: number };
  return { seconds: (performance.now() - t0) / 1000, peakMb: maxRssKb / 1024 };
}

async function run(dir: string, p: Planned, peak: { rss: number }): Promise<Row> {
  const row: Row = { name: p.name, right: 0, total: 0, given: 0, confident: 0, confidentlyWrong: 0, times: [], cpu: [] };
  for (let i = 0; i < p.count; i++) {
    const bytes = await readFile(fileOf(dir, p, i) + '.bin');
    const truth = JSON.parse(await readFile(fileOf(dir, p, i) + '.json', 'utf8')) as Truth;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await readCertificate(bytes);
    row.times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    row.cpu.push((cpu.user + cpu.system) / 1000);
    const s = score(truth, result);
    row.right += s.right;
    row.total += s.total;
    const c = confidenceCheck(truth, result);
    row.given += c.given;
    row.confident += c.confident;
    row.confidentlyWrong += c.confidentlyWrong.length;
    // The high-water mark, so a peak in the middle of a document counts too.
    peak.rss = Math.max(peak.rss, process.resourceUsage().maxRSS * 1024);
  }
  return row;
}

async function main() {
  const planned = plan(arg('docs', 90), arg('scanned', 4));
  const genIndex = process.argv.indexOf('--generate');
  if (genIndex > 0) return generateAll(process.argv[genIndex + 1]!, planned);
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-reader-'));
  try {
    const generation = generateInChild(dir);
    const peak = { rss: process.memoryUsage().rss };
    // A reader serves warm (certificates/pool.ts keeps its children): one untimed read of each
    // text mode first, so the first mode timed does not carry the whole reader's warm-up.
    for (const p of planned.filter((x) => !pictures.has(x.variant))) await readCertificate(await readFile(fileOf(dir, p, 0) + '.bin'));
    const rows: Row[] = [];
    for (const p of planned) rows.push(await run(dir, p, peak));
    const real = arg('real', 1) ? await benchReal() : undefined;
    await closeReader();
    report(rows, generation, peak.rss);
    reportReal(real);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function report(rows: Row[], generation: { seconds: number; peakMb: number }, peakRss: number): void {
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(32) : c.padStart(10))).join(' '));
  line(['own synthetic, by mode', 'docs', 'fields', 'accuracy', 'given', 'sure', 'conf-wrong', 'p50 ms', 'p95 ms', 'p50 cpu ms']);
  for (const r of rows) {
    line([r.name, String(r.times.length), String(r.total), pct(r.right, r.total), String(r.given), pct(r.confident, r.given), pct(r.confidentlyWrong, r.given), percentile(r.times, 50).toFixed(0), percentile(r.times, 95).toFixed(0), percentile(r.cpu, 50).toFixed(0)]);
  }
  console.log('p50 cpu ms: CPU time of all the reader threads per document, the work a read takes whatever else the machine runs (two engines share a scan)');
  const all = rows.flatMap((r) => r.times).length;
  const readSeconds = rows.flatMap((r) => r.times).reduce((a, b) => a + b, 0) / 1000;
  console.log(`documents: ${all}, read time ${readSeconds.toFixed(1)} s (${(all / readSeconds).toFixed(1)} docs/s reading); generation ${generation.seconds.toFixed(1)} s in a child process`);
  console.log(`peak RSS while reading (this process reads only): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(`peak RSS of the generator process: ${generation.peakMb.toFixed(0)} MB`);
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

function reportReal(real: Awaited<ReturnType<typeof benchReal>> | undefined): void {
  console.log('');
  if (real === undefined) return;
  if (!real) {
    console.log('real certificates: ../shared/certificates not found, skipped');
    return;
  }
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(32) : c.padStart(10))).join(' '));
  line(['real certificates', 'docs', 'fields', 'accuracy', 'given', 'sure', 'conf-wrong', 'p50 ms', 'p95 ms']);
  const all: RealRow = { group: 'all real with truth', docs: 0, right: 0, total: 0, given: 0, confident: 0, confidentlyWrong: [], times: [] };
  for (const r of real.rows) {
    line([r.group, String(r.docs), String(r.total), pct(r.right, r.total), String(r.given), pct(r.confident, r.given), pct(r.confidentlyWrong.length, r.given), percentile(r.times, 50).toFixed(0), percentile(r.times, 95).toFixed(0)]);
    all.docs += r.docs;
    all.right += r.right;
    all.total += r.total;
    all.given += r.given;
    all.confident += r.confident;
    all.confidentlyWrong.push(...r.confidentlyWrong);
    all.times.push(...r.times);
  }
  line([all.group, String(all.docs), String(all.total), pct(all.right, all.total), String(all.given), pct(all.confident, all.given), pct(all.confidentlyWrong.length, all.given), percentile(all.times, 50).toFixed(0), percentile(all.times, 95).toFixed(0)]);
  for (const w of all.confidentlyWrong) console.log(`  confidently wrong: ${w}`);
  reportUntruthed(real.untruthed);
}

function reportUntruthed(list: Untruthed[]): void {
  if (!list.length) return;
  console.log('certificates without truth (what the reader made of them):');
  for (const u of list) console.log(`  ${u.file} (${u.kind}, ${u.ms.toFixed(0)} ms): ${u.outcome}`);
}

console.warn = () => undefined;
await main();
