// The SQLite read pool's readers do not outlive their server: SIGKILLed (no exit hook runs), it leaves no reader behind,
// neither an idle one nor one deep in a query that would run for hours.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnTsx } from '../../helpers/spawn-tsx.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';

const tmp = useTmpDirs();

/** Running, not a zombie waiting to be reaped (an orphan's new parent may reap it late). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the command name in parentheses, which may itself hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

let leftover: number[] = [];
afterEach(() => {
  // A failed run must not leave readers spinning on the shared machine.
  for (const pid of leftover.filter(running)) process.kill(pid, 'SIGKILL');
  leftover = [];
});

describe.skipIf(process.platform !== 'linux')('SQLite readers whose server is SIGKILLed', () => {
  it('exit on their own within seconds, the busy one as well as the idle one', async () => {
    const server = spawnTsx('test/core/warehouse/read-pool-parent.ts', [tmp()]);
    const readers = await new Promise<number[]>((resolve, reject) => {
      let out = '';
      server.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve((JSON.parse(line) as { readers: number[] }).readers);
      });
      server.on('close', (code) => reject(new Error(`the server exited first (code ${code})`)));
    });
    leftover = readers;
    expect(readers).toHaveLength(2);
    expect(readers.filter(running)).toHaveLength(2);

    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
    await vi.waitFor(() => expect(readers.filter(running)).toEqual([]), { timeout: 8_000, interval: 100 });
  }, 30_000);
});
