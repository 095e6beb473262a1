// Benchmark of the certificate reader on freshly generated documents (seeds the fixed corpus
// never uses, plus a held-out layout family). Usage:
//   npm run bench:reader [-- --docs 100 --scanned 4]
import { closeReader, readCertificate } from '../../server/certificates';
import { score } from '../corpus/score';
import { generate, type Variant } from '../corpus/variants';

interface Row {
  name: string;
  right: number;
  total: number;
  times: number[];
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function run(name: string, variant: Variant, count: number, heldOut: boolean, peak: { rss: number }): Promise<Row> {
  const row: Row = { name, right: 0, total: 0, times: [] };
  for (let i = 0; i < count; i++) {
    const doc = await generate(variant, 10_000 + i * 37 + (heldOut ? 5000 : 0), { heldOut });
    const t0 = performance.now();
    const result = await readCertificate(doc.bytes);
    row.times.push(performance.now() - t0);
    const s = score(doc.truth, result);
    row.right += s.right;
    row.total += s.total;
    peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
  }
  return row;
}

async function main() {
  const docs = arg('docs', 100);
  const scanned = arg('scanned', 4);
  const peak = { rss: 0 };
  const share = Math.max(1, Math.round(docs / 5));
  const plan: [string, Variant, number, boolean][] = [
    ['acroform', 'acroform', share, false],
    ['text', 'text', share, false],
    ['text (noisy)', 'noisy', share, false],
    ['text (held-out layout)', 'text', share, true],
    ['multi-page', 'multipage', docs - 4 * share, false],
    ['scanned', 'scanned', scanned, false],
  ];
  const rows: Row[] = [];
  const started = performance.now();
  for (const [name, variant, count, held] of plan) if (count > 0) rows.push(await run(name, variant, count, held, peak));
  const seconds = (performance.now() - started) / 1000;
  await closeReader();
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(24) : c.padStart(10))).join(' '));
  line(['variant', 'docs', 'fields', 'accuracy', 'p50 ms', 'p95 ms']);
  for (const r of rows) {
    line([r.name, String(r.times.length), String(r.total), `${((100 * r.right) / Math.max(1, r.total)).toFixed(1)}%`, percentile(r.times, 50).toFixed(0), percentile(r.times, 95).toFixed(0)]);
  }
  const all = rows.flatMap((r) => r.times).length;
  const readSeconds = rows.flatMap((r) => r.times).reduce((a, b) => a + b, 0) / 1000;
  console.log(`documents: ${all}, read time ${readSeconds.toFixed(1)} s (${(all / readSeconds).toFixed(1)} docs/s reading, ${seconds.toFixed(1)} s with generation)`);
  console.log(`peak RSS: ${(peak.rss / 1024 / 1024).toFixed(0)} MB`);
}

console.warn = () => undefined;
await main();
