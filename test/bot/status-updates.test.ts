// Status updates: one send in flight at a time, lines that arrive meanwhile collapse into the newest, nothing after settle.
import { describe, expect, it } from 'vitest';
import { createStatusUpdates } from '../../src/bot/status-updates.ts';
import { createLogger } from '../../src/core/logger.ts';

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const quiet = () => {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    secrets: () => [],
    destination: { write: (l) => lines.push(l) },
  });
  return { logger, lines };
};

describe('status updates', () => {
  it('sends the first line, then only the newest of those that arrived while it was in flight', async () => {
    const sent: string[] = [];
    const gate = deferred();
    const status = createStatusUpdates(async (line) => {
      sent.push(line);
      if (sent.length === 1) await gate.promise;
    }, quiet().logger);
    status.update('one');
    status.update('two');
    status.update('three');
    gate.resolve();
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(['one', 'three']);
  });

  it('settle waits for the send in flight and drops what is still pending', async () => {
    const sent: string[] = [];
    const gate = deferred();
    const status = createStatusUpdates(async (line) => {
      sent.push(line);
      await gate.promise;
    }, quiet().logger);
    status.update('one');
    status.update('two');
    const settled = status.settle();
    status.update('three');
    gate.resolve();
    await settled;
    expect(sent).toEqual(['one']);
  });

  it('a failed send is logged and the next line still goes out', async () => {
    const { logger, lines } = quiet();
    const sent: string[] = [];
    const status = createStatusUpdates(async (line) => {
      sent.push(line);
      if (line === 'bad') throw new Error('edit refused');
    }, logger);
    status.update('bad');
    await new Promise((r) => setImmediate(r));
    status.update('good');
    await status.settle();
    expect(sent).toEqual(['bad', 'good']);
    expect(lines.join('')).toContain('status update failed');
  });
});
