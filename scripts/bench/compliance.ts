import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Extraction } from '../../server/contracts/extraction';
import { parseCarriersCsv } from '../../server/compliance/carriers-csv';
import { defaultRequirements, highHazardTrades, lightTrades } from '../../server/compliance/default-requirements';
import { evaluateCertificate } from '../../server/compliance/evaluate';
import { baseExtraction } from '../../server/compliance/golden/base';
import type { CarrierTable, EvaluationContext, Outcome } from '../../server/compliance/types';
import { startStack } from '../../test/stack';
import { createTestRequest } from '../../test/factories';
import { benchDatabase } from './database';
import type { Db } from '../../server/db';

// Compliance evaluator throughput: 10,000 varied certificates against the default set
// (with tiers) and a carrier table of a few hundred rows. Target: under 1 s in total.
// Then, end to end: a portal upload of a text certificate until the request's final status
// (read, evaluated, status moved), with the worker running.
// Run: npx tsx scripts/bench/compliance.ts [count] [--no-e2e] [--uploads=20]

/** Small deterministic PRNG so every run measures the same inputs. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ratings = ['A++ XV', 'A+ XIII', 'A XII', 'A- VII', 'A- VIII', 'B++ IX', 'A VI', 'NR-1'];

function carrierTable(rows: number): CarrierTable {
  const lines = ['NAIC,Name,Rating,Size Class', '23817,Granite State Casualty Company,A,XII', '41290,Meridian Mutual,A+,XV', '12044,Bayline,A-,VIII', '37800,Summit Excess,A-,VII'];
  for (let i = 0; i < rows; i++) {
    const [rating, size] = (ratings[i % ratings.length] ?? 'A XII').split(' ');
    lines.push(`${String(60000 + i)},"Carrier ${i}, Inc.",${rating},${size ?? ''}`);
  }
  const result = parseCarriersCsv(lines.join('\n'));
  if (!result.ok) throw new Error(`carrier table: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.carriers;
}

interface Input {
  extraction: Extraction;
  context: EvaluationContext;
}

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)] as T;
}

function vary(r: () => number, carriers: CarrierTable): Input {
  const e = baseExtraction();
  const [gl, auto, umb, wc] = e.policies;
  if (gl) gl.limits.eachOccurrence = pick(r, [500_000, 1_000_000, 1_000_000, 2_000_000]);
  if (gl && r() < 0.1) gl.basis = 'claims_made';
  if (auto) auto.autoSymbols = pick(r, [['any_auto'], ['any_auto'], ['hired_autos', 'non_owned_autos'], ['owned_autos', 'hired_autos', 'non_owned_autos']] as const).slice();
  if (auto && r() < 0.15) auto.expirationDate = pick(r, ['2025-03-01', '2025-03-25']);
  if (umb) umb.limits = pick(r, [{ eachOccurrence: 5_000_000, aggregate: 5_000_000 }, { eachOccurrence: 10_000_000, aggregate: 10_000_000 }]);
  if (wc && r() < 0.05) wc.excludedOfficers = true;
  if (r() < 0.3) e.insurers[0] = { letter: 'A', name: 'Varied carrier', naic: String(60000 + Math.floor(r() * 300)) };
  if (r() < 0.1) e.descriptionOfOperations = (e.descriptionOfOperations ?? '').replace('primary and non-contributory', 'primary');
  if (r() < 0.1) e.fields = { '/policies/0/limits/eachOccurrence': { confidence: 0.5 } };
  if (r() < 0.02) e.form = null;
  const context: EvaluationContext = {
    today: '2025-03-10',
    projectStart: '2025-04-01',
    projectName: pick(r, ['Riverside Medical Center', 'Riverside Medical Center', 'Riverside Medical Center', 'Lakeside Parking Garage']),
    trade: pick(r, [...highHazardTrades, ...lightTrades, 'Mechanical', 'Electrical', null]),
    commitmentValue: Math.floor(r() * 4_000_000),
    vendorName: pick(r, ['Apex Mechanical Inc', 'Apex Mechanical Services', null]),
    carriers,
  };
  return { extraction: e, context };
}

export function buildInputs(count: number, seed = 42): Input[] {
  const r = rng(seed);
  const carriers = carrierTable(300);
  return Array.from({ length: count }, () => vary(r, carriers));
}

export interface EvaluatorBench {
  ms: number;
  cpuMs: number;
  perSecond: number;
  outcomes: Record<Outcome, number>;
}

/**
 * The evaluator alone: inputs are built beforehand so only evaluation is timed.
 * An end-to-end figure (read + evaluate + store) belongs in its own function beside this one.
 */
