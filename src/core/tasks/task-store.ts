// ai_task_queue rows in the warehouse: read, insert-once by deterministic id, and compare-and-set updates.
import { createHash } from 'node:crypto';
import { TitanError } from '../errors.ts';
import type { TaskRemeasure } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import type { Row, SqlParams, Warehouse, WarehouseTx } from '../warehouse/port.ts';
import type { Task, TaskStatus } from './port.ts';
import type { TaskChange } from './task-state.ts';

/** A task as stored, with what re-measurement needs. */
export interface StoredTask extends Task {
  findingKey: string | null;
  metric: string | null;
  baseline: number | null;
  remeasure: TaskRemeasure | null;
}

export const AI_TASK_TYPE = 'AI_Generated_Action';

/** The same finding in the same scope always gets the same id, so a race can insert it only once. */
export function taskIdFor(scope: Scope, findingKey: string): string {
  const digest = createHash('sha256').update(`${scope.orgId}\u0000${scope.locationId}\u0000${findingKey}`);
  return `t-${digest.digest('hex').slice(0, 10)}`;
}

const COLUMNS: [keyof StoredTask, string][] = [
  ['taskId', 'task_id'],
  ['orgId', 'org_id'],
  ['locationId', 'location_id'],
  ['taskType', 'task_type'],
  ['title', 'title'],
  ['finding', 'finding'],
  ['findingKey', 'finding_key'],
  ['metric', 'metric'],
  ['baseline', 'baseline'],
  ['status', 'status'],
  ['assignee', 'assignee'],
  ['dueAt', 'due_at'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
  ['acknowledgedBy', 'acknowledged_by'],
  ['acknowledgedAt', 'acknowledged_at'],
  ['doneBy', 'done_by'],
  ['doneAt', 'done_at'],
  ['threadRef', 'thread_ref'],
];
const COLUMN_OF = new Map(COLUMNS);

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** BigQuery returns JSON columns parsed, SQLite as text. */
function parseRemeasure(v: unknown): TaskRemeasure | null {
  if (v === null || v === undefined || v === '') return null;
  return (typeof v === 'string' ? JSON.parse(v) : v) as TaskRemeasure;
}

function fromRow(row: Row): StoredTask {
  const text = Object.fromEntries(COLUMNS.map(([key, column]) => [key, str(row[column])]));
  return {
    ...(text as Record<keyof StoredTask, string | null>),
    taskId: String(row.task_id),
    orgId: String(row.org_id),
    locationId: String(row.location_id),
    taskType: String(row.task_type),
    title: String(row.title),
    createdAt: String(row.created_at),
    status: row.status as TaskStatus,
    baseline: row.baseline === null || row.baseline === undefined ? null : Number(row.baseline),
    remeasure: parseRemeasure(row.remeasure_json),
  };
}

export function toRow(task: StoredTask): Row {
  const row: Row = {};
  for (const [key, column] of COLUMNS) row[column] = task[key] as Row[string];
  row.remeasure_json = task.remeasure ? JSON.stringify(task.remeasure) : null;
  return row;
}

export interface TaskFilter {
  scope?: Scope;
  status?: TaskStatus;
  /** Only tasks whose deadline is before this ISO timestamp. */
  dueBefore?: string;
}

export interface TaskStore {
  list(filter: TaskFilter, tx?: WarehouseTx): Promise<StoredTask[]>;
  get(taskId: string, tx?: WarehouseTx): Promise<StoredTask | null>;
  /** Inserts unless a task with the same id exists; true when inserted. */
  insertOnce(task: StoredTask, tx: WarehouseTx): Promise<boolean>;
  /** Applies `change` only if the task still has the `expected` status and assignee; true when a row changed. */
  update(
    taskId: string,
    expected: Pick<Task, 'status' | 'assignee'>,
    change: TaskChange,
    now: string,
  ): Promise<boolean>;
}

export function createTaskStore(warehouse: Warehouse): TaskStore {
  const { dialect } = warehouse;
  const table = dialect.table('ai_task_queue');

  async function list(filter: TaskFilter, tx: WarehouseTx = warehouse): Promise<StoredTask[]> {
    const where: string[] = [];
    const params: SqlParams = {};
    if (filter.scope) {
      where.push('org_id = @org_id AND location_id = @location_id');
      Object.assign(params, { org_id: filter.scope.orgId, location_id: filter.scope.locationId });
    }
    if (filter.status) {
      where.push('status = @status');
      params.status = filter.status;
    }
    if (filter.dueBefore) {
      where.push(`due_at IS NOT NULL AND due_at < ${dialect.timestampParam('due_before')}`);
      params.due_before = filter.dueBefore;
    }
    const sql = `SELECT * FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY due_at, task_id`;
    return (await tx.query(sql, params)).map(fromRow);
  }

  return {
    list,
    async get(taskId, tx = warehouse) {
      const rows = await tx.query(`SELECT * FROM ${table} WHERE task_id = @task_id`, { task_id: taskId });
      return rows[0] ? fromRow(rows[0]) : null;
    },
    async insertOnce(task, tx) {
      const existing = await tx.query(`SELECT task_id FROM ${table} WHERE task_id = @task_id`, {
        task_id: task.taskId,
      });
      if (existing.length > 0) return false;
      try {
        return (await tx.insertRows('ai_task_queue', [toRow(task)])) > 0;
      } catch (err) {
        // Another process inserted the same finding between our check and our insert.
        if (err instanceof TitanError && err.code === 'conflict') return false;
        throw err;
      }
    },
    async update(taskId, expected, change, now) {
      const params: SqlParams = {
        task_id: taskId,
        expected_status: expected.status,
        expected_assignee: expected.assignee ?? '',
        updated_at: now,
      };
      const assignments = [`updated_at = ${dialect.timestampParam('updated_at')}`];
      for (const [key, value] of Object.entries(change)) {
        const column = COLUMN_OF.get(key as keyof StoredTask)!;
        params[`v_${column}`] = value;
        const placeholder = column.endsWith('_at') ? dialect.timestampParam(`v_${column}`) : `@v_${column}`;
        assignments.push(`${column} = ${placeholder}`);
      }
      const sql = `UPDATE ${table} SET ${assignments.join(', ')} WHERE task_id = @task_id AND status = @expected_status AND COALESCE(assignee, '') = @expected_assignee`;
      return (await warehouse.execute(sql, params)) > 0;
    },
  };
}
