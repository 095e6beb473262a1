import { describe, expect, it } from 'vitest';
import { gate } from './gate';

describe('gate', () => {
  it('runs at most its limit at once, the rest in the order they came, and carries on after a failure', async () => {
    const through = gate(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const task = (n: number, fail = false) =>
      through(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(n);
        await new Promise<void>((r) => releases.push(r));
        running -= 1;
        if (fail) throw new Error(`task ${n}`);
        return n;
      });
    const results = [task(1, true), task(2), task(3), task(4)].map((p) => p.catch((e: Error) => e.message));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([1, 2]);
    while (releases.length) {
      releases.shift()!();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await Promise.all(results)).toEqual(['task 1', 2, 3, 4]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(most).toBe(2);
  });
});
