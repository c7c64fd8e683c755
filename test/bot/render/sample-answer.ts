// Answers shaped like the analyst's, for renderer and Slack tests: a leak scan with a staff finding, a chart and a task;
// and a task row as the store returns it.
import type { Answer, Finding } from '../../../src/core/model/answer.ts';
import type { Task } from '../../../src/core/tasks/port.ts';

const period = { from: '2026-01-08', to: '2026-01-14', label: 'last 7 days' };

export function sampleFinding(n: number, overrides: Partial<Finding> = {}): Finding {
  return {
    key: `wastage:item${n}:2026-01-08..2026-01-14`,
    headline: `Item ${n} wastage: ${n * 2} kg (₹${n * 140}), up ${n}%`,
    rootCause: 'Over-prepping before the lunch rush',
    action: {
      text: `Cut item ${n} prep by a third`,
      deadline: '2026-01-16T04:30:00.000Z',
      deadlineLabel: 'tomorrow 10 AM',
    },
    impactPerWeek: n * 140,
    factIds: [`wastage.item${n}.inr`],
    ...overrides,
  };
}

export function sampleAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    intent: 'leak-scan',
    headline: 'Profit leaks: ₹2,940/week across 2 findings',
    rootCause: 'Maida over-mixing and unrecorded comps',
    findings: [
      sampleFinding(1, {
        key: 'wastage:maida:2026-01-08..2026-01-14',
        headline: 'Maida wastage: 12 kg (₹840), up 23%',
        rootCause: 'Over-mixing at the dough station',
        action: {
          text: 'Retrain prep staff on dough ratios',
          deadline: '2026-01-16T04:30:00.000Z',
          deadlineLabel: 'tomorrow 10 AM',
        },
        impactPerWeek: 840,
        factIds: ['wastage.maida.inr'],
      }),
      sampleFinding(2, {
        key: 'comps:ravi:2026-01-08..2026-01-14',
        headline: 'Ravi comped 14 bills (₹2,100)',
        rootCause: 'Complimentary orders without a manager note',
        action: {
          text: 'Review comps with Ravi',
          deadline: '2026-01-16T12:30:00.000Z',
          deadlineLabel: 'tomorrow 6 PM',
        },
        impactPerWeek: 2100,
        factIds: ['comps.ravi.inr'],
        staffLevel: true,
      }),
    ],
    actions: [
      {
        text: 'Retrain prep staff on dough ratios',
        deadline: '2026-01-16T04:30:00.000Z',
        deadlineLabel: 'tomorrow 10 AM',
      },
    ],
    tasks: [
      {
        title: 'Retrain prep staff on dough ratios',
        findingKey: 'wastage:maida:2026-01-08..2026-01-14',
        dueAt: '2026-01-16T04:30:00.000Z',
        metric: 'wastage-by-item',
        baseline: 840,
        finding: 'Maida wastage: 12 kg (₹840), up 23%',
      },
    ],
    facts: [
      {
        id: 'wastage.maida.inr',
        label: 'Maida wastage',
        value: 840,
        unit: 'INR',
        period,
        query: 'wastage-by-item',
      },
      {
        id: 'comps.ravi.inr',
        label: 'Comps by Ravi',
        value: 2100,
        unit: 'INR',
        period,
        query: 'staff-exceptions',
      },
      {
        id: 'sales.rows',
        label: 'Sales lines scanned',
        value: 45210,
        unit: 'lines',
        period,
        query: 'row-counts',
      },
    ],
    chart: {
      kind: 'bar',
      title: 'Wastage by item, last 7 days',
      x: 'Item',
      y: 'Wastage',
      unit: '₹',
      points: [
        { x: 'Maida', y: 840 },
        { x: 'Paneer', y: 310 },
      ],
    },
    sources: {
      period,
      rows: { sales: 45210, inventory: 812 },
      freshness: { sales: '2026-01-14T22:00:00.000Z', inventory: null },
      gaps: ['no recipes loaded, so theoretical usage is skipped'],
    },
    path: 'offline',
    notes: [],
    ...overrides,
  };
}

export const sampleTask = (overrides: Partial<Task> = {}): Task => ({
  taskId: 'task_1',
  orgId: 'cafe_001',
  locationId: 'tiruppur_main',
  taskType: 'AI_Generated_Action',
  title: 'Retrain prep staff on dough ratios',
  finding: 'Maida wastage: 12 kg (₹840), up 23%',
  status: 'Pending',
  assignee: null,
  dueAt: '2026-01-16T04:30:00.000Z',
  createdAt: '2026-01-15T03:00:00.000Z',
  updatedAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  doneBy: null,
  doneAt: null,
  threadRef: 'teams:a:1',
  ...overrides,
});
