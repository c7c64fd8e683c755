// Queues an answer's tasks once, from its final words, and says on the answer which tasks it created.
import type { Answer } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import type { TaskQueue } from '../tasks/task-service.ts';
import type { Analyst } from './port.ts';

/**
 * Wraps the outermost analyst (the model's, or the offline one), so a task's stored title is the action the owner
 * reads, and two questions in one thread each know their own tasks instead of diffing the queue.
 */
export function withTaskQueue(analyst: Analyst, tasks: TaskQueue): Analyst {
  async function queued(answer: Answer, scope: Scope, threadRef: string | undefined): Promise<Answer> {
    if (answer.tasks.length === 0) return { ...answer, taskIds: [] };
    const { created } = await tasks.enqueue(answer.tasks, { scope, ...(threadRef ? { threadRef } : {}) });
    return { ...answer, taskIds: created.map((t) => t.taskId) };
  }
  return {
    async ask(request, onStatus) {
      return queued(await analyst.ask(request, onStatus), request.scope, request.threadId);
    },
    async dailyBrief(scope, onStatus, options) {
      return queued(await analyst.dailyBrief(scope, onStatus, options), scope, options?.threadId);
    },
  };
}
