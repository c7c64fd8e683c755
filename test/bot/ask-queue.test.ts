// The ask queue: at most N runs at once, first come first served, waiters hear how many are ahead, first status lines go first.
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

  it('starts a run only after the first status lines already on their way have been posted', async () => {
    const queue = createAskQueue(1);
    const post = gate();
    const failing = Promise.reject(new Error('channel_not_found'));
    const shown = queue.statusFirst(post.opened.then(() => 'ts-1'));
    await expect(queue.statusFirst(failing)).rejects.toThrow('channel_not_found');
    let started = false;
    const run = queue.run(async () => {
      started = true;
      return 'answer';
    });
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(started).toBe(false);
    post.open();
    expect(await shown).toBe('ts-1');
    expect(await run).toBe('answer');
  });

  it('does not hold runs back for ever behind a status post that never settles', async () => {
    const queue = createAskQueue(1);
    void queue.statusFirst(new Promise<never>(() => {}));
    expect(await queue.run(async () => 'answer')).toBe('answer');
  });

  it('frees the slot when a job fails', async () => {
    const queue = createAskQueue(1);
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
