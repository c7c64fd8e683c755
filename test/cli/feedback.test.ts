// `titan feedback` lists votes newest first, each with the question, the reading, the figures and what was wrong.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThreadMemory } from '../../src/core/chat/thread-memory.ts';
import { DEFAULT_SCOPE } from '../../src/core/model/scope.ts';
import { SQLITE_FILE } from '../../src/core/warehouse/create-warehouse.ts';
import { createSqliteWarehouse } from '../../src/core/warehouse/sqlite.ts';
import { sampleAnswer } from '../bot/render/sample-answer.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';
import { titanIn } from './cli-harness.ts';

const tmp = useTmpDirs();
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Two answered questions in the warehouse Titan will open, one voted 👍 in November, one 👎 in December. */
async function seed(dir: string): Promise<void> {
  const warehouse = createSqliteWarehouse({ path: path.join(dir, SQLITE_FILE) });
  await warehouse.migrate();
  const memory = createThreadMemory({ warehouse });
  const asked = (question: string, headline: string, at: string) =>
    memory.recordExchange({
      threadId: `slack:C1:${at}`,
      scope: DEFAULT_SCOPE,
      userId: 'UOWNER',
      question,
      askedAt: new Date(at),
      answer: sampleAnswer({ headline }),
      answeredAt: new Date(Date.parse(at) + 2000),
    });
  const good = await asked('daily brief', 'Yesterday: ₹42,000', '2026-11-20T09:00:00.000Z');
  const bad = await asked(
    'sales on 21 November?',
    'Revenue, last 7 days: ₹2,10,000',
    '2026-12-02T09:00:00.000Z',
  );
  await memory.recordFeedback({
    turnId: good,
    threadId: 'slack:C1:2026-11-20T09:00:00.000Z',
    userId: 'UOWNER',
    vote: 'up',
    at: new Date('2026-11-20T09:01:00.000Z'),
  });
  await memory.recordFeedback({
    turnId: bad,
    threadId: 'slack:C1:2026-12-02T09:00:00.000Z',
    userId: 'UMANAGER',
    vote: 'down',
    reason: 'other_question',
    at: new Date('2026-12-02T09:01:00.000Z'),
  });
  await warehouse.close();
}

describe('titan feedback', () => {
  it('says so when there is none', async () => {
    expect(await titanIn(tmp())('feedback')).toMatchObject({ code: 0, out: 'No feedback yet.' });
  });

  it('lists each vote with its question, answer, figures and reason; --since keeps the later ones', async () => {
    const dir = tmp();
    await seed(dir);
    const titan = titanIn(dir);
    const all = await titan('feedback');
    expect(all.code).toBe(0);
    const lines = all.out.split('\n');
    expect(lines[0]).toBe('2026-12-02 09:01  👎 other question  by UMANAGER');
    expect(lines[1]).toBe('  asked:  sales on 21 November?');
    expect(lines[2]).toBe('  answer: Revenue, last 7 days: ₹2,10,000');
    expect(all.out).toContain('2026-11-20 09:01  👍  by UOWNER');
    const figure = sampleAnswer().facts[0]!;
    expect(all.out).toContain(`    ${figure.label}: `);

    const later = JSON.parse((await titan('feedback', '--since', '2026-12-01', '--json')).out) as {
      vote: string;
      reason: string;
      question: string;
    }[];
    expect(later).toEqual([
      expect.objectContaining({ vote: 'down', reason: 'other_question', question: 'sales on 21 November?' }),
    ]);
    expect(await titan('feedback', '--since', 'last week')).toMatchObject({ code: 1 });
  });
});
