import { describe, expect, it } from 'vitest';
import { redactPath } from '../app';
import { cleanFilename } from './multipart';

describe('cleanFilename', () => {
  it('drops bidirectional controls, so a name shows what it is', () => {
    expect(cleanFilename('certificate\u202Efdp.exe', 1)).toBe('certificatefdp.exe');
    expect(cleanFilename('a\u2066b\u2067c\u2068d\u2069e\u200Ef\u200Fg\u061Ch\u202Ai\u202Bj\u202Ck\u202Dl.pdf', 1)).toBe('abcdefghijkl.pdf');
    expect(cleanFilename('C:\\Users\\me\\COI 2026.pdf', 1)).toBe('COI 2026.pdf');
    expect(cleanFilename('\u202E', 3)).toBe('file-3');
  });
});

describe('redactPath', () => {
  it('hides upload-link tokens whatever the case of the path', () => {
    for (const path of ['/api/portal/SECRETTOKEN/uploads', '/API/Portal/SECRETTOKEN/uploads', '/Portal/SECRETTOKEN', '/portal/SECRETTOKEN']) {
      expect(redactPath(path), path).not.toContain('SECRETTOKEN');
    }
  });
});
