// The ask queue: at most N runs at once, first come first served, and waiters hear how many are ahead.
import { describe, expect, it } from 'vitest';
import { createAskQueue } from '../../src/bot/ask-queue.ts';

function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
}

describe('ask queue', () => {
  it('runs at most `concurrency` jobs at once, in arrival order, and tells waiters their place', async () => {
    const queue = createAskQueue(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const ahead: number[] = [];
    let running = 0;
    let peak = 0;
    const runs = gates.map((g, i) =>
      queue.run(
        async () => {
          started.push(i);
          running++;
          peak = Math.max(peak, running);
          await g.opened;
          running--;
          return i;
        },
        (n) => ahead.push(n),
      ),
    );
    expect(ahead).toEqual([2, 3]);
    const turn = () => new Promise((r) => setImmediate(r));
    while (started.length < 2) await turn();
    for (let i = 0; i < 20; i++) await turn();
    expect(started).toEqual([0, 1]);
    gates[1]!.open();
    gates[0]!.open();
    gates[2]!.open();
    gates[3]!.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('frees the slot when a job fails', async () => {
    const queue = createAskQueue(1);
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
