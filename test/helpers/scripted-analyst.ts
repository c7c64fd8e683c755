// The analyst double for chat door tests: reports status lines, then answers and queues the answer's tasks, naming them on it, as the real one does.
import type { Analyst, AskRequest, StatusListener } from '../../src/core/analyst/port.ts';
import type { Answer } from '../../src/core/model/answer.ts';
import type { TaskQueue } from '../../src/core/tasks/task-service.ts';
import { sampleAnswer } from '../bot/render/sample-answer.ts';

export interface ScriptedAnalyst extends Analyst {
  requests: AskRequest[];
  statuses: string[];
  answer: (request: AskRequest) => Promise<Answer> | Answer;
}

/** How one status line goes out: `send` hands it to the door; the promise ends the analyst's step. */
export type ReportStatus = (line: string, send: () => void) => Promise<void>;

/** Real analysts take time between steps; a macrotask lets each status edit go out. */
const nextMacrotask: ReportStatus = async (_line, send) => {
  send();
  await new Promise((resolve) => setImmediate(resolve));
};

export function createScriptedAnalyst(
  tasks: TaskQueue,
  report: ReportStatus = nextMacrotask,
): ScriptedAnalyst {
  const analyst: ScriptedAnalyst = {
    requests: [],
    statuses: ['Scanning 45,210 sales lines…', 'Cross-referencing purchases vs inventory…'],
    answer: () => sampleAnswer(),
    async ask(request: AskRequest, onStatus?: StatusListener) {
      analyst.requests.push(request);
      for (const line of analyst.statuses) await report(line, () => onStatus?.(line));
      const answer = await analyst.answer(request);
      const { created } = await tasks.enqueue(answer.tasks, {
        scope: request.scope,
        ...(request.threadId ? { threadRef: request.threadId } : {}),
      });
      return { ...answer, taskIds: created.map((t) => t.taskId) };
    },
    async dailyBrief() {
      return sampleAnswer({ intent: 'daily-brief', headline: 'Yesterday: ₹42,000 vs ₹45,000 target' });
    },
  };
  return analyst;
}