export function benchEvaluator(inputs: readonly Input[]): EvaluatorBench {
  const outcomes: Record<Outcome, number> = { compliant: 0, needs_review: 0, deficient: 0 };
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const input of inputs) outcomes[evaluateCertificate(input.extraction, defaultRequirements, input.context).outcome]++;
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, perSecond: Math.round((inputs.length / ms) * 1000), outcomes };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export interface EndToEndBench {
  done: number;
  stuck: number;
  p50: number;
  p95: number;
  finals: Record<string, number>;
}

/**
 * Upload to final status: one request at a time, the portal's multipart upload of a text
 * (not scanned) certificate, then the read-certificate job and the compliance evaluation it
 * triggers, until the request leaves Under review or the certificate is flagged for a person.
 * Sequential on purpose: this is the latency a sub waits for, not throughput.
 */
export async function benchEndToEnd(uploads: number, perUploadTimeoutMs = 60_000): Promise<EndToEndBench> {
  const stack = await startStack({ database: await benchDatabase() });
  const pdf = readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/certificates/text-1.pdf'));
  const db = stack.database.db;
  const times: number[] = [];
  const finals: Record<string, number> = {};
  let stuck = 0;
  try {
    for (let i = 0; i < uploads; i++) {
      const r = await createTestRequest(stack.app.services, { projectName: 'Riverside Medical Center' });
      const form = new FormData();
      form.append('files', new Blob([pdf], { type: 'application/pdf' }), 'certificate.pdf');
      const t0 = performance.now();
      const res = await fetch(`${stack.app.url}/api/portal/${r.token}/uploads`, { method: 'POST', body: form });
      if (!res.ok) throw new Error(`upload ${i + 1}: HTTP ${res.status} ${await res.text()}`);
      const final = await finalStatus(db, r.requestId, perUploadTimeoutMs);
      if (!final) {
        stuck++;
        continue;
      }
      times.push(performance.now() - t0);
      finals[final] = (finals[final] ?? 0) + 1;
    }
  } finally {
    await stack.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { done: times.length, stuck, p50: percentile(sorted, 50), p95: percentile(sorted, 95), finals };
}

/** Compliant, Awaiting New COI, or still Under review but evaluated (flagged for a person); null on timeout. */
async function finalStatus(db: Db, requestId: string, timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const row = (await db('coi_requests').where({ id: requestId }).first('status')) as { status: string };
    if (row.status === 'compliant' || row.status === 'awaiting_new_coi') return row.status;
    const evaluated = await db('request_events').where({ request_id: requestId, kind: 'evaluated' }).first('id');
    if (evaluated) return 'under_review (flagged)';
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return null;
}

function benchEvaluatorFigure(count: number): void {
  const rounds = 5;
  const inputs = buildInputs(count);
  for (const input of inputs.slice(0, 500)) evaluateCertificate(input.extraction, defaultRequirements, input.context);
  // Several rounds, median reported: the machine may be shared, and one round can be unlucky.
  const results = Array.from({ length: rounds }, () => benchEvaluator(inputs)).sort((a, b) => a.ms - b.ms);
  const median = results[Math.floor(rounds / 2)] ?? results[0];
  const best = results[0];
  if (!median || !best) return;
  console.log(`compliance evaluator: ${count} evaluations, median of ${rounds} rounds ${median.ms.toFixed(1)} ms wall / ${median.cpuMs.toFixed(1)} ms CPU (${median.perSecond} per second); best ${best.ms.toFixed(1)} ms`);
  console.log(`outcomes per round: ${JSON.stringify(median.outcomes)}`);
  const per10k = median.ms * (10_000 / count);
  if (per10k > 1000) {
    console.log(`slower than the target: ${per10k.toFixed(0)} ms per 10,000 evaluations (target 1000 ms)`);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
  const uploads = Number(/^--uploads=(\d+)$/.exec(args.find((a) => a.startsWith('--uploads=')) ?? '')?.[1] ?? 20);
  benchEvaluatorFigure(count);
  if (args.includes('--no-e2e')) return;
  const e2e = await benchEndToEnd(uploads);
  if (e2e.done > 0) {
    console.log(`upload to final status (portal upload of a text certificate, read, evaluated, status moved; worker running): ${e2e.done} uploads, p50 ${e2e.p50.toFixed(0)} ms, p95 ${e2e.p95.toFixed(0)} ms; final ${JSON.stringify(e2e.finals)}`);
  }
  if (e2e.stuck > 0) {
    console.log(`${e2e.stuck} of ${uploads} uploads never reached a final status (is evaluateRequest called by the read-certificate job?)`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
