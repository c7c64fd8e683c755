// Deadlines read like a manager would say them, land on working hours in TITAN_TZ, and read back from [TASK:] lines.
import { describe, expect, it } from 'vitest';
import { deadlineIn, parseDeadline } from '../../../src/core/tasks/deadlines.ts';
import { extractTaskLines } from '../../../src/core/tasks/extract-tasks.ts';

const tz = 'Asia/Kolkata';
// Wednesday 25 Nov 2026, 8:00 AM in Kolkata.
const now = new Date('2026-11-25T02:30:00Z');

describe('deadlines', () => {
  it.each([
    [4, 'today 12 PM', '2026-11-25T06:30:00.000Z'],
    [24, 'tomorrow 10 AM', '2026-11-26T04:30:00.000Z'],
    [48, 'Friday 10 AM', '2026-11-27T04:30:00.000Z'],
    [24 * 12, 'Mon 7 Dec 10 AM', '2026-12-07T04:30:00.000Z'],
  ])('%i hours from now → %s', (hours, label, at) => {
    expect(deadlineIn(hours, now, tz)).toEqual({ label, at });
  });

  it('rounds a late-evening deadline to the next working morning', () => {
    const lateEvening = new Date('2026-11-25T18:00:00Z'); // 11:30 PM in Kolkata
    expect(deadlineIn(1, lateEvening, tz).label).toBe('tomorrow 10 AM');
  });

  it('reads back the labels it writes', () => {
    for (const hours of [4, 24, 48, 24 * 12]) {
      const { at, label } = deadlineIn(hours, now, tz);
      expect(parseDeadline(label, now, tz)).toBe(at);
    }
    expect(parseDeadline('EOD', now, tz)).toBe('2026-11-25T12:30:00.000Z');
    expect(parseDeadline('someday', now, tz)).toBeNull();
  });

  it('extracts [TASK:] lines with their deadlines', () => {
    const text = [
      'Maida wastage: 12 kg (₹840), up 23% → Root cause: over-mixing',
      '→ [TASK:] Retrain prep staff by tomorrow 10 AM',
      '[TASK:] Move the paneer order by shift to Friday by Friday 10 AM.',
      '[TASK:] Call the gas vendor',
    ].join('\n');
    expect(extractTaskLines(text, now, tz)).toEqual([
      { action: 'Retrain prep staff', deadlineLabel: 'tomorrow 10 AM', dueAt: '2026-11-26T04:30:00.000Z' },
      {
        action: 'Move the paneer order by shift to Friday',
        deadlineLabel: 'Friday 10 AM',
        dueAt: '2026-11-27T04:30:00.000Z',
      },
      { action: 'Call the gas vendor', deadlineLabel: null, dueAt: null },
    ]);
  });
});
