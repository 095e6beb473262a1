import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const preload = new URL('./preload.mjs', import.meta.url).href;

describe('preload', () => {
  it("loads pdf.js and leaves the engine's own Array.prototype.push and JSON.parse in place", () => {
    // A fresh process: in this one pdf.js may already be loaded.
    const code = `
      const push = Array.prototype.push, parse = JSON.parse;
      await import(${JSON.stringify(preload)});
      console.log(JSON.stringify({ pdfjs: typeof globalThis.pdfjsLib, push: Array.prototype.push === push, parse: JSON.parse === parse }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ pdfjs: 'object', push: true, parse: true });
  });

  it('inflates a Flate stream in one call, and refuses a damaged one so pdf.js decodes it itself', () => {
    const code = `
      import { deflateSync } from 'node:zlib';
      await import(${JSON.stringify(preload)});
      const read = async (bytes) => {
        const { readable, writable } = new DecompressionStream('deflate');
        const writer = writable.getWriter();
        await writer.ready;
        writer.write(bytes).then(() => writer.close());
        const parts = [];
        for await (const chunk of readable) parts.push(Buffer.from(chunk).toString());
        return parts.join('');
      };
      const good = await read(deflateSync(Buffer.from('BT /F1 9 Tf (INSURED) Tj ET')));
      const bad = await read(Buffer.from('not a stream')).then(() => 'read', () => 'refused');
      console.log(JSON.stringify({ good, bad }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ good: 'BT /F1 9 Tf (INSURED) Tj ET', bad: 'refused' });
  });
});
