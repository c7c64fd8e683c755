// /api/v1/tasks: the task queue (filter by status and scope) and PATCH to acknowledge, assign or finish a task.
import { Hono } from 'hono';
import { z } from 'zod';
import { TitanError } from '../../core/errors.ts';
import type { Scope } from '../../core/model/scope.ts';
import type { TaskAction, TaskActResult, TaskService } from '../../core/tasks/port.ts';
import type { RouteDoc } from '../openapi.ts';
import { readJsonBody } from '../read-json-body.ts';

const BASE = '/api/v1/tasks';
const status = z.enum(['Pending', 'Acknowledged', 'Done']);
const scopeId = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'an id of letters, digits, _ . and -');
const person = z.string().trim().min(1).max(200);

export const taskListQuery = z
  .object({ status: status.optional(), org_id: scopeId.optional(), location_id: scopeId.optional() })
  .strict();

export const taskPatchBody = z
  .object({
    status: status.optional(),
    assignee: person.optional(),
    /** Who pressed (shown as acknowledged_by / done_by); the admin API by default. */
    by: person.optional(),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.assignee !== undefined, 'send a status, an assignee or both');

export const TASK_ROUTE_DOCS: RouteDoc[] = [
  { method: 'get', path: BASE, summary: 'Tasks Titan created (?status=Pending&org_id=…&location_id=…)' },
  {
    method: 'patch',
    path: `${BASE}/:id`,
    summary: 'Acknowledge, assign or finish a task; a repeated request changes nothing (changed: false)',
    body: taskPatchBody,
  },
];

function parseQuery(query: Record<string, string>): { scope?: Scope; status?: z.infer<typeof status> } {
  const parsed = taskListQuery.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TitanError('request.invalid', `${issue.path.join('.') || 'query'}: ${issue.message}`);
  }
  const { org_id, location_id } = parsed.data;
  if ((org_id === undefined) !== (location_id === undefined)) {
    throw new TitanError('request.invalid', 'org_id and location_id go together: send both or neither.');
  }
  return {
    ...(org_id && location_id ? { scope: { orgId: org_id, locationId: location_id } } : {}),
    ...(parsed.data.status ? { status: parsed.data.status } : {}),
  };
}

/** The presses a PATCH stands for, in order: assign first, then the status change. */
function actionsFor(body: z.infer<typeof taskPatchBody>, by: string): TaskAction[] {
  const actions: TaskAction[] = [];
  if (body.assignee) actions.push({ kind: 'assign', by, assignee: body.assignee });
  if (body.status === 'Acknowledged') actions.push({ kind: 'acknowledge', by });
  if (body.status === 'Done') actions.push({ kind: 'done', by });
  return actions;
}

export function taskRoutes(deps: { tasks: TaskService }): Hono {
  const { tasks } = deps;
  const app = new Hono();

  app.get(BASE, async (c) => c.json(await tasks.list(parseQuery(c.req.query()))));

  app.patch(`${BASE}/:id`, async (c) => {
    const id = c.req.param('id');
    const body = await readJsonBody(c.req.raw, taskPatchBody);
    const current = await tasks.get(id);
    if (!current) throw new TitanError('not_found', `No task "${id}". GET ${BASE} lists them.`);
    if (body.status === 'Pending' && current.status !== 'Pending') {
      throw new TitanError('conflict', `Task ${id} is ${current.status}; a task never goes back to Pending.`);
    }
    let result: TaskActResult = { task: current, changed: false };
    for (const action of actionsFor(body, body.by ?? 'admin-api')) {
      const step = await tasks.act(id, action);
      result = { task: step.task, changed: result.changed || step.changed };
    }
    return c.json(result);
  });

  return app;
}
