// Writes the fixed test corpus: synthetic certificates with their truth, plus bad files.
// Usage: npm run corpus [-- --out DIR]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { badFiles } from './bad';
import { generate, type Variant } from './variants';

export const fixedCorpus: [Variant, number[]][] = [
  ['acroform', [1, 2, 3]],
  ['acroform-renamed', [1, 2]],
  ['flattened', [1, 2, 3]],
  ['text', [1, 2, 3, 4, 5, 6]],
  ['text-2014', [1, 2]],
  ['text-2010', [1, 2]],
  ['noisy', [1, 2, 3, 4]],
  ['letter-spaced', [1, 2, 3]],
  ['vector-text', [1, 2]],
  ['multipage', [1, 2, 3]],
  ['scanned', [1, 2, 3]],
  ['photo', [1, 2]],
];

async function main() {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1]! : 'test/fixtures/certificates';
  await mkdir(out, { recursive: true });
  for (const [variant, seeds] of fixedCorpus) {
    for (const seed of seeds) {
      const doc = await generate(variant, seed, { scan: { dpi: 200, photoType: 'jpg' } });
      const name = `${variant}-${seed}`;
      await writeFile(path.join(out, `${name}.${doc.ext}`), doc.bytes);
      await writeFile(path.join(out, `${name}.truth.json`), JSON.stringify(doc.truth, null, 2) + '\n');
      console.log(`${name}.${doc.ext} ${doc.bytes.length} bytes`);
    }
  }
  const bad = await badFiles();
  for (const file of bad) await writeFile(path.join(out, file.name), file.bytes);
  await writeFile(
    path.join(out, 'bad-files.json'),
    JSON.stringify(bad.map((b) => ({ file: b.name, code: b.code })), null, 2) + '\n',
  );
  console.log(`${bad.length} bad files`);
}

await main();
