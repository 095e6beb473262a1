import { describe, expect, it } from 'vitest';
import { countProblem, fileNamedIn, fileProblem, formatSize } from './checks';

const mb = 1024 * 1024;

describe('portal pre-checks', () => {
  it('accepts PDF, PNG and JPEG names within the size limit', () => {
    for (const name of ['coi.pdf', 'COI.PDF', 'photo.jpg', 'photo.jpeg', 'scan.png']) expect(fileProblem({ name, size: 1000 }, 20 * mb)).toBeNull();
  });

  it('explains other types, empty files and files over the limit', () => {
    expect(fileProblem({ name: 'coi.docx', size: 1000 }, 20 * mb)).toMatch(/not a PDF, PNG or JPEG/);
    expect(fileProblem({ name: 'coi.pdf', size: 0 }, 20 * mb)).toMatch(/empty/);
    expect(fileProblem({ name: 'coi.pdf', size: 21 * mb }, 20 * mb)).toBe('This file is 21.0 MB; the limit is 20.0 MB. Send a smaller copy.');
  });

  it('limits the number of files', () => {
    expect(countProblem(10, 10)).toBeNull();
    expect(countProblem(12, 10)).toBe('Send at most 10 files at a time; remove 2.');
  });

  it("finds the file a server refusal names", () => {
    expect(fileNamedIn('b.pdf: This PDF is password-protected.', ['a.pdf', 'b.pdf'])).toBe('b.pdf');
    expect(fileNamedIn('Send at most 10 files at a time.', ['a.pdf'])).toBeNull();
  });

  it('formats sizes for people', () => {
    expect([formatSize(900), formatSize(2048), formatSize(3 * mb)]).toEqual(['900 bytes', '2 KB', '3.0 MB']);
  });
});
