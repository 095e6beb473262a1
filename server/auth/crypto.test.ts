import { describe, expect, it } from 'vitest';
import { createSealer, hashToken, randomToken, sameHash } from './crypto';

const key = 'k'.repeat(40);

describe('sealer', () => {
  it('round-trips and never shows the plain text', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('access-token-123');
    expect(sealed).not.toContain('access-token-123');
    expect(sealer.open(sealed)).toBe('access-token-123');
    expect(sealer.seal('access-token-123')).not.toBe(sealed);
  });

  it('refuses tampered values and other keys', () => {
    const sealed = createSealer(key).seal('secret');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => createSealer(key).open(parts.join('.'))).toThrow();
    expect(() => createSealer('z'.repeat(40)).open(sealed)).toThrow();
    expect(() => createSealer(key).open('garbage')).toThrow(/unknown format/);
  });
});

describe('tokens', () => {
  it('are 32 random bytes and compare by hash', () => {
    const t = randomToken();
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(randomToken()).not.toBe(t);
    expect(sameHash(hashToken(t), hashToken(t))).toBe(true);
    expect(sameHash(hashToken(t), hashToken(`${t}x`))).toBe(false);
  });
});
