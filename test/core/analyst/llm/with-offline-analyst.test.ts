// The LLM decorator over the real offline analyst, metrics and demo café: grounding must accept Titan's own figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineAnalyst } from '../../../../src/core/analyst/analyst.ts';
import { generateDemo } from '../../../../src/core/analyst/demo/generate-demo.ts';
import { createLlmAnalyst } from '../../../../src/core/analyst/llm/llm-analyst.ts';
import { METRICS } from '../../../../src/core/analyst/metrics/index.ts';
import type { Analyst } from '../../../../src/core/analyst/port.ts';
import { withTaskQueue } from '../../../../src/core/analyst/with-task-queue.ts';
import type { Clock } from '../../../../src/core/clock.ts';
import { readDataBlocks } from '../../../../src/core/llm/data-block.ts';
import { createLogger } from '../../../../src/core/logger.ts';
import { DEFAULT_SCOPE } from '../../../../src/core/model/scope.ts';
import { createTaskService, type TaskQueue } from '../../../../src/core/tasks/task-service.ts';
import { type GeminiRecord, userText } from '../../../fakes/gemini.ts';
import { type LlmHarness, startLlmHarness } from '../../llm/harness.ts';

interface SentData {
  facts: { id: string; value: number; unit: string }[];
  findings: { ref: string; headline: string; rootCause: string; action: string; deadline: string }[];
  offlineAnswer: { headline: string };
}

const sent = (record: GeminiRecord): SentData => readDataBlocks(userText(record))[0] as SentData;

let h: LlmHarness;
let analyst: Analyst;
let tasks: TaskQueue;
const clock: Clock = { now: () => new Date('2026-11-20T04:00:00Z') };

beforeAll(async () => {
  h = await startLlmHarness({ clock });
  await generateDemo({
    warehouse: h.warehouse,
    days: 21,
    billsPerDay: 80,
    endDate: '2026-11-19',
    now: clock.now,
  });
  tasks = createTaskService({ warehouse: h.warehouse, clock });
  const offline = createOfflineAnalyst({ warehouse: h.warehouse, tasks, clock, tz: 'Asia/Kolkata' });
  // Composed as Titan composes it: the tasks are queued once, from the words the owner reads.
  analyst = withTaskQueue(
    createLlmAnalyst({
      offline,
      llm: h.llm,
      metrics: Object.values(METRICS),
      warehouse: h.warehouse,
      logger: createLogger({ level: 'silent', secrets: () => [] }),
      clock,
    }),
    tasks,
  );
});
afterAll(async () => {
  await h.close();
});

const ask = () =>
  analyst.ask({
    question: 'Scan for profit leaks in the last 7 days',
    scope: DEFAULT_SCOPE,
    audience: 'private',
  });

describe('LLM analyst over the offline analyst', () => {
  it('accepts wording that reuses the offline figures, and ties its task to the real finding', async () => {
    h.gemini.enqueue((record) => {
      const data = sent(record);
      const first = data.findings[0]!;
      return {
        text: [
          data.offlineAnswer.headline,
          `Root cause: ${first.rootCause}`,
          // The model words the action its own way: the card and the stored task must say the same.
          `[TASK:${first.ref}] Weigh the ${first.headline.split(':')[0]} bins with the cook by ${first.deadline}`,
          ...data.findings.map((f) => f.headline),
        ].join('\n'),
      };
    });
    const answer = await ask();
    expect(answer.notes.join(' ')).not.toContain('set aside');
    expect(answer.path).toBe('llm');
    expect(answer.tasks).toHaveLength(1);
    expect(answer.facts.length).toBeGreaterThan(0);
    // The one task queued is the one the answer names, titled in the answer's own words.
    const queued = await tasks.list({ scope: DEFAULT_SCOPE });
    expect(queued.map((t) => t.taskId)).toEqual(answer.taskIds);
    expect(queued[0]!.title).toBe(answer.actions[0]!.text);
  });

  it('rejects wording whose figure is 30% off a real fact', async () => {
    h.gemini.enqueue((record) => {
      const money = sent(record).facts.find((f) => f.unit === 'INR' && f.value > 1000)!;
      return { text: `Leak: ₹${Math.round(money.value * 1.3).toLocaleString('en-IN')} this week.` };
    });
    const answer = await ask();
    expect(answer.path).toBe('offline');
    expect(answer.notes.join(' ')).toContain('set aside');
  });
});
